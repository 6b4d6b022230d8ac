/**
 * Snippet text (VS Code's SnippetString, the quick fixes marked `snippet: true`): `$1`, `${1:text}`
 * are tab stops, and `$NAME` / `${NAME}` are variables the editor fills in when the snippet is
 * inserted: `$CLIPBOARD` pastes the clipboard into the file, `${WORKSPACE_FOLDER}` the local path.
 * Text taken from a document or from `.pir.yaml` must reach a snippet escaped. Pure, no `vscode`.
 */

/** Escapes text for a snippet, in a placeholder or between them: `$`, `}` and `\` get a backslash. */
export function snippetEscape(s: string): string {
  const text = String(s);
  // most text has none of the three: returned as it is (fixes escape every title and placeholder they write)
  return NEEDS_ESCAPE.test(text) ? text.replace(/[$}\\]/g, '\\$&') : text;
}
const NEEDS_ESCAPE = /[$}\\]/;

/**
 * The variables a snippet would expand (`CLIPBOARD`, `WORKSPACE_FOLDER`, …), in order: every `$`
 * followed by a letter or `_`, or `${` followed by one, that no backslash escapes. The rules' fixes
 * use numbered tab stops only, so any name here came from text that was not escaped.
 */
export function snippetVariables(snippet: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < snippet.length; i++) {
    const c = snippet[i];
    if (c === '\\') { i++; continue; }
    if (c !== '$') continue;
    const m = /^\{?([A-Za-z_][A-Za-z0-9_]*)/.exec(snippet.slice(i + 1, i + 66));
    if (m) out.push(m[1]);
  }
  return out;
}
