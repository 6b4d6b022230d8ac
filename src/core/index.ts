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
