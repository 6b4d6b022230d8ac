#!/usr/bin/env node
// Deterministic, realistic post-incident reviews in the pir format (docs/format.md), for the
// benchmark suite: front matter with every common key, all the standard sections with prose, a
// UTC timeline with milestone tags, and action items in the canonical task-list form.
//
//   import { generateReview, generateCorpus } from './generate.mjs';
//   generateReview({ seed: 1, bytes: 5000 })        // ~5 KB
//   generateReview({ seed: 1, lines: 5000 })        // a 5,000-line review
//   node scripts/bench/generate.mjs --out DIR --count 2000 [--seed 1]
//
// The same seed and size always give the same text. A few reviews in a corpus carry the mistakes
// real drafts have (a stamp in a local zone, a vague action item), so linting them finds
// something, as it would in a real repository.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** mulberry32: a small, fast, seedable PRNG */
function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (xs) => xs[Math.floor(next() * xs.length)],
    chance: (p) => next() < p,
  };
}

const SERVICES = ['checkout-api', 'payments-gateway', 'cart-api', 'search-api', 'login-service', 'session-store', 'invoice-worker', 'billing-db', 'settings-service', 'image-resizer', 'notification-fanout', 'order-events', 'inventory-sync', 'recommendations', 'edge-proxy', 'api-gateway', 'ledger-writer', 'fraud-scoring', 'shipping-quotes', 'catalog-indexer'];
const STORES = ['the primary Postgres cluster', 'the Redis session cache', 'the Kafka order-events topic', 'the Elasticsearch product index', 'the S3 image bucket', 'the RabbitMQ invoices queue', 'the etcd settings store', 'the DynamoDB carts table'];
const METRICS = ['http_5xx_rate', 'p99_latency_ms', 'queue_depth', 'replication_lag_seconds', 'consumer_lag', 'error_budget_burn', 'cpu_throttled_ratio', 'connection_pool_wait_ms', 'cache_hit_ratio', 'disk_used_ratio'];
const TEAMS = ['@checkout-platform', '@payments-eng', '@search-infra', '@identity', '@observability', '@deploy-tooling', '@data-platform', '@sre-core', '@billing-eng', '@edge-networking', '@storage-team', '@mobile-backend'];
const PEOPLE = ['Dana Okafor', 'Tomás Herrera', 'Mei Lin Chua', 'Jonas Berg', 'Aisha Mensah', 'Priya Raman', 'Ana Pereira', 'Kenji Watanabe', 'Fatima Zahra', 'Lukas Novak', 'Grace Adeyemi', 'Oskar Lindqvist', 'Sofia Marin', 'Ravi Iyer', 'Hannah Cohen', 'Mateo Rossi'];
const ROLES = ['responder', 'responder', 'it-operations', 'communications', 'business-owner', 'subject-matter-expert', 'scribe'];
const CAUSES = ['a configuration push', 'a schema migration', 'a certificate rotation', 'a dependency upgrade', 'a traffic spike from a marketing campaign', 'a failed disk on a storage node', 'an expired OAuth client secret', 'a retry storm after a brief network partition', 'a feature flag enabled for all tenants at once', 'a cron job that ran twice'];
const DOMAINS = ['change-management', 'monitoring', 'capacity', 'resilience', 'incident-response', 'observability', 'testing', 'documentation', 'access-control'];
const TYPES = ['prevent', 'prevent', 'mitigate', 'detect', 'process'];
const VERBS_PAST = ['rose', 'climbed', 'spiked', 'fell', 'dropped', 'doubled', 'flattened'];

const pad = (n) => String(n).padStart(2, '0');
const isoMinute = (d) => d.toISOString().slice(0, 16).replace('T', ' ');
const isoZ = (d) => d.toISOString().replace('.000Z', 'Z');
const day = (d) => d.toISOString().slice(0, 10);

