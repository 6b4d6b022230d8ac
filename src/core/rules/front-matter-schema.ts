import type { ErrorObject } from 'ajv';
import { isMap, isScalar, parseDocument, stringify } from 'yaml';
import { yamlText } from '../parse/frontMatter';
import { validate as generatedValidate } from '../generated/review-schema-validator';
import type { Rule, RuleContext, RuleFinding } from './rule';
import type { Review } from '../model';
import type { Fix, Range, TextEdit } from '../types';
import { formatInstant, parseInstant } from '../time/calendar';
import { completenessSeverity } from './rule';
import { snippetEscape } from './support/edits';
import { ATTENDEE_KEYS, FRONT_MATTER_KEYS, RISK_KEYS, firstLineOf, fmInsertEdit, fmMapAppendEdit, frontMatterStart, isBlank, yamlScalar } from './support/frontMatter';
import { likelyTypo, quote } from './support/text';

// compiled at build time (Ajv standalone code, scripts/build/schema-validator.mjs): no schema
// compiler and no `new Function` at run time, so it also runs under VS Code for the Web's CSP
const validate = generatedValidate as unknown as { (data: unknown): boolean; errors?: ErrorObject[] | null };

const MILESTONE_KEYS = new Set(['started', 'detected', 'mitigated', 'resolved']);
const STRING_LISTS = new Set(['third_parties', 'services', 'authors']);

const PLACEHOLDERS: Record<string, string> = {
  id: 'INC-YYYY-NNN',
  title: 'what broke, in one line',
};

