/**
 * Text for the surfaces that render `$(name)` as an icon: status bar items and status bar
 * messages (e.g. "Copied …"), quick pick labels, descriptions and details, tree view titles.
 *
 * A value such as `status: "$(sync~spin)"` would otherwise show as a spinning icon. Pure, no
 * `vscode` import.
 */

/**
 * `$(` becomes `\$(`, which these surfaces show as the literal `$(` (VS Code's own escapeIcons
 * does the same); line breaks become spaces (a status bar item is one line).
 */
export function iconSafe(text: string): string {
  return String(text)
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')
    .replace(/\$\(/g, '\\$(');
}

/** True when `text` would show an icon: a `$(name)` not preceded by a backslash. */
export function hasIconSyntax(text: string): boolean {
  return /(^|[^\\])\$\([a-z0-9-]+(?:~[a-z0-9-]*)?\)/i.test(text);
}
