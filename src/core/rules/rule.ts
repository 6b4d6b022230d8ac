import type { Config } from '../config';
import type { Review } from '../model';
import type { Finding, Fix, Range, Severity } from '../types';

/** What the workspace knows beyond one document (the index fills it; the CLI fills it from the files linted). */
export interface WorkspaceFacts {
  /** action ID → files (uri/path) that define it */
  actionIds: Map<string, string[]>;
  /** review id → files */
  reviewIds: Map<string, string[]>;
}

export interface RuleContext {
  review: Review;
  config: Config;
  /** "today", injectable for tests and reports */
  now: Date;
  workspace?: WorkspaceFacts;
  /** the document's lifecycle from `status:`; drafts get completeness findings as info */
  lifecycle: 'draft' | 'in-review' | 'final';
}

export interface RuleFinding { message: string; range: Range; severity?: Severity; fixes?: Fix[] }

export interface Rule {
  id: string;
  description: string;
  defaultSeverity: Severity;
  /** completeness rules are relaxed to info while the review is a draft */
  completeness?: boolean;
  check(ctx: RuleContext): RuleFinding[];
}

export const RULE_DOCS_BASE = 'https://github.com/pir-tools/pir-reviews/blob/main/docs/rules/';
export const ruleDocsUrl = (id: string) => `${RULE_DOCS_BASE}${id}.md`;

export type { Finding };

/** The severity of a completeness finding from a rule that also reports other problems: info in drafts. */
export function completenessSeverity(ctx: RuleContext): Severity | undefined {
  return ctx.lifecycle === 'draft' ? 'info' : undefined;
}