export const frontMatterSchema: Rule = {
  id: 'front-matter-schema',
  description: 'The front matter has the keys of the format (id, title, major, …) with values of the right type, severities and roles from the team\'s lists, and no misspelt keys.',
  defaultSeverity: 'error',
  check(ctx) {
    const { review } = ctx;
    const fm = review.frontMatter;
    if (!fm) return [missingFrontMatter(ctx)];
    // broken YAML, an unclosed block or a block that is not a mapping: front-matter-syntax says so
    if (!fm.closed || fm.doc.errors.length || !isMap(fm.doc.contents)) return [];
    const data = fm.data;
    const out: RuleFinding[] = [];
    const typos = new Map<string, string>(); // path of the misspelt key's parent + '/' + intended key

    // misspelt keys: top level, attendees and residual risks
    const typoCheck = (obj: unknown, known: string[], parent: (string | number)[], what: string) => {
      if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return;
      for (const key of Object.keys(obj)) {
        if (known.includes(key)) continue;
        const intended = likelyTypo(key, known);
        if (!intended || intended in obj) continue;
        typos.set([...parent, intended].join('/'), key);
        const range = fm.rangeOf([...parent, key], 'key') ?? frontMatterStart(review);
        out.push({
          severity: 'warning',
          message: `"${key}" looks like a misspelling of "${intended}"${what}: rename it, or the key is ignored.`,
          range,
          fixes: [{ title: `Rename to "${intended}"`, edits: [{ range, newText: intended }], isPreferred: true }],
        });
      }
    };
    typoCheck(data, FRONT_MATTER_KEYS, [], '');
    if (Array.isArray(data.attendees)) data.attendees.forEach((a, i) => typoCheck(a, ATTENDEE_KEYS, ['attendees', i], ' (a key of an attendee)'));
    if (Array.isArray(data.residual_risks)) data.residual_risks.forEach((r, i) => typoCheck(r, RISK_KEYS, ['residual_risks', i], ' (a key of a residual risk)'));

    if (!validate(data)) {
      const byPath = new Map<string, ErrorObject[]>();
      for (const e of validate.errors ?? []) {
        if (e.keyword === 'required') {
          const missing = (e.params as { missingProperty: string }).missingProperty;
          const parent = pathOf(e.instancePath);
          if (parent.length === 0 && missing === 'major') continue; // major-incident reports it, with the decision to make
          if (typos.has([...parent, missing].join('/'))) continue; // reported as a misspelling
          out.push(missingKey(ctx, parent, missing));
          continue;
        }
        const list = byPath.get(e.instancePath);
        if (list) list.push(e); else byPath.set(e.instancePath, [e]);
      }
      for (const [p, errors] of byPath) {
        const path = pathOf(p);
        if (isDelegated(path) && isBlank(valueAt(data, path))) continue; // major-incident / residual-risk-approver report it
        const f = typeFinding(review, path, errors);
        if (f) out.push(f);
      }
    }

    // values that depend on the team's configuration
    const sev = data.severity;
    if (typeof sev === 'string' && sev.trim() && !ctx.config.severities.includes(sev)) {
      const range = fm.rangeOf(['severity'], 'value')!;
      const fix = closest(sev, ctx.config.severities);
      out.push({
        severity: 'warning',
        message: `Severity "${sev}" is not one of this team's severities (${ctx.config.severities.join(', ')})${fix ? `: did you mean "${fix}"?` : '.'} The severity decides the review-meeting deadline.`,
        range,
        fixes: fix ? [{ title: `Change to "${fix}"`, edits: [{ range, newText: fix }], isPreferred: true }] : [],
      });
    }
    if (Array.isArray(data.attendees)) {
      data.attendees.forEach((a, i) => {
        const role = (a as { role?: unknown } | null)?.role;
        if (typeof role !== 'string' || !role.trim() || ctx.config.roles.includes(role)) return;
        const range = fm.rangeOf(['attendees', i, 'role'], 'value');
        if (!range) return;
        const fix = closest(role, ctx.config.roles);
        out.push({
          severity: 'warning',
          message: `Role "${role}" is not in this team's role list${fix ? `: did you mean "${fix}"?` : ` (${ctx.config.roles.join(', ')}). Use one of them, or add it to \`roles\` in .pir.yaml.`}`,
          range,
          fixes: fix ? [{ title: `Change to "${fix}"`, edits: [{ range, newText: fix }], isPreferred: true }] : [],
        });
      });
    }
    return out;
  },
};

/** Keys whose absence (or empty value) another rule reports with more to say. */
function isDelegated(path: (string | number)[]): boolean {
  if (path.length === 1) return path[0] === 'major_rationale' || path[0] === 'approver';
  return path.length === 3 && path[0] === 'residual_risks' && (path[2] === 'accepted_by' || path[2] === 'date');
}

function pathOf(instancePath: string): (string | number)[] {
  if (!instancePath) return [];
  return instancePath.slice(1).split('/').map(s => s.replace(/~1/g, '/').replace(/~0/g, '~')).map(s => (/^\d+$/.test(s) ? +s : s));
}

function valueAt(data: unknown, path: (string | number)[]): unknown {
  let v = data;
  for (const seg of path) v = v && typeof v === 'object' ? (v as Record<string | number, unknown>)[seg] : undefined;
  return v;
}

/** The value's range, or the key's when the value is empty (`started:` with nothing after it). */
function valueRange(review: Review, path: (string | number)[]): Range {
  const fm = review.frontMatter!;
  const v = fm.rangeOf(path, 'value');
  if (v && (v.start.line !== v.end.line || v.start.character !== v.end.character)) return firstLineOf(review, v);
  return fm.rangeOf(path, 'key') ?? frontMatterStart(review);
}

function shown(v: unknown): string {
  if (v === null || v === undefined) return 'nothing';
  if (typeof v === 'string') return `"${quote(v, 40)}"`;
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return String(v);
}

function typeFinding(review: Review, path: (string | number)[], errors: ErrorObject[]): RuleFinding | undefined {
  const fm = review.frontMatter!;
  const value = valueAt(fm.data, path);
  const range = valueRange(review, path);
  const key = path.map(p => (typeof p === 'number' ? `[${p}]` : p)).join('.').replace(/\.\[/g, '[');
  const top = String(path[0]);
  const kw = new Set(errors.map(e => e.keyword));
  const fixes: Fix[] = [];
  let message: string;
  if (path.length === 1 && MILESTONE_KEYS.has(top)) {
    message = `"${top}" must be an ISO 8601 date-time in UTC ending in Z, such as 2026-11-20T14:02:00Z; it is ${shown(value)}.`;
    const ms = parseInstant(value);
    if (ms !== undefined) {
      const utc = formatInstant(ms);
      message += ` Converted to UTC it is ${utc}.`;
      fixes.push({ title: `Write it in UTC: ${utc}`, edits: [{ range, newText: utc }], isPreferred: true });
    } else if (typeof value === 'string' && /^\s*\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?\s*$/.test(value)) {
      message += ' It has no zone: write the time in UTC and add Z.';
    }
  } else if (top === 'review_meeting') {
    message = `"review_meeting" must be a date (2026-11-24) or a UTC date-time (2026-11-24T15:00:00Z); it is ${shown(value)}.`;
    const ms = parseInstant(value);
    if (ms !== undefined) fixes.push({ title: `Write it in UTC: ${formatInstant(ms)}`, edits: [{ range, newText: formatInstant(ms) }], isPreferred: true });
  } else if (top === 'major' && path.length === 1) {
    message = `"major" must be true or false, not ${shown(value)}.`;
    const s = typeof value === 'string' ? value.trim().toLowerCase() : typeof value === 'number' ? String(value) : '';
    const b = /^(yes|y|on|1|true)$/.test(s) ? 'true' : /^(no|n|off|0|false)$/.test(s) ? 'false' : undefined;
    if (b) fixes.push({ title: `Write ${b}`, edits: [{ range, newText: b }], isPreferred: true });
  } else if (top === 'status' && path.length === 1) {
    message = `"status" must be draft, in-review or final, not ${shown(value)}.`;
    const fix = typeof value === 'string' ? closest(value, ['draft', 'in-review', 'final']) : undefined;
    if (fix) fixes.push({ title: `Change to "${fix}"`, edits: [{ range, newText: fix }], isPreferred: true });
  } else if (path.length === 3 && top === 'residual_risks' && path[2] === 'date') {
    message = `The date a residual risk was accepted must be a date such as 2026-11-24, not ${shown(value)}.`;
    const ms = parseInstant(value);
    if (ms !== undefined) fixes.push({ title: 'Keep only the date', edits: [{ range, newText: new Date(ms).toISOString().slice(0, 10) }], isPreferred: true });
  } else if ((top === 'attendees' || top === 'residual_risks') && path.length === 1) {
    message = top === 'attendees'
      ? `"attendees" must be a list of people, each with name and role (- name: … / role: …), not ${shown(value)}.`
      : `"residual_risks" must be a list, each item with risk, accepted_by and date, not ${shown(value)}.`;
  } else if ((top === 'attendees' || top === 'residual_risks') && path.length === 2) {
    message = top === 'attendees'
      ? `Each attendee is a mapping with name and role (- name: … / role: …), not ${shown(value)}.`
      : `Each residual risk is a mapping with risk, accepted_by and date, not ${shown(value)}.`;
  } else if (STRING_LISTS.has(top) && path.length === 1) {
    message = `"${top}" must be a list of names (- a / - b, or [a, b]), not ${shown(value)}.`;
    if (typeof value === 'string' && value.trim()) fixes.push(...makeListFixes(review, top, value));
  } else if (kw.has('minLength') || kw.has('pattern')) {
    message = `"${key}" is empty: give it a value or remove the key.`;
  } else if (kw.has('type')) {
    const want = (errors.find(e => e.keyword === 'type')!.params as { type: string }).type;
    message = `"${key}" must be ${want === 'string' ? 'text' : want === 'array' ? 'a list' : want === 'object' ? 'a mapping' : `a ${want}`}, not ${shown(value)}.`;
    if (want === 'string' && value !== null && value !== undefined && typeof value !== 'object') {
      fixes.push({ title: 'Quote the value', edits: [{ range, newText: JSON.stringify(String(value)) }], isPreferred: true });
    }
  } else {
    message = `"${key}" ${errors[0].message ?? 'is not valid'}.`;
  }
  return { message, range, fixes };
}

function missingKey(ctx: RuleContext, parent: (string | number)[], key: string): RuleFinding {
  const { review } = ctx;
  const severity = completenessSeverity(ctx) ?? 'error';
  if (parent.length === 0) {
    const edit = fmInsertEdit(review, [`${key}: \${1:${PLACEHOLDERS[key] ?? ''}}`]);
    const why = key === 'id' ? 'the incident\'s ID, e.g. INC-2026-042, unique across the workspace' : key === 'title' ? 'one line that says what broke' : 'a value';
    return {
      severity,
      message: `The front matter has no "${key}": add ${why}.`,
      range: frontMatterStart(review),
      fixes: edit ? [{ title: `Add "${key}:"`, edits: [edit], isPreferred: true, snippet: true }] : [],
    };
  }
  const item = valueAt(review.frontMatter!.data, parent) as Record<string, unknown> | undefined;
  const range = firstLineOf(review, review.frontMatter!.rangeOf(parent, 'value') ?? frontMatterStart(review));
  const what = parent[0] === 'attendees' ? `Attendee ${typeof item?.name === 'string' ? `"${item.name}"` : Number(parent[1]) + 1}` : `Residual risk ${Number(parent[1]) + 1}`;
  const placeholder = key === 'role' ? 'responder' : key === 'name' ? 'name' : key;
  const edit = fmMapAppendEdit(review, parent, `${key}: \${1:${placeholder}}`);
  return {
    severity,
    message: `${what} has no "${key}".`,
    range,
    fixes: edit ? [{ title: `Add "${key}:"`, edits: [edit], isPreferred: true, snippet: true }] : [],
  };
}

function missingFrontMatter(ctx: RuleContext): RuleFinding {
  const { review } = ctx;
  const eol = review.eol;
  const skeleton = [
    '---',
    'id: ${1:INC-YYYY-NNN}',
    `title: \${2:${review.title ? snippetEscape(yamlScalar(review.title.text.replace(/^[A-Z]+-[\w-]+:\s*/, '').trim())) : 'what broke, in one line'}}`,
    'status: draft',
    'severity: ${3:SEV3}',
    'major: ${4:false}',
    '---',
    '',
  ].join(eol);
  const edits: TextEdit[] = [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: skeleton + (review.text.trim() ? eol : '') }];
  return {
    message: 'This review has no front matter: start the file with a --- block holding at least id, title and major (the facts tools sort, filter and report on).',
    range: review.lines.lineRange(0),
    fixes: [{ title: 'Add a front matter block', edits, isPreferred: true, snippet: true }],
  };
}

/** The allowed value a written one most likely means: same letters ignoring case and separators, or a small edit distance. */
function closest(v: string, allowed: string[]): string | undefined {
  const norm = (s: string) => s.toLowerCase().replace(/[-_\s]+/g, '');
  const n = norm(v);
  const same = allowed.find(a => norm(a) === n);
  if (same) return same;
  return likelyTypo(v, allowed);
}

/**
 * "Make it a list" for a key that holds one string: the value node (all its lines, when a plain
 * scalar runs on) is replaced by a flow list written by the YAML library, and the result is parsed
 * again: a fix is offered only when the key then holds exactly that list and every other key is
 * unchanged. The fix is preferred when it is certain (one value on one line, no comma); a value with
 * commas gets two choices, the items split at the commas or the text kept whole as one item.
 */
function makeListFixes(review: Review, key: string, value: string): Fix[] {
  const fm = review.frontMatter!;
  const node = fm.doc.get(key, true);
  if (!isScalar(node) || !node.range) return [];
  const [a, b] = node.range;
  const source = fm.source;
  const multiLine = /[\r\n]/.test(source.slice(a, b));
  const choices: string[][] = [];
  const split = value.split(',').map(v => v.trim()).filter(Boolean);
  if (split.length > 1) choices.push(split);
  choices.push([value.trim()]);
  const before = fm.data;
  const out: Fix[] = [];
  for (const items of choices) {
    const flow = stringify(items, { collectionStyle: 'flow', flowCollectionPadding: false, lineWidth: 0 }).trim();
    const next = source.slice(0, a) + flow + source.slice(b);
    const doc = parseDocument(yamlText(next), { prettyErrors: false });
    if (doc.errors.length) continue;
    let after: unknown;
    try { after = doc.toJS({ maxAliasCount: 100 }); } catch { continue; }
    if (!after || typeof after !== 'object' || !sameExcept(before, after as Record<string, unknown>, key, items)) continue;
    out.push({
      title: `Make it a list: ${flow}`,
      edits: [{ range: review.lines.range(fm.contentStart + a, fm.contentStart + b), newText: flow }],
      isPreferred: choices.length === 1 && !multiLine,
    });
  }
  return out;
}

function sameExcept(before: Record<string, unknown>, after: Record<string, unknown>, key: string, items: string[]): boolean {
  const keys = Object.keys(before);
  if (keys.length !== Object.keys(after).length) return false;
  const v = after[key];
  if (!Array.isArray(v) || v.length !== items.length || v.some((x, i) => x !== items[i])) return false;
  return keys.every(k => k === key || JSON.stringify(before[k]) === JSON.stringify(after[k]));
}