function sentence(r, ctx) {
  const svc = r.pick(ctx.services), other = r.pick(SERVICES), store = r.pick(STORES), metric = r.pick(METRICS), person = r.pick(ctx.people);
  const n = r.int(2, 97), m = r.int(2, 45);
  const templates = [
    `${svc} ${r.pick(VERBS_PAST)} to ${n}% of its normal ${metric} within ${m} minutes.`,
    `The dashboards for ${svc} showed ${metric} at ${n} while the alert threshold was ${n + m}, so nothing paged.`,
    `${person} compared the error logs of ${svc} and ${other} and found that both failed on calls to ${store}.`,
    `Requests from ${other} to ${svc} waited up to ${m} seconds for a connection before timing out.`,
    `The runbook for ${svc} described the rollback for code releases but not for ${ctx.cause}.`,
    `About ${n * 37} customers saw errors, and ${m}% of them retried successfully within the hour (an estimate from the access logs).`,
    `${store} kept serving reads, which limited the impact to writes and to checkout flows that needed a fresh quote.`,
    `The change went through review and CI as usual; neither checked the value that broke ${svc}.`,
    `Traffic shifted to the secondary region after ${m} minutes, where ${svc} had ${n} spare instances.`,
    `The on-call engineer declared the incident after ${m} minutes, once the customer support queue passed ${n} tickets.`,
    `A manual failover of ${store} took ${m} minutes because the procedure needed approval from two people.`,
    `Error rates for ${other} stayed below ${n / 10}% throughout, because it caches responses from ${svc} for five minutes.`,
    `The incident channel had ${n} participants at its peak, and the status page was updated every ${m} minutes.`,
    `Synthetic checks against ${svc} ran every five minutes and caught the failure on their second run.`,
    `Capacity for ${svc} had been planned for ${n * 100} requests per second; the peak that day was ${n * 100 + m * 40}.`,
  ];
  return r.pick(templates);
}

