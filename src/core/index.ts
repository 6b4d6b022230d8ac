/** The analysis core: pure TypeScript, no `vscode` import, shared by the extension and the CLI. */
export * from './types';
export * from './model';
export { LineIndex, snippetToText } from './text';
export { parseReview, type ParseOptions } from './parse/review';
export { SECTION_SPECS, sectionKindOf, type SectionKind } from './parse/sections';
export { parseConfig, defaultConfig, type Config } from './config';
export { analyze, lintReview, lifecycleOf, type LintOptions } from './engine';
export { applyEdits, automaticFixEdits, plainEdits } from './fixes';
export { RULES, PARSE_RULES, allRuleMeta, ruleById } from './rules';
export { ruleDocsUrl, type Rule, type RuleContext, type WorkspaceFacts } from './rules/rule';
export { assessAction } from './language/specificity';
export { readStamp } from './time/stamp';
export { resolveZone, toUtc } from './time/zones';
export { ReviewIndex, isOverdue, type IndexedAction, type ActionRecord, type ReviewSummary } from './workspace';
export { summarize, contentHash } from './workspace/summary';
export { workspaceFacts } from './workspace/facts';
export { toExported, actionsToCsv, actionsToJson, actionsToMarkdown, ACTION_COLUMNS, type ExportedAction } from './export/actions';
export { buildAudit, auditToMarkdown, type AuditReport } from './export/report';
