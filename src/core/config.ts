/**
 * `.pir.yaml`: the team's settings. Data only: it is read as YAML and validated, never executed.
 * Keys (camelCase): rules, vagueActionPhrases, blamePhrases, requiredSections, requiredRoles,
 * reviewMeetingDeadlineDays, severities, roles, actionFields, defaultTimezone, tracker (tickets/config.ts).
 */
import { parseDocument } from 'yaml';
import type { Finding, Severity } from './types';
import type { SectionKind } from './parse/sections';
import { sectionKindOf } from './parse/sections';
import { LineIndex } from './text';
import type { TrackerConfig } from './tickets/model';
import { parseTrackerConfig } from './tickets/config';
import { RULES, PARSE_RULES } from './rules';
import { levenshtein } from './rules/support/text';
import { resolveZone, isResolvable } from './time/zones';

const SETTING_KEYS = ['rules', 'vagueActionPhrases', 'blamePhrases', 'requiredSections', 'requiredRoles', 'reviewMeetingDeadlineDays', 'severities', 'roles', 'actionFields', 'defaultTimezone', 'tracker'];

/** The valid name closest to a misspelt one (case, separators and a few edits apart), for "did you mean". */
export function closestName(name: string, valid: string[]): string | undefined {
  const norm = (x: string) => x.toLowerCase().replace(/[-_\s]+/g, '');
  const n = norm(name);
  let best: string | undefined; let bestD = Infinity;
  for (const v of valid) {
    const d = norm(v) === n ? 0 : levenshtein(n, norm(v));
    if (d < bestD) { best = v; bestD = d; }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(n.length / 3)) ? best : undefined;
}

const didYouMean = (name: string, valid: string[]) => { const c = closestName(name, valid); return c ? ` Did you mean "${c}"?` : ''; };

export type RuleSetting = Severity | 'off';

export interface Config {
  rules: Record<string, RuleSetting>;
  vagueActionPhrases: string[];
  blamePhrases: string[];
  requiredSections: SectionKind[];
  requiredRoles: string[];
  reviewMeetingDeadlineDays: Record<string, number>;
  severities: string[];
  roles: string[];
  actionFields: string[];
  defaultTimezone?: string;
  /** where corrective actions become tickets (`tracker:`), when configured */
  tracker?: TrackerConfig;
}

export const DEFAULT_REQUIRED_SECTIONS: SectionKind[] = [
  'summary', 'impact', 'timeline', 'response', 'root-cause', 'contributing-factors',
  'went-well', 'went-poorly', 'lucky', 'lessons', 'actions',
];

export const DEFAULT_ROLES = [
  'incident-commander', 'responder', 'it-operations', 'security-engineering', 'identity-access',
  'legal-privacy', 'communications', 'business-owner', 'third-party', 'scribe', 'subject-matter-expert',
  'executive-sponsor', 'customer-support',
];

export function defaultConfig(): Config {
  return {
    rules: {},
    vagueActionPhrases: [],
    blamePhrases: [],
    requiredSections: [...DEFAULT_REQUIRED_SECTIONS],
    requiredRoles: ['incident-commander'],
    reviewMeetingDeadlineDays: { default: 7 },
    severities: ['SEV1', 'SEV2', 'SEV3', 'SEV4'],
    roles: [...DEFAULT_ROLES],
    actionFields: ['owner', 'due', 'validation', 'tracking'],
  };
}

const SETTINGS = new Set(['error', 'warning', 'info', 'off']);