function paragraph(r, ctx, sentences) {
  const out = [];
  for (let i = 0; i < sentences; i++) out.push(sentence(r, ctx));
  // wrap at ~100 columns like a hand-written review
  const words = out.join(' ').split(' ');
  const lines = [];
  let line = '';
  for (const w of words) {
    if (line && line.length + w.length + 1 > 98) { lines.push(line); line = w; } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

function bullets(r, ctx, count, sentencesEach = 1) {
  const out = [];
  for (let i = 0; i < count; i++) out.push(`- ${paragraph(r, ctx, sentencesEach).replace(/\n/g, '\n  ')}`);
  return out.join('\n');
}

function timelineEvent(r, ctx) {
  const svc = r.pick(ctx.services), metric = r.pick(METRICS), person = r.pick(ctx.people), store = r.pick(STORES);
  return r.pick([
    `${metric} for ${svc} crosses ${r.int(2, 90)}%`,
    `${person} acknowledges the page and opens the incident channel`,
    `${svc} pods restart in a loop; ${r.int(3, 60)} of ${r.int(61, 240)} are ready`,
    `Rollback of ${svc} release ${r.int(2020, 2026)}.${r.int(1, 12)}.${r.int(1, 28)}-${r.int(1, 4)} starts`,
    `${person} finds timeouts to ${store} in the ${svc} logs`,
    `Status page updated: "${svc} degraded for some customers"`,
    `Traffic to ${svc} shifted to the secondary region`,
    `Support escalates ${r.int(3, 80)} customer reports about ${svc}`,
    `Connection pool for ${store} resized from ${r.int(20, 60)} to ${r.int(61, 200)}`,
    `Incident commander asks ${person} to pause all deploys to ${svc}`,
    `Failover of ${store} completes; writes resume`,
    `${metric} back under its baseline for ${svc}`,
  ]);
}

function actionTitle(r, ctx) {
  const svc = r.pick(ctx.services), metric = r.pick(METRICS), store = r.pick(STORES);
  const n = r.int(2, 95), m = r.int(2, 30);
  return r.pick([
    `Page the ${svc} on-call when ${metric} is above ${n} for ${m} minutes`,
    `Reject ${svc} settings that fail the JSON Schema in the settings-repo CI`,
    `Roll out ${svc} releases to ${m}% of pods first and halt when ${metric} exceeds ${n}`,
    `Add a runbook step for restoring ${store} from the last snapshot, with the exact commands`,
    `Cap retries from ${svc} to ${store} at ${m % 5 + 2} with exponential backoff and jitter`,
    `Raise the ${svc} connection pool limit to ${n * 4} and alert at 80% utilisation`,
    `Annotate the ${svc} dashboards with every settings push and feature-flag change`,
    `Run a quarterly game day that fails over ${store} and measures recovery time`,
    `Make ${svc} keep its last known good configuration when a reload fails validation`,
    `Expire ${svc} cache entries after ${m} minutes instead of never`,
  ]);
}

/** Builds a review from knobs; `generateReview` picks the knobs for a target size. */
function build(seed, k) {
  const r = rng(seed);
  const num = k.index ?? seed;
  const year = 2025 + (num % 2);
  const incId = `INC-${year}-${String(num).padStart(4, '0')}`;
  const capPrefix = `CAP-${num}`;
  const services = [r.pick(SERVICES), r.pick(SERVICES), r.pick(SERVICES)].filter((s, i, a) => a.indexOf(s) === i);
  const people = [];
  while (people.length < 5) { const p = r.pick(PEOPLE); if (!people.includes(p)) people.push(p); }
  const cause = r.pick(CAUSES);
  const ctx = { services, people, cause };
  const severity = r.pick(['SEV1', 'SEV2', 'SEV2', 'SEV3', 'SEV3', 'SEV3', 'SEV4']);
  const major = severity === 'SEV1' || (severity === 'SEV2' && r.chance(0.4));
  const status = k.minimal ? 'draft' : r.pick(['final', 'final', 'in-review', 'draft']);
  const started = new Date(Date.UTC(year, r.int(0, 11), r.int(1, 28), r.int(0, 22), r.int(0, 59)));
  const stepMs = (k.timelineStepMin ?? 4) * 60_000;
  const entries = Math.max(3, k.timeline);
  const detectedAt = Math.max(1, Math.floor(entries * 0.15));
  const mitigatedAt = Math.max(detectedAt + 1, Math.floor(entries * 0.7));
  const resolvedAt = Math.max(mitigatedAt, entries - 1);
  // the timeline: strictly increasing minutes, milestone tags on the matching entries
  const times = [];
  let t = started.getTime();
  for (let i = 0; i < entries; i++) { times.push(new Date(t)); t += stepMs + r.int(0, 3) * 60_000; }
  const detected = times[detectedAt], mitigated = times[mitigatedAt], resolved = times[resolvedAt];
  const meeting = new Date(resolved.getTime() + r.int(1, 5) * 86_400_000);

  const fm = [
    '---',
    `id: ${incId}`,
    `title: ${services[0]} ${r.pick(['returned errors', 'was slow', 'dropped writes', 'rejected logins', 'served stale data'])} for ${Math.round((mitigated - started) / 60_000)} minutes after ${cause}`,
    `status: ${status}`,
    `severity: ${severity}`,
    `major: ${major}`,
  ];
  if (major) fm.push(`major_rationale: >-\n  ${paragraph(r, ctx, 2).replace(/\n/g, '\n  ')}`, `approver: ${people[4]}`);
  fm.push(`started: ${isoZ(started)}`, `detected: ${isoZ(detected)}`, `mitigated: ${isoZ(mitigated)}`, `resolved: ${isoZ(resolved)}`);
  if (!k.minimal) {
    fm.push(`review_meeting: ${day(meeting)}`, 'attendees:', `  - name: ${people[0]}`, '    role: incident-commander');
    for (let i = 1; i < 5; i++) fm.push(`  - name: ${people[i]}`, `    role: ${r.pick(ROLES)}`);
  }
  fm.push(`services: [${(k.minimal ? services.slice(0, 1) : services).join(', ')}]`, `authors: [${people[0]}${k.full ? `, ${people[1]}` : ''}]`);
  const wontDo = k.actions >= 4 && r.chance(0.15);
  if (wontDo) fm.push('residual_risks:', `  - risk: ${capPrefix}-2 will not be done. ${sentence(r, ctx)}`, `    accepted_by: ${people[4]}`, `    date: ${day(meeting)}`);
  fm.push('---');

  const out = [fm.join('\n'), '', `# ${incId}: ${fm[2].slice(7)}`, ''];
  const section = (title, body) => { out.push(`## ${title}`, '', body, ''); };
  const P = (n) => Math.max(1, Math.round(n * k.prose));

  if (k.minimal) {
    // an early draft (~1 KB): the sections written first, a line of prose each
    section('Summary', `${services[0]} ${r.pick(['returned errors', 'was slow'])} for ${Math.round((mitigated - started) / 60_000)} minutes after ${cause}.`);
    section('Impact', `About ${r.int(2, 40)}% of requests to ${services[0]} failed.`);
  } else {
    section('Summary', paragraph(r, ctx, P(4)));
    section('Impact', bullets(r, ctx, P(4)));
  }

  // timeline (a flawed review has one stamp in a local zone)
  const flawStamp = k.flaws && r.chance(0.5) ? r.int(1, entries - 1) : -1;
  const tl = [`All times UTC, ${day(started)}.`, ''];
  let lastDay = '';
  for (let i = 0; i < entries; i++) {
    const d = times[i];
    const stamp = day(d) !== lastDay ? `${isoMinute(d)} UTC` : `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
    lastDay = day(d);
    const tag = i === detectedAt ? ' [detected]' : i === mitigatedAt ? ' [mitigated]' : i === resolvedAt ? ' [resolved]' : '';
    const shown = i === flawStamp ? `${isoMinute(new Date(d.getTime() + 3_600_000))} CET` : stamp;
    const ev = i === 0 ? `${cause[0].toUpperCase()}${cause.slice(1)} reaches ${services[0]}` : i === detectedAt ? `Alert ${r.pick(METRICS)} fires and pages the ${services[0]} on-call` : timelineEvent(r, ctx);
    tl.push(`- ${shown} — ${ev}${tag}`);
  }
  section('Timeline', tl.join('\n'));

  if (k.minimal) {
    section('Root cause', `${cause[0].toUpperCase()}${cause.slice(1)} reached every ${services[0]} instance at once.`);
  } else {
    section('Response', [`**Detection.** ${paragraph(r, ctx, P(2))}`, `**Diagnosis.** ${paragraph(r, ctx, P(3))}`, `**Containment and recovery.** ${paragraph(r, ctx, P(2))}`].join('\n\n'));
    const rc = [];
    for (let i = 0; i < P(3); i++) rc.push(`${i + 1}. **${r.pick(['No check before publishing', 'No staged rollout', 'No fallback', 'Shared failure domain', 'Unbounded retries', 'Missing alert'])}.** ${paragraph(r, ctx, 2).replace(/\n/g, '\n   ')}`);
    section('Root cause', `The conditions that let ${cause} take ${services[0]} down:\n\n${rc.join('\n')}`);
    section('Contributing factors', bullets(r, ctx, P(4)));
    section('What went well', bullets(r, ctx, P(3)));
    section('What went poorly', bullets(r, ctx, P(3)));
    section('Where we got lucky', bullets(r, ctx, P(2)));
    section('Lessons learned', bullets(r, ctx, P(3)));
  }

  const items = [];
  // done items were due soon after the meeting; open ones are due in 2028, so a corpus stays free
  // of overdue warnings for a while (the CLI checks against today's date)
  const due0 = new Date(meeting.getTime() + 7 * 86_400_000);
  const dueOpen = new Date(Date.UTC(2028, 0, 10));
  for (let i = 1; i <= Math.max(1, k.actions); i++) {
    const id = `${capPrefix}-${i}`;
    const done = !k.minimal && r.chance(0.6);
    const vague = k.flaws && i === 1 && r.chance(0.5);
    const title = vague ? 'Improve monitoring and be more careful with config changes' : actionTitle(r, ctx);
    items.push(`- [${done ? 'x' : ' '}] ${id}: ${title}`,
      `  - owner: ${r.pick(TEAMS)}`,
      `  - due: ${day(new Date((done ? due0 : dueOpen).getTime() + r.int(0, 60) * 86_400_000))}`,
      ...(k.minimal ? [] : [`  - type: ${r.pick(TYPES)}`, `  - domain: ${r.pick(DOMAINS)}`]),
      `  - validation: ${r.pick(['a staging game day shows', 'an integration test proves', 'replaying the incident metrics shows', 'a query over the last 30 days shows'])} that ${r.pick(ctx.services)} ${r.pick(['stays under', 'alerts at', 'recovers within'])} ${r.int(2, 30)} ${r.pick(['minutes', 'percent', 'seconds'])}`,
      `  - tracking: https://tracker.example.com/${r.pick(['PLAT', 'OPS', 'SRE', 'BILL'])}-${r.int(100, 9999)}`);
    if (i > 1 && r.chance(0.2)) items.push(`  - depends: ${capPrefix}-${r.int(1, i - 1)}`);
    if (done) items.push(`  - evidence: https://tracker.example.com/CHG-${r.int(100, 9999)} (merged ${day(due0)})`);
    else if (wontDo && i === 2) items.push('  - status: wont-do');
    else if (r.chance(0.2)) items.push('  - status: in-progress');
  }
  section('Action items', items.join('\n'));
  if (k.full) {
    section('Policy and procedure changes', bullets(r, ctx, P(2)));
    section('Open questions', Array.from({ length: P(2) }, () => `- ${sentence(r, ctx).replace(/\.$/, '?')} — owner: ${r.pick(TEAMS)}`).join('\n'));
  }
  return out.join('\n');
}

/**
 * One review. Give `bytes` (approximate size) or `lines` (approximate line count); `index`
 * numbers the review and its action IDs (unique across a corpus); `flaws` lets the review carry
 * a typical mistake or two.
 */
export function generateReview({ seed = 1, bytes, lines, index, flaws = false } = {}) {
  const knobs = (s) => ({
    index, flaws,
    full: s >= 0.6,
    minimal: !!bytes && bytes < 2000,
    prose: Math.min(1, 0.25 + s * 0.4) * (s > 4 ? s / 4 : 1),
    timeline: Math.round(3 + s * 12),
    actions: Math.round(1 + s * 3),
    timelineStepMin: s > 4 ? 1 : 4,
  });
  const measure = (text) => (lines ? text.split('\n').length : Buffer.byteLength(text));
  const target = lines ?? bytes ?? 5000;
  // size grows about linearly with the scale: a few secant steps reach the target within a few %
  let scale = 1, text = build(seed, knobs(scale));
  for (let i = 0; i < 4; i++) {
    const size = measure(text);
    if (Math.abs(size - target) / target < 0.03) break;
    scale *= target / size;
    text = build(seed, knobs(scale));
  }
  return text;
}

/** A corpus: `count` reviews with a realistic size mix (mostly ~3-8 KB, some short, a few long). */
export function generateCorpus(count, seed = 1) {
  const r = rng(seed * 7919);
  const out = [];
  for (let i = 0; i < count; i++) {
    const u = r.next();
    const bytes = u < 0.2 ? r.int(900, 2000) : u < 0.9 ? r.int(3000, 8000) : r.int(10_000, 20_000);
    const text = generateReview({ seed: seed * 100_003 + i, bytes, index: i + 1, flaws: r.chance(0.15) });
    const name = `${text.match(/^started: (\d{4}-\d\d-\d\d)/m)?.[1] ?? '2026-01-01'}-incident-${String(i + 1).padStart(4, '0')}.pir.md`;
    out.push({ name, text });
  }
  return out;
}

/** Writes a corpus into `dir` (in sub-folders of 250 files, like a repository by year/team). */
export function writeCorpus(dir, count, seed = 1) {
  const files = [];
  generateCorpus(count, seed).forEach(({ name, text }, i) => {
    const sub = join(dir, `team-${String(Math.floor(i / 250)).padStart(2, '0')}`);
    if (i % 250 === 0) mkdirSync(sub, { recursive: true });
    const file = join(sub, name);
    writeFileSync(file, text);
    files.push(file);
  });
  return files;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
  const out = opt('--out');
  const seed = Number(opt('--seed', '1'));
  if (out) {
    const files = writeCorpus(resolve(out), Number(opt('--count', '2000')), seed);
    console.log(`${files.length} reviews written to ${resolve(out)}`);
  } else {
    const lines = opt('--lines'), bytes = opt('--bytes', '5000');
    process.stdout.write(generateReview({ seed, lines: lines ? Number(lines) : undefined, bytes: lines ? undefined : Number(bytes) }));
  }
}
