/**
 * Notifications whose message may quote a document, a file name or an error that names a path.
 * VS Code turns `[label](command:…)` in a message into a link that runs the command: every
 * message goes through noticeText() (core/safe/notification), which neutralises link syntax.
 * Use these instead of vscode.window.show{Information,Warning,Error}Message (a unit test checks).
 * The buttons (`items`) are the extension's own words.
 */
import * as vscode from 'vscode';
import { noticeText } from '../../core/safe/notification';
import { iconSafe } from '../../core/safe/icons';

type Rest<T> = [options: vscode.MessageOptions, ...items: T[]] | T[];
type Show<T> = (message: string, ...rest: Rest<T>) => Thenable<T | undefined>;

function clean<T>(rest: Rest<T>): Rest<T> {
  const [first, ...others] = rest;
  // a modal's detail is plain text, neutralised all the same (it is easy to move into the message later)
  if (first && typeof first === 'object' && !('title' in first) && 'detail' in (first as vscode.MessageOptions) && typeof (first as vscode.MessageOptions).detail === 'string')
    return [{ ...(first as vscode.MessageOptions), detail: noticeText((first as vscode.MessageOptions).detail!) }, ...others] as Rest<T>;
  return rest;
}

export function showInfo<T extends string | vscode.MessageItem>(message: string, ...rest: Rest<T>): Thenable<T | undefined> {
  return (vscode.window.showInformationMessage as Show<T>)(noticeText(message), ...clean(rest));
}

export function showWarning<T extends string | vscode.MessageItem>(message: string, ...rest: Rest<T>): Thenable<T | undefined> {
  return (vscode.window.showWarningMessage as Show<T>)(noticeText(message), ...clean(rest));
}

export function showError<T extends string | vscode.MessageItem>(message: string, ...rest: Rest<T>): Thenable<T | undefined> {
  return (vscode.window.showErrorMessage as Show<T>)(noticeText(message), ...clean(rest));
}

/** A status bar message (e.g. "Copied CAP-3"): `$(…)` in the text shows as written, not as an icon. */
export function statusMessage(text: string, hideAfterMs: number): vscode.Disposable {
  return vscode.window.setStatusBarMessage(iconSafe(text), hideAfterMs);
}
