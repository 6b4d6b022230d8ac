/**
 * Text for VS Code notifications (showInformationMessage / showWarningMessage / showErrorMessage)
 * and for the message of a modal dialog.
 *
 * VS Code renders `[label](target)` in a notification's message as a link, and a click on a
 * `command:` target runs that command with the arguments in its query (e.g. a terminal command).
 * Document text, file names and error messages that quote them must never become such a link.
 * Pure, no `vscode` import.
 */

/**
 * The message with every Markdown link neutralised: `](` becomes `] (` (VS Code's link syntax
 * needs the two characters side by side, so no nesting such as `[[a](x)](command:…)` survives),
 * and line breaks and other control characters become spaces. Everything else is kept as written.
 */
export function noticeText(message: string): string {
  return String(message)
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')
    .replace(/\]\s*\(/g, '] (');
}

/** VS Code's pattern for a link in a notification (vs/base/common/linkedText.ts): for tests and checks. */
export const NOTIFICATION_LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/gi;

/** True when `message` would show a link VS Code's notifications make clickable. */
export function hasNotificationLink(message: string): boolean {
  NOTIFICATION_LINK.lastIndex = 0;
  return NOTIFICATION_LINK.test(message);
}
