/**
 * Checks for glob patterns that come from settings (`pir.index.include` / `exclude`, the user's
 * `files.exclude`) before they are compiled to a regular expression and matched against every
 * indexed file on every change. A pattern such as `**\/*?*?*?*?*?*?*?x` makes the matcher
 * backtrack for seconds per file; these limits keep every match well under a millisecond on
 * real paths. Pure, no `vscode` import.
 */

/** Longest pattern accepted, in characters. */
export const MAX_GLOB_LENGTH = 256;
/** Most `*` runs (not `**`) within one path segment of a pattern. */
export const MAX_STARS_PER_SEGMENT = 2;
/** Most `**` segments in a pattern. */
export const MAX_GLOBSTARS = 3;
/** Most wildcards (`*` runs, `**`, `?`, `[…]`) in a whole pattern. */
export const MAX_WILDCARDS = 12;

/**
 * Why `pattern` is refused, as a sentence naming the limit; undefined when it is accepted.
 * Extended globs (`+(a|b)`, `@(…)`, …) are refused: VS Code's globs do not have them either.
 */
export function globProblem(pattern: string): string | undefined {
  if (typeof pattern !== 'string') return 'it is not a string';
  if (pattern.length > MAX_GLOB_LENGTH) return `it is longer than ${MAX_GLOB_LENGTH} characters`;
  if (/[?*+@!]\(/.test(pattern)) return 'it uses an extended glob such as +(…), which VS Code globs do not have';
  let wildcards = 0, globstars = 0;
  for (const segment of pattern.split('/')) {
    if (segment === '**') { globstars++; wildcards++; continue; }
    const stars = (segment.match(/\*+/g) ?? []).length;
    if (stars > MAX_STARS_PER_SEGMENT) return `it has more than ${MAX_STARS_PER_SEGMENT} "*" wildcards in one path segment ("${segment.slice(0, 40)}")`;
    wildcards += stars + (segment.match(/\?/g) ?? []).length + (segment.match(/\[[^\]]*\]/g) ?? []).length;
  }
  if (globstars > MAX_GLOBSTARS) return `it has more than ${MAX_GLOBSTARS} "**" segments`;
  if (wildcards > MAX_WILDCARDS) return `it has more than ${MAX_WILDCARDS} wildcards`;
  return undefined;
}
