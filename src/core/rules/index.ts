import type { Rule } from './rule';
import { missingRootCause } from './missing-root-cause';
import { vagueAction } from './vague-action';
import { nonUtcTimestamp } from './non-utc-timestamp';

/** Every rule, in documentation order. One rule per file; add new rules here. */
export const RULES: Rule[] = [missingRootCause, vagueAction, nonUtcTimestamp];

/** Findings the parser itself reports, documented like rules. */
export const PARSE_RULES: { id: string; description: string; defaultSeverity: 'error' | 'warning' | 'info' }[] = [
  { id: 'front-matter-syntax', description: 'The front matter is valid YAML, a mapping of keys, closed by a --- line.', defaultSeverity: 'error' },
  { id: 'unreadable-file', description: 'A review is a UTF-8 text file the tool can read.', defaultSeverity: 'error' },
  { id: 'file-too-large', description: 'A review, and each of its sections, is small enough to analyse.', defaultSeverity: 'warning' },
];

export function ruleById(id: string): Rule | undefined { return RULES.find(r => r.id === id); }

export function allRuleMeta(): { id: string; description: string; defaultSeverity: string }[] {
  return [...RULES.map(r => ({ id: r.id, description: r.description, defaultSeverity: r.defaultSeverity })), ...PARSE_RULES];
}
