/** Authoring comfort in the editor: hovers, outline and folding, completions, the status bar text. */
export { hoverAt, actionIdAt, type HoverInfo, type HoverRow, type HoverOptions, type KnownAction } from './hover';
export { outline, foldingRanges, type OutlineSymbol, type OutlineKind, type Fold } from './outline';
export { completionsAt, timelineStampNow, ACTION_FIELDS, type Suggestion, type SuggestionKind, type CompletionOptions } from './completion';
export { milestoneTimes, formatDuration, formatUtc, formatInZone, sinceStart, type MilestoneTime } from './milestones';
export { statusBarText, type StatusSummary } from './status';