/** Reads `.pir.yaml` text. Problems in it come back as findings on that file, never as exceptions. */
export function parseConfig(text: string): { config: Config; findings: Finding[] } {
  const config = defaultConfig();
  const findings: Finding[] = [];
  const lines = new LineIndex(text);
  const doc = parseDocument(text, { prettyErrors: false });
  const at = (node: { range?: [number, number, number] | null } | null | undefined) =>
    node?.range ? lines.range(node.range[0], node.range[1]) : lines.lineRange(0);
  const report = (message: string, node?: unknown) =>
    findings.push({ rule: 'config', severity: 'warning', message, range: at(node as never) });
  for (const e of doc.errors) findings.push({ rule: 'config', severity: 'error', message: `.pir.yaml is not valid YAML: ${e.message.split('\n')[0]}`, range: lines.range(e.pos[0], e.pos[1]) });
  if (doc.errors.length) return { config, findings };
  let data: unknown;
  try { data = doc.toJS({ maxAliasCount: 100 }); } catch (e) { report(`.pir.yaml could not be read: ${(e as Error).message}`); return { config, findings }; }
  if (data === null || data === undefined) return { config, findings };
  if (typeof data !== 'object' || Array.isArray(data)) { report('.pir.yaml must be a mapping of settings.'); return { config, findings }; }
  const d = data as Record<string, unknown>;
  const node = (key: string) => doc.get(key, true) as never;
  const strings = (key: string): string[] | undefined => {
    const v = d[key];
    if (v === undefined) return undefined;
    if (!Array.isArray(v) || v.some(x => typeof x !== 'string')) { report(`"${key}" must be a list of strings.`, node(key)); return undefined; }
    return v as string[];
  };
  const keyNode = (map: unknown, key: string) => (map as { items?: { key: unknown }[] } | undefined)?.items?.find(p => (p.key as { value?: unknown })?.value === key)?.key;
  for (const key of Object.keys(d)) {
    if (!SETTING_KEYS.includes(key)) {
      report(`Unknown setting "${key}" in .pir.yaml: it is ignored.${didYouMean(key, SETTING_KEYS)}`, keyNode(doc.contents, key));
    }
  }
  if (d.rules !== undefined) {
    if (typeof d.rules !== 'object' || d.rules === null || Array.isArray(d.rules)) report('"rules" must map rule ids to error, warning, info or off.', node('rules'));
    else {
      const ruleIds = [...RULES.map(r => r.id), ...PARSE_RULES.map(r => r.id)];
      const rulesNode = doc.get('rules', true);
      for (const [id, v] of Object.entries(d.rules as Record<string, unknown>)) {
        if (!ruleIds.includes(id)) { report(`"${id}" is not a rule: its setting is ignored.${didYouMean(id, ruleIds)} \`pir rules\` lists them.`, keyNode(rulesNode, id)); continue; }
        const s = v === false ? 'off' : String(v);
        if (SETTINGS.has(s)) config.rules[id] = s as RuleSetting;
        else report(`Rule "${id}": "${String(v)}" is not one of error, warning, info, off.`, doc.getIn(['rules', id], true));
      }
    }
  }
  config.vagueActionPhrases = strings('vagueActionPhrases') ?? config.vagueActionPhrases;
  config.blamePhrases = strings('blamePhrases') ?? config.blamePhrases;
  config.requiredRoles = strings('requiredRoles') ?? config.requiredRoles;
  config.severities = strings('severities') ?? config.severities;
  config.roles = strings('roles') ?? config.roles;
  config.actionFields = strings('actionFields') ?? config.actionFields;
  const sections = strings('requiredSections');
  if (sections) {
    const kinds: SectionKind[] = [];
    for (const s of sections) {
      const k = sectionKindOf(s);
      if (k) kinds.push(k); else report(`"${s}" in requiredSections is not a section of the format.`, node('requiredSections'));
    }
    config.requiredSections = kinds;
  }
  if (d.reviewMeetingDeadlineDays !== undefined) {
    const v = d.reviewMeetingDeadlineDays;
    if (typeof v === 'number') config.reviewMeetingDeadlineDays = { default: v };
    else if (v && typeof v === 'object' && !Array.isArray(v) && Object.values(v).every(n => typeof n === 'number' && n >= 0)) config.reviewMeetingDeadlineDays = { default: 7, ...(v as Record<string, number>) };
    else report('"reviewMeetingDeadlineDays" must be a number of days, or a map of severity to days (with "default").', node('reviewMeetingDeadlineDays'));
  }
  if (d.defaultTimezone !== undefined) {
    if (typeof d.defaultTimezone === 'string' && isResolvable(resolveZone(d.defaultTimezone))) config.defaultTimezone = d.defaultTimezone;
    else if (typeof d.defaultTimezone === 'string' && resolveZone(d.defaultTimezone).kind === 'ambiguous') {
      const z = resolveZone(d.defaultTimezone) as { candidates: { label: string; zone: string }[] };
      report(`"${d.defaultTimezone}" is ambiguous (${z.candidates.map(c => `${c.label}: ${c.zone}`).join(', ')}): defaultTimezone is ignored. Write the zone's IANA name.`, node('defaultTimezone'));
    } else if (typeof d.defaultTimezone === 'string') {
      const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
      report(`"${d.defaultTimezone}" is not a time zone this tool knows: defaultTimezone is ignored. Use an IANA zone name such as Europe/Berlin, or UTC.${didYouMean(d.defaultTimezone, zones)}`, node('defaultTimezone'));
    } else report('"defaultTimezone" must be an IANA zone name such as Europe/Berlin, or UTC.', node('defaultTimezone'));
  }
  if (d.tracker !== undefined) {
    config.tracker = parseTrackerConfig(d.tracker, (message, path) => report(message, doc.getIn(path, true) ?? node('tracker')));
  }
  return { config, findings };
}
