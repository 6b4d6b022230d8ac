/**
 * Text for the Markdown the product writes: the corrective action export (`pir actions --format
 * md`, "Export Corrective Actions") and the audit report (`pir report`, "Show Audit Report", which
 * opens VS Code's Markdown preview).
 *
 * A title such as `![t](https://attacker.example/t.png)` or `<img src=…>` would make the preview
 * fetch an image from the attacker's server, and `SEV1</td><td>` or `a | b` would break the
 * table. Values are written so that they read as the same text in every CommonMark / GFM viewer
 * and are never markup. Pure, no `vscode` import.
 */

/**
 * Inline text, e.g. a table cell: backslash escapes for the characters that start markup
 * (`\ ` * _ [ ] < > ! | ~ $ &`), line breaks become spaces. CommonMark lets any ASCII punctuation
 * be escaped with a backslash; GFM tables read `\|` as a literal bar.
 */
export function mdText(value: unknown): string {
  return String(value ?? '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')
    .replace(/[\\`*_[\]<>!|~$&]/g, '\\$&');
}

/** A table cell: the same as mdText (kept as its own name where a table is written). */
export const mdCell = mdText;

/**
 * A code span (`` `path` ``) around any text: the fence is one backtick longer than the longest run
 * inside, `|` is escaped for GFM tables, line breaks become spaces. Inside a code span nothing is
 * markup, so HTML and image syntax stay text.
 */
export function mdCode(value: unknown): string {
  // eslint-disable-next-line no-control-regex
  const s = String(value ?? '').replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(s.match(/`+/g) ?? []).map(r => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = s.startsWith('`') || s.endsWith('`') || /^ .* $/.test(s) ? ' ' : '';
  return `${fence}${pad}${s}${pad}${fence}`;
}

/**
 * A fenced code block around `lines`: the fence is longer than any backtick run in them (at least
 * three), so no line can close it early; line breaks inside a line become spaces.
 */
export function mdFence(lines: string[], info = ''): string[] {
  // eslint-disable-next-line no-control-regex
  const body = lines.map(l => String(l).replace(/[\u0000-\u0008\u000a-\u001f\u007f\u2028\u2029]+/g, ' '));
  const longest = Math.max(0, ...body.flatMap(l => (l.match(/`+/g) ?? []).map(r => r.length)));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return [`${fence}${info}`, ...body, fence];
}
