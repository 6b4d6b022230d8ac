/**
 * Is an action item specific enough to open a ticket and know when it is done?
 *
 * The guideline: an item is concrete when it names a **change** (or a **bounded check** of a named
 * hypothesis) and a specific **target**: a named system, component, product or tool, a signal or
 * condition, a threshold, an artifact (runbook, alert, test, dashboard…), a setting. Aspiration
 * ("be more careful", "improve X"), meta-process with no content ("discuss…", "create a process
 * for…"), training with no named artifact, monitoring that names no signal and open-ended
 * investigation are vague.
 *
 * The analysis follows that structure, not lists of phrases:
 *  1. the item is tagged with a part-of-speech tagger (./pos.ts, wink-nlp) and split into clauses;
 *  2. in each clause the predicate is found: the subject and modal ("we will", "the team should")
 *     are skipped, and the first verb is the predicate's head; an item with no verb at its head
 *     ("Automated alerts for …") is read as a noun phrase naming the thing to build;
 *  3. the predicate's verb is classed by its lemma into what kind of act it asks for: a change (the
 *     default: any verb the classes below do not claim), an aspiration, a behaviour, a discussion,
 *     a review, an investigation, training, or making a process;
 *  4. the rest of the clause (object and complements) is searched for a specific target: a proper
 *     noun, an identifier, a number with a unit, a noun of one of the guideline's kinds (artifact,
 *     setting, signal, component), a condition ("when …", "above …"), or a compound noun whose
 *     head is not a generic word ("web tier", "transaction failures");
 *  5. the kind of act decides what must be present: a change needs a target; an investigation
 *     needs a bound (a named option, or "whether/why" + a specific clause); monitoring needs a
 *     signal; training needs an artifact; aspiration, behaviour, discussion and review are vague
 *     unless they also carry a concrete change elsewhere in the item.
 *
 * An item whose verb the tagger has never seen in these classes is treated as a change, so it is
 * judged on its target: a new kind of item is concrete exactly when it names something specific.
 */
import { tagTokens, type Token } from './pos';

/** What an item lacks: the change to make, a specific target, the signal to watch, the artifact training produces, the bound of an investigation. */
export type Missing = 'change' | 'target' | 'signal' | 'artifact' | 'bound';

/** `vague` with `missing` (what to add) and `because` (a clause, e.g. "asks to improve without saying how"). */
export interface Assessment { vague: boolean; missing: Missing[]; because: string }

/** What kind of act a predicate asks for, by its verb's lemma. */
type Act = 'direction' | 'principle' | 'delegate' | 'change' | 'aspire' | 'behave' | 'discuss' | 'review' | 'investigate' | 'train' | 'transparent' | 'monitor';

const ACTS: Record<string, Act> = {};
const classify = (act: Act, words: string) => { for (const w of words.split(' ')) ACTS[w] = act; };
// asks for a better state without a mechanism
classify('aspire', 'improve enhance strengthen optimize optimise streamline gain maintain bolster harden boost mature modernize modernise aim strive prioritize prioritise foster promote reinforce');
// asks people to behave differently
classify('behave', 'be stay remain become communicate focus pay care remember know learn');
// talks instead of changing
classify('discuss', 'discuss talk agree think brainstorm revisit reconsider debate meet propose suggest curate decide align sync chat');
// looks at something without saying what changes
classify('review', 'review reassess re-review');
// open until bounded by a named hypothesis or option
classify('investigate', 'investigate explore research spike look diagnose identify figure find understand evaluate assess analyze analyse study determine examine reproduce');
// asks someone else to act: the complement is the act ("ask the vendor to rotate the key")
classify('delegate', 'ask request tell get');
classify('train', 'train educate teach instruct onboard coach mentor');
// carry the act of their complement: "ensure that X is configured …", "consider using X", "plan to add …"
classify('transparent', 'ensure consider plan want need make start begin aim help allow let continue');
classify('monitor', 'monitor watch observe track');

/** Nouns that name no specific thing on their own. */
const GENERIC = new Set(('path paths network networks hardware software code data application applications apps thing things stuff issue issues problem problems process processes procedure procedures system systems service services infrastructure ' +
  'everything anything something way ways approach approaches solution solutions option options possibility possibilities means quality reliability stability resilience resiliency ' +
  'robustness performance visibility observability communication communications awareness confidence coverage practice practices idea ideas area areas part parts side sides aspect aspects ' +
  'case cases situation situations future meantime time times term level levels kind kinds type types sort lot lots plan plans guideline guidelines framework strategy ' +
  'culture mindset care attention priority priorities urgency severity effort efforts work improvement improvements change changes measure measures action actions step steps team teams people folks ' +
  'member members user users community customer customers partner partners stakeholder stakeholders incident incidents failure failures outage outages ' +
  'health state status support help feedback policy policies response responses process-es matter matters design designs model models etc capability capabilities ability').split(' '));

