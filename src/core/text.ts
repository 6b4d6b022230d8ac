import type { Position, Range } from './types';

/** Maps offsets to (line, character) and back; computed once per document. */
export class LineIndex {
  readonly starts: number[];
  constructor(readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.starts = starts;
  }
  get lineCount(): number { return this.starts.length; }
  positionAt(offset: number): Position {
    offset = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0, hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid; else hi = mid - 1;
    }
    // an offset between the CR and the LF of a CRLF is the end of the line's content
    return { line: lo, character: Math.min(offset, this.lineEnd(lo)) - this.starts[lo] };
  }
  offsetAt(pos: Position): number {
    if (pos.line >= this.starts.length) return this.text.length;
    const start = this.starts[Math.max(0, pos.line)];
    return Math.min(start + pos.character, this.lineEnd(pos.line));
  }
  /** Offset of the end of the line's content (before its line break). */
  lineEnd(line: number): number {
    if (line + 1 >= this.starts.length) return this.text.length;
    let end = this.starts[line + 1] - 1;
    if (this.text.charCodeAt(end) === 10 && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }
  lineText(line: number): string { return this.text.slice(this.starts[line], this.lineEnd(line)); }
  range(startOffset: number, endOffset: number): Range {
    return { start: this.positionAt(startOffset), end: this.positionAt(endOffset) };
  }
  lineRange(line: number): Range {
    return { start: { line, character: 0 }, end: { line, character: this.lineEnd(line) - this.starts[line] } };
  }
  /** The line break the document uses (first one found), for edits that add lines. */
  get eol(): string { const m = /\r\n|\n|\r/.exec(this.text); return m ? m[0] : '\n'; }
}

export function pos(line: number, character: number): Position { return { line, character }; }
export function rangeOf(line: number, start: number, end: number): Range { return { start: pos(line, start), end: pos(line, end) }; }

/** Strips snippet syntax (${1:text}, $1, $0) to the placeholder text, for consumers without snippets (CLI --fix). */
export function snippetToText(s: string): string {
  return s.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\{\d+\}|\$\d+/g, '').replace(/\\([$}\\])/g, '$1');
}
