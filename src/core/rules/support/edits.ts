/** Small edit and snippet helpers for rule fixes. */
import type { Review } from '../../model';
import type { Range } from '../../types';

/** Escapes text for use inside a snippet placeholder. */
export function snippetEscape(s: string): string { return s.replace(/[$}\\]/g, '\\$&'); }

export function endOfLine(review: Review, line: number): Range {
  const c = review.lines.lineText(line).length;
  return { start: { line, character: c }, end: { line, character: c } };
}