/** Nouns of the guideline's kinds: artifacts, mechanisms, settings, components a ticket can point at. */
const KIND_NOUNS = new Set(('alert alerts alarm alarms page pager runbook runbooks playbook playbooks checklist checklists dashboard dashboards graph graphs ' +
  'test tests suite canary canaries probe probes check checks assertion assertions lint linter hook hooks gate gates drill drills rehearsal rehearsals ' +
  'timeout timeouts retry retries limit limits quota quotas threshold thresholds budget sla slo slos flag flags setting settings config configuration parameter parameters param params ' +
  'version versions pin lock lockfile dependency dependencies replica replicas backup backups snapshot snapshots index indexes column columns table tables schema schemas ' +
  'endpoint endpoints api apis job jobs cronjob webhook webhooks script scripts pipeline pipelines workflow workflows template templates form ' +
  'certificate certificates cert certs credential credentials secret secrets token tokens password passwords key keys account accounts role roles permission permissions ' +
  'firewall dns proxy gateway balancer cache caches queue queues topic topics bucket buckets cluster clusters node nodes pod pods container containers image images ' +
  'database db registry repository repo branch module provider controller operator daemon agent bot tier layer region zone vpc subnet route routes rule rules ' +
  'channel channels list mailing email rotation schedule escalation escalations owner owners codeowners doc docs documentation readme guide wiki page ' +
  'migration release releases changelog environment environments staging sandbox testnet mainnet devnet network firewalling ' +
  'log logs logging metric metrics telemetry trace traces tracing monitoring alerting notification notifications report reports audit audits ' +
  'latency errors error lag expiry expiration usage utilization utilisation saturation throughput timeout disconnects crashes restarts memory cpu disk storage bandwidth traffic request requests ' +
  'simulation simulations load test harness fixture fixtures mock emulator ci cd deploy deployment deployments rollout rollback rollbacks upgrade upgrades patch patches fix fixes ' +
  'ip ips address addresses domain domains host hosts hostname hostnames server servers instance instances vm vms machine machines disk disks volume volumes file files directory ' +
  'package packages library libraries sdk cli command commands tool tooling binary binaries build builds artifact artifacts').split(' '));

/** Nouns of monitoring: they need a signal or condition to be specific. */
const MONITORING = new Set('monitoring alerting alerts alert alarms alarm observability visibility telemetry metrics logging logs dashboards dashboard notifications'.split(' '));
/** Signals and conditions a monitor can watch. */
const SIGNAL_NOUNS = new Set(('latency errors error failures failure rate rates lag expiry expiration usage utilization utilisation saturation throughput timeout timeouts disconnects ' +
  'crashes crash restarts restart count counts size depth backlog liveness readiness uptime downtime availability health-check healthchecks ' +
  'memory cpu disk space load loss drops drift spikes spike duration age stall stalls starvation exhaustion signature status').split(' '));
/** Words that leave a list or an investigation open-ended. */
const OPEN_ENDED = new Set('further more other possible possibilities options alternatives ways any additional general etc'.split(' '));

/** Short technical words that make a hyphenated word a name ("external-dns", "kube-proxy"). */
const TECH = new Set('dns api apis ci cd db io vm os ip tls ssl http https sdk cli ui k8s kube aws gcp az git npm rpc grpc json yaml tcp udp ssh vpn cdn iam sso ldap smtp'.split(' '));

/** People and groups: a subject that is one of them names no target. */
const PEOPLE = /^(?:we|i|you|they|he|she|team|teams|people|folks|engineers?|developers?|operators?|members?|staff|everyone|someone|contributors?|users?|owners?|managers?)$/;

const CONDITION = new Set('when whenever if once before after above below over under exceeds exceed within until unless whether why'.split(' '));

