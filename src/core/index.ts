/** The analysis core: pure TypeScript, no `vscode` import, shared by the extension and the CLI. */
export * from './types';
export * from './model';
export { LineIndex, snippetToText } from './text';
export { parseReview, type ParseOptions } from './parse/review';
export { SECTION_SPECS, sectionKindOf, type SectionKind } from './parse/sections';
export { parseConfig, defaultConfig, type Config } from './config';
export { analyze, lintReview, lifecycleOf, type LintOptions, type AnalyzeOptions } from './engine';
export { applyFallbackZone, fallbackZoneOf, fallbackKey, zoneSourceLabel, type FallbackZone } from './zoneFallback';
export { applyEdits, automaticFixEdits, automaticFixes, plainEdits, fixText, type AutomaticFixes, parseQuality, qualityLoss, type FixRun, type ParseQuality } from './fixes';
export { RULES, PARSE_RULES, allRuleMeta, ruleById } from './rules';
export { ruleDocsUrl, type Rule, type RuleContext, type WorkspaceFacts } from './rules/rule';
export { assessAction } from './analysis/action-quality';
export { installTagger, taggerAvailable, type TagFn, type Token } from './analysis/pos';
export * from './editor';
export { readStamp } from './time/stamp';
export { dueDay, canonicalField, statusOf } from './format/actionItem';
export { splitTableRow, cellValue, escapeCell } from './format/table';
export { DAY_MS, utcDay, isDay, parseDay, parseInstant, formatDay } from './time/calendar';
export { resolveZone, toUtc } from './time/zones';
export { ReviewIndex, isOverdue, type IndexedAction, type ActionRecord, type ReviewSummary } from './workspace';
export { summarize, contentHash } from './workspace/summary';
export { workspaceFacts } from './workspace/facts';
export { buildAudit, auditToMarkdown, type AuditReport } from './export/report';
export * from './tickets/model';
export { parseTrackerConfig, ownerKey } from './tickets/config';
export { ticketFor, trackerUserFor, ownerForUser, primaryOwner, type ReviewRef } from './tickets/mapping';
export { detectDrift, driftOf, pushPatch, type Drift, type DriftKind, type ItemFacts } from './tickets/drift';
export { ticketRef, trackingUrl, type TrackerPort } from './tickets/port';
export { suppressionFixes } from './suppress';
// The command-only part (exports, tickets' sync, import, the timeline editor, the tree's edits)
// is ./commands: the extension loads it as a separate file on first use.
