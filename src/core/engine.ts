import type { Config } from './config';
import { defaultConfig } from './config';
import type { Review } from './model';
import type { Finding } from './types';
import { SEVERITY_ORDER } from './types';
import { applySuppressions } from './suppress';
import { RULES } from './rules';
import type { RuleContext, WorkspaceFacts } from './rules/rule';
import { parseReview, type ParseOptions } from './parse/review';
import { applyFallbackZone, fallbackZoneOf } from './zoneFallback';

export interface LintOptions {
  config?: Config;
  now?: Date;
  workspace?: WorkspaceFacts;
}

export function lifecycleOf(review: Review): RuleContext['lifecycle'] {
  const s = String(review.frontMatter?.data.status ?? '').toLowerCase();
  return s === 'final' ? 'final' : s === 'in-review' ? 'in-review' : s === 'draft' ? 'draft' : 'in-review';
}

/** Runs every rule on a parsed review: configuration, draft relaxation and suppressions applied. */
export function lintReview(review: Review, options: LintOptions = {}): Finding[] {
  const config = options.config ?? defaultConfig();
  const ctx: RuleContext = { review, config, now: options.now ?? new Date(), workspace: options.workspace, lifecycle: lifecycleOf(review) };
  const out: Finding[] = [];
  for (const f of review.parseFindings) {
    const setting = config.rules[f.rule];
    if (setting === 'off') continue;
    out.push(setting ? { ...f, severity: setting } : f);
  }
  if (!(review.partial && review.text === '')) {
    for (const rule of RULES) {
      const setting = config.rules[rule.id];
      if (setting === 'off') continue;
      let found;
      try { found = rule.check(ctx); } catch (e) {
        out.push({ rule: rule.id, severity: 'error', message: `Rule ${rule.id} failed on this document: ${(e as Error).message}. Please report it.`, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
        continue;
      }
      for (const f of found) {
        let severity = setting ?? f.severity ?? rule.defaultSeverity;
        if (rule.completeness && ctx.lifecycle === 'draft') severity = 'info';
        out.push({ rule: rule.id, severity, message: f.message, range: f.range, ...(f.fixes?.length ? { fixes: f.fixes } : {}) });
      }
    }
  }
  return sortFindings(applySuppressions(review.text, out));
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.rule.localeCompare(b.rule));
}

export interface AnalyzeOptions extends LintOptions, ParseOptions {
  /** the author's `pir.defaultTimezone` setting: the zone of zone-less stamps when neither the review nor the team configuration names one */
  userZone?: string;
}

/**
 * Parse and lint in one call: the review as every feature should see it (the fallback zone from the
 * team configuration, else the user's setting, applied; see zoneFallback.ts) and its findings.
 */
export function analyze(text: string, options: AnalyzeOptions = {}): { review: Review; findings: Finding[] } {
  const config = options.config ?? defaultConfig();
  const review = applyFallbackZone(parseReview(text, { uri: options.uri, markdown: options.markdown }), fallbackZoneOf(config, options.userZone));
  return { review, findings: lintReview(review, { ...options, config }) };
}