function clean(text: string): string {
  return text
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1') // links: keep their text
    .replace(/\bhttps?:\/\/\S+/g, ' ')
    .replace(/\b(?:ticket|issue|pr|pull request|ticker)s?(?:\s+raised)?\s*:?\s*\[?#?\d+\]?\s*$|\b(?:ticket|issue)s?\s+raised\s*:?\s*$/i, '')
    .replace(/\[#?\d+\]|#\d+\b/g, '')
    .replace(/[*_]{1,2}/g, '')
    .replace(/^\s*\(?(?:DONE|TODO|Done|Todo|WIP|already planned|Already planned)\)?\s*:?\s*/g, '')
    .replace(/\((?:done|DONE|Done)\)|\bDONE\b.*$|✔️|✅|✔|^\s*\[[ xX]\]\s*/g, '')
    .replace(/[\u200b-\u200f\ufeff]/g, '')
    .replace(/^\s*(?:action point|action item|todo|ap|follow[- ]up)\s*:\s*/i, '')
    .replace(/^\s*[A-Za-z][\w ]{0,25} team\s*:\s*/i, '')
    .replace(/^\s*(?:as (?:a first step|a temporary stopgap|part of [\w ]+?)|first course of action|going forward|in the future|longer term|short term),?\s*(?:to\s+)?/i, '')
    .replace(/^\s*(?:before|after|when|once|until|if)\b[^,]{0,60},\s*/i, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A clause of the item, tagged, with the first character lower-cased so a leading imperative is not read as a name. */
interface Clause { tokens: Token[]; text: string; /** the item links a ticket or page that bounds "the issue" */ linked?: boolean }

/** The item's clauses: sentences, and parts joined by ";" or " - ". */
function clauses(text: string): string[] {
  return text.split(/(?<=[.!?])\s+(?=[A-Z])|;\s*|\s[-–—]\s|:\s+(?=[A-Z])/).map(s => s.trim()).filter(s => /[a-z]/i.test(s));
}

/**
 * Tags a clause as an instruction: "we will " is put before it, so a leading verb reads as a verb
 * ("Track latency" is an imperative, not a name) and a leading noun phrase still reads as a noun.
 */
function tagClause(text: string): Clause {
  const lower = text[0].toLowerCase() + text.slice(1);
  const tokens = tagTokens('we will ' + lower).slice(2).map(t => ({ ...t, start: t.start - 8, end: t.end - 8 }));
  return { tokens, text: lower };
}

const IDENTIFIER = /`[^`]+`|^(?:[A-Za-z]*[a-z][A-Z]\w*|[A-Z]{2,}\w*|\w+(?:[-_./@:]\w+)+|[A-Za-z]+\d+\w*|\d+\w*[A-Za-z]+|[#@][\w-]+|\/\d+)$/;
/** English compounds written with hyphens are words, not names. */
const COMPOUND = /^(?:post|pre|non|re|co|self|cross|multi|sub|semi|well|high|low|long|short|real|third|in|on|off|up|follow|built|read|write|end|ad|e|day|one|two|top|first|last|double|single|full|half|all|time|cost|user|team|company|org|service|business|mission|data|cloud|rollback|production|state|application|level|add|read|built|well|proof|post|pre)-[a-z]+(?:-[a-z]+)*$/i;
const UNIT = /^(?:%|ms|s|sec|secs|seconds?|mins?|minutes?|h|hrs?|hours?|days?|weeks?|gi|gib|gb|mi|mib|mb|kb|tb|x|rps|qps|percent|nodes|pods|replicas|retries|requests|errors|nines)$/i;

/** What specific things a stretch of tokens names. */
interface Specifics { /** identifiers: code, kebab/snake/dotted names, quoted messages (a metric or log line can be one) */ ident: string[]; named: string[]; kind: string[]; signal: string[]; number: boolean; condition: boolean; compound: string[]; openEnded: boolean; headGeneric: boolean; head?: Token }

function specifics(tokens: Token[], text: string): Specifics {
  const s: Specifics = { ident: [], named: [], kind: [], signal: [], number: false, condition: false, compound: [], openEnded: false, headGeneric: false };
  let run: Token[] = [];
  const flush = () => {
    if (run.length >= 2) {
      const head = run[run.length - 1];
      if (!GENERIC.has(head.lower) && !GENERIC.has(head.lemma) && run.slice(0, -1).some(m => !GENERIC.has(m.lower) && !GENERIC.has(m.lemma))) s.compound.push(run.map(t => t.text).join(' '));
    }
    run = [];
  };
  tokens.forEach((t, i) => {
    const raw = text.slice(t.start, t.end);
    const hyphen = t.text === '-' && run.length > 0 && tokens[i + 1] && /^(?:NOUN|PROPN|ADJ|VERB)$/.test(tokens[i + 1].pos) && t.start === tokens[i - 1].end && tokens[i + 1].start === t.end;
    if (hyphen) { /* "priority-classes": one compound */ }
    else if (t.pos === 'NOUN' || t.pos === 'PROPN' || (t.pos === 'ADJ' || t.pos === 'VERB') && i > 0 && tokens[i - 1].text === '-' && run.length > 0 || (t.pos === 'ADJ' && tokens[i + 1]?.pos === 'NOUN' && /-/.test(raw))) run.push(t); else flush();
    if ((IDENTIFIER.test(raw) && !COMPOUND.test(raw)) || (t.pos === 'PROPN' && /^[A-Z]/.test(raw) && t.start > 0)) s.named.push(raw);
    if (t.type === 'hashtag' || t.type === 'mention' || t.type === 'email' || t.type === 'url') s.named.push(raw);
    if (KIND_NOUNS.has(t.lower) || KIND_NOUNS.has(t.lemma)) s.kind.push(t.lower);
    if (SIGNAL_NOUNS.has(t.lower) || SIGNAL_NOUNS.has(t.lemma)) s.signal.push(t.lower);
    if ((t.pos === 'NUM' || t.type === 'number') && /\d/.test(raw)) {
      const next = tokens[i + 1];
      if (next && (UNIT.test(next.text) || next.pos === 'NOUN' || next.pos === 'SYM')) s.number = true;
      if (/\d(?:%|ms|s|m|h|d|gi|gb|mb|x)$/i.test(raw)) s.number = true;
    }
    if (CONDITION.has(t.lower) && tokens[i + 1] && tokens[i + 1].pos !== 'PUNCT') s.condition = true;
    if (OPEN_ENDED.has(t.lower)) s.openEnded = true;
  });
  flush();
  // names the tokenizer splits: "memory-snapshot-on-shutdown", "docs.flutter.dev", "live-2"
  if (tokens.length) {
    const raw = text.slice(tokens[0].start, tokens[tokens.length - 1].end);
    for (const m of raw.matchAll(/"[^"]{3,}"|“[^”]{3,}”/g)) { s.named.push(m[0]); s.ident.push(m[0]); }
    for (const m of raw.matchAll(/`[^`]+`|[\w.]+(?:[-_./@][\w]+)+/g)) {
      const w = m[0];
      if (COMPOUND.test(w) || /^\d+[-/.]\d+$/.test(w) || /^(?:e\.g|i\.e|etc|vs|a\.k\.a|n\/a)\.?$/i.test(w)) continue;
      // a two-part lower-case hyphenated word is English ("add-ons", "read-only") unless a part is technical
      const parts = w.split('-');
      if (/^[a-z]+-[a-z]+$/.test(w) && !parts.some(x => TECH.has(x))) continue;
      s.named.push(w); s.ident.push(w);
    }
  }
  // the object's head: the last noun of the first noun phrase
  let head: Token | undefined;
  for (const t of tokens) {
    if (t.pos === 'NOUN' || t.pos === 'PROPN') head = t;
    else if (head && !['ADJ', 'DET', 'NUM', 'PUNCT', 'CCONJ'].includes(t.pos)) break;
    else if (head && t.pos === 'PUNCT' && !/^[-/]$/.test(t.text)) break;
  }
  s.head = head;
  s.headGeneric = !!head && (GENERIC.has(head.lower) || GENERIC.has(head.lemma));
  return s;
}

/** Names something specific. Monitoring words alone ("monitoring", "alerts") do not: they need their signal. */
const specific = (s: Specifics) => s.named.length > 0 || s.kind.some(k => !MONITORING.has(k)) || s.number || s.compound.length > 0;

/** Verbs that give a direction: a change only with a value ("to 3 s", "by half") or a setting to turn. */
const DIRECTION = /^(?:reduce|increase|decrease|minimi[sz]e|maximi[sz]e|lower|raise|cut|tighten|loosen|shorten|lengthen|speed|slow|limit|expand|grow|shrink|boost)$/;

/** Adjectives of attitude: "be careful", "stay vigilant" ask people to behave differently. */
const ATTITUDE = /^(?:careful|vigilant|diligent|aware|proactive|mindful|cautious|attentive|thorough|alert|responsive|disciplined|rigorous)$/;

/** The predicate of a clause: its head verb's index and the act it asks for, or index -1 for a noun phrase. */
function predicate(c: Clause): { verb?: Token; index: number; act: Act; negated: boolean } {
  const t = c.tokens;
  // "engineers need to …": a plural noun before a verb is the subject, not an imperative
  if (t[0]?.pos === 'VERB' && /s$/.test(t[0].lower) && (t[1]?.pos === 'VERB' || t[1]?.pos === 'AUX')) t[0] = { ...t[0], pos: 'NOUN' };
  // "Alert when the lag exceeds 5 minutes", "Page if …": a leading word before a condition is the imperative, whatever the tagger made of it
  if (t[0] && (t[0].pos === 'ADJ' || t[0].pos === 'NOUN') && /^(?:when|whenever|if|once)$/.test(t[1]?.lower ?? '')) t[0] = { ...t[0], pos: 'VERB' };
  // "set up alerting", "add caching": a gerund after the verb (and its particle) is its object
  for (let j = 1; j < t.length; j++) {
    if (t[j].pos === 'VERB' && /ing$/.test(t[j].lower) && (t[j - 1].pos === 'VERB' && j === 1 || t[j - 1].pos === 'ADP' && j === 2 && t[0].pos === 'VERB') && (!t[j + 1] || ['ADP', 'PUNCT', 'CCONJ'].includes(t[j + 1].pos))) t[j] = { ...t[j], pos: 'NOUN' };
  }
  const SUBJECT = new Set(['PRON', 'DET', 'NOUN', 'PROPN', 'ADJ', 'NUM', 'CCONJ', 'ADP', 'PUNCT', 'X', 'SYM', 'PART']);
  // "Content pipeline team should …": a leading word read as a verb before a noun run and a modal is part of the subject
  const modal = t.findIndex(x => x.pos === 'AUX');
  if (t[0]?.pos === 'VERB' && modal > 1 && t.slice(1, modal).every(x => x.pos === 'NOUN' || x.pos === 'PROPN')) t[0] = { ...t[0], pos: 'NOUN' };
  const firstVerb = t.findIndex(x => x.pos === 'VERB');
  const firstAux = t.findIndex(x => x.pos === 'AUX');
  let i = 0; let negated = false;
  const participle = (x: Token, k: number) => x.pos === 'VERB' && /ed$/.test(x.lower) && t[k + 1]?.pos === 'NOUN'; // "the updated run"
  if (firstAux > 0 && t.slice(0, firstAux).every((x, k) => SUBJECT.has(x.pos) || x.pos === 'ADV' || participle(x, k)) && t.slice(0, firstAux).some(x => ['PRON', 'NOUN', 'PROPN'].includes(x.pos))) i = firstAux; // "the drand team will …"
  else if (firstVerb > 0 && t.slice(0, firstVerb).every(x => SUBJECT.has(x.pos)) && t.slice(0, firstVerb).some(x => ['PRON', 'NOUN', 'PROPN'].includes(x.pos))) {
    // a subject and its verb with no modal ("ICL suggests …"), unless the "subject" is the object of a leading participle
    i = firstVerb;
  }
  for (; i < t.length; i++) {
    const tok = t[i];
    if (tok.pos === 'VERB') break;
    if (tok.pos === 'AUX' || tok.pos === 'PART' || tok.pos === 'ADV' || (tok.pos === 'CCONJ' || tok.pos === 'SCONJ') && i === 0) {
      if (tok.lower === 'not' || tok.lower === "n't" || tok.lower === 'never') negated = true;
      continue;
    }
    if (tok.pos === 'ADJ' && t[i + 1]?.lower === 'to' && t[i + 1].pos === 'PART') { i += 1; continue; } // "able to", "important to"
    let k = i - 1; while (k > 0 && t[k].pos === 'ADV') k--;
    if (tok.pos === 'DET' || tok.pos === 'NOUN' || tok.pos === 'ADJ' && t[i + 1]?.pos === 'NOUN') {
      // "we should have a bot that …": "have" is the verb
      if (k >= 0 && t[k].pos === 'AUX' && t[k].lemma === 'have') {
        const noun = t.slice(i).find(x => x.pos === 'NOUN');
        return { verb: t[k], index: k, act: /^(?:talk|meeting|discussion|chat|conversation|call|sync|retro|workshop)s?$/.test(noun?.lower ?? '') ? 'discuss' : 'change', negated };
      }
    }
    if (k >= 0 && t[k].pos === 'AUX' && i > 0) {
      if (ATTITUDE.test(tok.lower)) return { verb: t[k], index: k, act: 'behave', negated };
      if (t.slice(k + 1, i).some(x => x.lower === 'more')) return { verb: t[k], index: k, act: 'aspire', negated };
      // "is important", "are fully aware": a state after a copula
      return { verb: t[k], index: k, act: /^(?:careful|vigilant|diligent|aware|proactive|mindful|cautious|attentive|thorough|better|clear|more)$/.test(tok.lower) ? 'behave' : 'transparent', negated };
    }
    return { index: -1, act: 'change', negated };
  }
  const verb = t[i];
  if (!verb) return { index: -1, act: 'change', negated };
  // "Improved integration tests with …": a participle before a noun is an adjective, the item a noun phrase
  if (i === 0 && /ed$/.test(verb.lower) && t[1]?.pos === 'NOUN' && t[2]?.pos !== 'ADP' && !t.slice(1).some(x => x.pos === 'DET')) return { index: -1, act: 'change', negated };
  // "High priority alerts for X": a plural noun the tagger took for a verb
  if (i > 0 && /s$/.test(verb.lower) && KIND_NOUNS.has(verb.lower) && !t.slice(0, i).some(x => x.pos === 'AUX' || x.pos === 'PRON' || x.pos === 'DET')) { t[i] = { ...verb, pos: 'NOUN' }; return { index: -1, act: 'change', negated }; }
  const lemma = verb.lemma;
  let act: Act = ACTS[lemma] ?? 'change';
  // "All applications should run in containers": a principle over a whole class, not a change
  if (i > 0 && /^(?:all|every|each|any)$/.test(t[0].lower) && !t.slice(0, i).some(x => x.pos === 'PROPN') && t.slice(0, i).some(x => /^(?:should|must|shall|need|needs|ought)$/.test(x.lower))) act = 'principle';
  // "more closely monitor …", "better communicate …": asks for more care, not a change
  if (t.slice(Math.max(0, i - 3), i).some(x => x.lower === 'more' || x.lower === 'better') && t[i - 1]?.pos === 'ADV') act = 'behave';
  // "Alex thinks we need …", "we suggest that …": the reported clause is the item
  if (act === 'discuss' && /^(?:think|suggest|propose|recommend|believe|feel)$/.test(lemma) && t[i + 1] && (t[i + 1].pos === 'PRON' || t[i + 1].pos === 'SCONJ' || t[i + 1].lower === 'that')) act = 'transparent';
  // "took action to make sure …", "take steps to …"
  if (lemma === 'take' && /^(?:actions?|steps|measures)$/.test(t[i + 1]?.lower ?? '')) act = 'transparent';
  if (lemma === 'try') act = t[i + 1] && /^(?:if|whether|to)$/.test(t[i + 1].lower) ? 'aspire' : 'change';
  if (act === 'delegate' && !t.slice(i + 1, i + 6).some(x => x.lower === 'to')) act = 'change';
  // "look into", "find out", "figure out": investigations; "look at": a review
  if (lemma === 'look' && t[i + 1]?.lower === 'at') act = 'review';
  if (lemma === 'make' && !(t[i + 1]?.lower === 'sure' || t.slice(i + 1, i + 4).some(x => x.pos === 'VERB'))) act = 'change';
  // "keep an eye on", "keep in mind", "keep the docs up to date": attention and upkeep, not a change
  if (lemma === 'keep' && /^(?:an? (?:close )?eye|in mind|track|watch)/.test(t.slice(i + 1, i + 4).map(x => x.lower).join(' '))) act = 'behave';
  if (lemma === 'keep' && /\b(?:up to date|up-to-date|current|in sync|tidy|clean|accurate)\b/.test(t.slice(i + 1).map(x => x.lower).join(' '))) act = 'behave';
  // a direction without a value: "reduce the blast radius", "tighten access controls"
  if (DIRECTION.test(lemma)) act = 'direction';
  if ((lemma === 'need' || lemma === 'want') && t[i + 1]?.pos !== 'PART') act = 'change';
  // "be more careful" vs "be able to roll back": an adjective of attitude is behaviour
  if ((lemma === 'stay' || lemma === 'remain' || lemma === 'become') && !ATTITUDE.test(t[i + 1]?.lower ?? '')) act = 'change';
  if (lemma === 'be') act = /^(?:more|extra|careful|vigilant|diligent|aware|proactive|mindful|cautious|attentive|thorough|better|clear)/.test(t[i + 1]?.lower ?? '') ? 'behave' : 'transparent';
  return { verb, index: i, act, negated };
}

interface ClauseVerdict { concrete: boolean; missing: Missing[]; because: string; act: Act; strong: boolean }

function judgeClause(c: Clause, depth = 0): ClauseVerdict {
  const p = predicate(c);
  const rest = p.index < 0 ? c.tokens : c.tokens.slice(p.index + 1);
  const sp = specifics(rest, c.text);
  // the whole clause's specifics: needed by one branch only, found when asked (the same as `sp` for a noun phrase)
  let allSpecifics: Specifics | undefined;
  const all = () => (allSpecifics ??= rest === c.tokens ? sp : specifics(c.tokens, c.text));
  const lowerText = c.text.toLowerCase();
  const unbounded = /\b(?:even more|more and more|as (?:much|soon|quickly) as possible|where possible|in general|going forward|better|more (?:carefully|closely|quickly|gradually|proactively|often)|continuously|top priorit)/.test(lowerText);
  // the object proper, before a purpose ("… to respond faster", "so that …"): the target must be named there
  const purpose = rest.findIndex((x, k) => k > 0 && (x.lower === 'to' && x.pos === 'PART' && rest[k + 1]?.pos === 'VERB' || x.lower === 'so' || x.lower === 'order'));
  const core = purpose > 0 ? rest.slice(0, purpose) : rest;
  const sc = core === rest ? sp : specifics(core, c.text);
  // "alerts", or a generic head made of monitoring: "a monitoring system", "alerting capabilities"
  const headAt = sp.head ? rest.indexOf(sp.head) : -1;
  const monitoringHead = !!sp.head && (MONITORING.has(sp.head.lower) || sp.headGeneric && rest.slice(Math.max(0, headAt - 3), headAt).some(x => MONITORING.has(x.lower)));
  const signalCompound = sc.compound.some(x => { const w = x.toLowerCase().split(' '); return w.slice(0, -1).some(m => !GENERIC.has(m) && !MONITORING.has(m)); });
  const hasSignal = sp.signal.some(x => !MONITORING.has(x) && !GENERIC.has(x)) || sp.condition || sc.ident.length > 0 || signalCompound;
  // "more documentation", "better alerting", "additional tests": more of a kind of thing, none named
  const coreText = core.length ? c.text.slice(core[0].start, core[core.length - 1].end).toLowerCase() : '';
  const moreOfKind = /\b(?:more|better|additional|further|improved|extra|enhanced)\s+(?:\w+\s+)?(?:documentation|docs|tests|testing|monitoring|alerting|logging|observability|visibility|coverage|training|reviews?|checks|metrics|process(?:es)?|communication|confidence|resources|people|folks|hardware|capacity)\b/.test(coreText)
    && !sc.named.length && !sc.number && !sc.condition && !sc.signal.some(x => !MONITORING.has(x) && !GENERIC.has(x));
  // "improve X by adding a Y alert", "… with round-level visibility": the mechanism named
  const by = rest.findIndex(x => (x.lower === 'by' || x.lower === 'through') );
  const mechanism = by >= 0 && rest[by + 1]?.pos === 'VERB' && specific(specifics(rest.slice(by + 1), c.text))
    || rest.some((x, k) => x.lower === 'with' && specifics(rest.slice(k + 1), c.text).named.length > 0);
  const tracking = !!sp.head && /^(?:tasks?|tickets?|stor(?:y|ies)|epics?)$/.test(sp.head.lower);

  if (p.index < 0) {
    // a noun phrase: "Automated alerts for sustained round timeouts", "Index dating issues"
    if (!sp.head) return { concrete: false, missing: ['change', 'target'], because: 'names no change to make', act: 'change', strong: false };
    if (/^(?:issues?|problems?|bugs?|errors?|failures?)$/.test(sp.head.lower)) return { concrete: false, missing: ['change'], because: 'names a problem, not the change that fixes it', act: 'change', strong: false };
    const headKind = KIND_NOUNS.has(sp.head.lower) || KIND_NOUNS.has(sp.head.lemma);
    if (monitoringHead && !hasSignal) return { concrete: false, missing: ['signal'], because: 'asks for monitoring without naming the signal or the condition', act: 'monitor', strong: false };
    if (unbounded || sp.openEnded && !sp.named.length) return { concrete: false, missing: ['change'], because: 'asks for more of something without a mechanism', act: 'aspire', strong: false };
    if (headKind && (sp.compound.length || sp.named.length || sp.number || sp.condition || rest.some(x => x.pos === 'ADP'))) return { concrete: true, missing: [], because: '', act: 'change', strong: true };
    if (rest.length >= 4 && (sp.named.length || sp.number || sp.compound.length >= 2) && rest.some(x => x.pos === 'VERB' || x.pos === 'ADP')) return { concrete: true, missing: [], because: '', act: 'change', strong: true };
    return { concrete: false, missing: ['change'], because: 'names a topic, not the change to make', act: 'change', strong: false };
  }

  const subjectHead = p.index > 0 ? c.tokens.slice(0, p.index).filter(x => x.pos === 'NOUN').pop() : undefined;
  if (tracking || subjectHead && /^(?:tasks?|tickets?|items?|issues?)$/.test(subjectHead.lower) && /^(?:raise|create|file|open|add|log)$/.test(p.verb?.lemma ?? '')) {
    // "a backlog task to curate …": the ticket's subject is the act
    const to = rest.findIndex((x, k) => x.lower === 'to' && rest[k + 1]?.pos === 'VERB');
    if (to >= 0 && depth < 3) return judgeClause({ tokens: rest.slice(to + 1), text: c.text, linked: c.linked }, depth + 1);
    return { concrete: false, missing: ['change'], because: 'points to a ticket without saying what changes', act: 'change', strong: false };
  }
  if (moreOfKind && !mechanism && p.act !== 'discuss' && p.act !== 'behave') {
    const monitoring = MONITORING.has(sp.head?.lower ?? '');
    return { concrete: false, missing: [monitoring ? 'signal' : 'target'], because: 'asks for more of something without naming it', act: 'aspire', strong: false };
  }
  if (p.act === 'delegate') {
    const to = rest.findIndex((x, k) => x.lower === 'to' && rest[k + 1]?.pos === 'VERB');
    if (to >= 0 && depth < 3) return judgeClause({ tokens: rest.slice(to + 1), text: c.text, linked: c.linked }, depth + 1);
  }
  switch (p.act) {
    case 'direction': {
      // a value ("to 200", "by 50%") or a setting named as the object (timeout, replicas, quota …)
      const value = sp.number || rest.some((x, k) => (x.lower === 'to' || x.lower === 'by' || x.lower === 'below' || x.lower === 'under') && (rest[k + 1]?.pos === 'NUM' || /\d/.test(rest[k + 1]?.text ?? '')));
      const setting = !!sp.head && /^(?:timeouts?|limits?|quotas?|thresholds?|replicas?|pool|pools|ttl|retention|retries|budget|capacity|concurrency|workers?|instances?|nodes?|shards?|partitions?|interval|intervals|window|size|buffer|memory|cpu|heap|batch)$/.test(sp.head.lower);
      if (value || setting || sp.ident.length) return { concrete: true, missing: [], because: '', act: 'change', strong: true };
      if (mechanism) return { concrete: true, missing: [], because: '', act: 'change', strong: true };
      return { concrete: false, missing: ['change'], because: `asks to ${p.verb!.lemma} something without the value or the mechanism`, act: 'aspire', strong: false };
    }
    case 'principle':
      return { concrete: false, missing: ['change', 'target'], because: 'states a principle, not a change', act: 'aspire', strong: false };
    case 'transparent': {
      // judge the complement: "ensure that alerting … is configured to …", "consider using X"
      // "consider using X", "plan to add Y": the next verb is the act; "ensure (that) X is …": the clause is
      let from = 0;
      while (from < rest.length && ['PART', 'ADV', 'SCONJ', 'ADP'].includes(rest[from].pos) || rest[from]?.lower === 'sure') from++;
      if (from < rest.length && depth < 3) return judgeClause({ tokens: rest.slice(from), text: c.text, linked: c.linked }, depth + 1);
      if (specific(sp) && !unbounded) return { concrete: true, missing: [], because: '', act: 'change', strong: true };
      return { concrete: false, missing: ['change'], because: 'states an outcome without the change that gets it', act: 'aspire', strong: false };
    }
    case 'aspire':
      if (mechanism) return { concrete: true, missing: [], because: '', act: 'change', strong: true };
      if (monitoringHead && !hasSignal) return { concrete: false, missing: ['signal'], because: `asks to ${p.verb!.lemma} ${sp.head!.lower} without naming the signal or the condition`, act: 'aspire', strong: false };
      return { concrete: false, missing: ['change'], because: `asks to ${p.verb!.lemma} without saying how`, act: 'aspire', strong: false };
    case 'behave':
      return { concrete: false, missing: ['change', 'target'], because: 'asks people to behave differently', act: 'behave', strong: true };
    case 'discuss':
      return { concrete: false, missing: ['change'], because: 'is a discussion, not a change', act: 'discuss', strong: true };
    case 'review':
      return { concrete: false, missing: ['change'], because: 'asks for a review without saying what should change', act: 'review', strong: false };
    case 'train': {
      const artifact = sp.kind.some(k => /^(?:runbook|runbooks|playbook|playbooks|checklist|checklists|doc|docs|documentation|guide|wiki|drill|drills|rehearsal|rehearsals|course)$/.test(k));
      if (artifact) return { concrete: true, missing: [], because: '', act: 'train', strong: true };
      return { concrete: false, missing: ['artifact'], because: 'asks for training without a named artifact', act: 'train', strong: true };
    }
    case 'investigate': {
      // bounded: a named option ("Spike into Amazon Managed Prometheus"), or a named hypothesis ("whether X causes Y", "why amd64 …")
      const hypothesis = rest.some(x => x.lower === 'if' || x.lower === 'whether' || x.lower === 'why');
      if (c.linked && /^(?:issues?|bugs?|problems?|errors?|failures?)$/.test(sp.head?.lower ?? '')) return { concrete: true, missing: [], because: '', act: 'investigate', strong: true };
      // "look into creating a blue-green X": the option to check is a change; judge it as one
      const option = rest.findIndex((x, k) => k < 2 && x.pos === 'VERB' && /ing$/.test(x.lower));
      if (option >= 0 && depth < 3) { const v = judgeClause({ tokens: rest.slice(option), text: c.text, linked: c.linked }, depth + 1); if (v.concrete) return { ...v, act: 'investigate' }; }
      const headAt = sp.head ? rest.indexOf(sp.head) : -1;
      const namedBefore = headAt > 0 && specific(specifics(rest.slice(0, headAt), c.text));
      if (sp.headGeneric && !namedBefore && !hypothesis) return { concrete: false, missing: ['bound'], because: `looks for ${/s$/.test(sp.head!.lower) ? '' : 'a '}${sp.head!.lower} without naming one`, act: 'investigate', strong: false };
      const open = (sp.openEnded || /\b(?:ways?|options|how to|further|possibilit)/.test(lowerText)) && !sp.named.length;
      if (!open && (sp.named.length || sp.number || hypothesis && specific(sp) || (sp.compound.length && sp.kind.length) || /\(linked\)|\blinked\b/.test(lowerText))) return { concrete: true, missing: [], because: '', act: 'investigate', strong: true };
      return { concrete: false, missing: ['bound'], because: 'is an open-ended investigation', act: 'investigate', strong: false };
    }
    case 'delegate':
    case 'monitor':
    case 'change':
    default: {
      if (p.negated && specific(sp)) return { concrete: true, missing: [], because: '', act: 'change', strong: true }; // "do not use a single member's address for X"
      if (p.act === 'monitor' || monitoringHead) {
        if (!hasSignal) return { concrete: false, missing: ['signal'], because: 'asks for monitoring without naming the signal or the condition', act: 'monitor', strong: false };
        return { concrete: true, missing: [], because: '', act: 'change', strong: true };
      }
      if (unbounded && !mechanism && !(sp.named.length || sp.number)) return { concrete: false, missing: ['change'], because: 'asks for more of something without a mechanism', act: 'aspire', strong: false };
      if (c.linked && /^(?:issues?|bugs?|problems?)$/.test(sp.head?.lower ?? '')) return { concrete: true, missing: [], because: '', act: 'change', strong: true };
      // "create a process for …" with no content; "document the procedure … in the ops runbook" writes an artifact
      const writesArtifact = /^(?:document|write|publish|update|automate|test|rehearse|drill)$/.test(p.verb?.lemma ?? '') || sp.kind.some(k => /^(?:runbooks?|playbooks?|checklists?|docs?|documentation|guide|wiki|templates?|scripts?|tests?)$/.test(k));
      if (/^(?:process|processes|plan|plans|guidelines?|framework|strategy|approach|procedures?)$/.test(sp.head?.lower ?? '') && !sp.named.length && !sp.number && !writesArtifact) return { concrete: false, missing: ['change', 'artifact'], because: `creates a ${sp.head!.lower} with no content`, act: 'change', strong: false };
      if (sp.headGeneric && !sp.named.length && !sp.number && !sp.kind.length && !sp.compound.length) return { concrete: false, missing: ['target'], because: `names no specific target ("${sp.head!.text}" could be anything)`, act: 'change', strong: false };
      if (/^(?:issues?|problems?|bugs?)$/.test(sp.head?.lower ?? '') && !sp.named.length) return { concrete: false, missing: ['target'], because: 'names no specific target', act: 'change', strong: false };
      // "kubespawner should kill it": a system as the subject is the target
      const subject = p.index > 0 ? c.tokens.slice(0, p.index) : [];
      const subjectSpecific = subject.length > 0 && specific(specifics(subject, c.text));
      const subjectTarget = subject.some(x => (x.pos === 'NOUN' || x.pos === 'PROPN') && !GENERIC.has(x.lower) && !GENERIC.has(x.lemma) && !PEOPLE.test(x.lower)) || subjectSpecific;
      if (specific(sp) || sp.condition && all().kind.length || subjectSpecific || subjectTarget && (sp.head || p.negated || rest.some(x => x.pos === 'PRON'))) return { concrete: true, missing: [], because: '', act: 'change', strong: true };
      return { concrete: false, missing: ['target'], because: 'names no system, signal, threshold or artifact', act: 'change', strong: false };
    }
  }
}

/**
 * Judges one action item's text (Markdown inline text of its title). `teamPhrases` are phrases the
 * team's configuration marks as vague (`vagueActionPhrases`): an item containing one is vague.
 * Returns `{ vague: false, missing: [] }` for a concrete item.
 */
export function assessAction(text: string, teamPhrases: string[] = []): Assessment {
  const t = clean(text);
  const lower = t.toLowerCase();
  for (const p of teamPhrases) {
    if (p && lower.includes(p.toLowerCase())) return { vague: true, missing: ['change', 'target'], because: `uses "${p}", a phrase your team marked as vague` };
  }
  if (!/[a-z]/i.test(t)) return { vague: true, missing: ['change', 'target'], because: 'says nothing' };
  if (/^(?:how|what|which|any other|who)\b/i.test(t) && !/\?\s*\S/.test(t)) return { vague: true, missing: ['change'], because: 'is a question, not an action' };
  // a link inside the item (not the whole item, a ticket's title) bounds "the issue" it names
  const linked = /\[[^\]]*\]\([^)]*\)/.test(text) && !/^\s*\[[^\]]*\]\([^)]*\)\s*$/.test(text.trim());
  const verdicts = clauses(t).slice(0, 6).map(s => judgeClause({ ...tagClause(s), linked }));
  if (!verdicts.length) return { vague: true, missing: ['change', 'target'], because: 'says nothing' };
  const first = verdicts[0];
  // the first clause states the action; later ones explain it. Only when the first names no act of
  // its own (context: "Errors in X affected Y. Split the code …") does a later clause decide.
  if (first.concrete) return { vague: false, missing: [], because: '' };
  const actOfItsOwn = first.act !== 'change' || !/^names (?:a problem|a topic|no change)/.test(first.because);
  if (!actOfItsOwn && verdicts.slice(1).some(v => v.concrete)) return { vague: false, missing: [], because: '' };
  return { vague: true, missing: first.missing, because: first.because };
}

const MISSING_TEXT: Record<Missing, string> = {
  change: 'the specific change to make',
  target: 'the system, signal, threshold or artifact it changes',
  signal: 'the signal or condition to alert on',
  artifact: 'the artifact (runbook, checklist, doc) it produces',
  bound: 'the question it answers and when it is done',
};

/** "the specific change to make and …": the message's list of what to add, in the order given. */
export function describeMissing(missing: Missing[]): string {
  return missing.map(m => MISSING_TEXT[m]).join(' and ');
}

/** @internal the clauses, tags and verdicts behind `assessAction` (for tests and tuning). */
export function explainAction(text: string): { clause: string; tags: string; verdict: ClauseVerdict }[] {
  return clauses(clean(text)).slice(0, 6).map(s => { const c = tagClause(s); return { clause: s, tags: c.tokens.map(t => `${t.text}/${t.pos}`).join(' '), verdict: judgeClause(c) }; });
}
