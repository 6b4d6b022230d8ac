/**
 * Who may send what where. Nothing is sent from an untrusted workspace. A tracker host named by
 * the workspace's `.pir.yaml` is used only once the user confirmed it: a modal question whose
 * answer is kept in the extension's global state (never in the workspace), or the user setting
 * `pir.tickets.trustedHosts` (only its user-level value counts). api.github.com needs neither.
 *
 * Tokens: GitHub.com through VS Code's GitHub authentication provider (scope `repo`); any other
 * GitHub host (Enterprise Server) and Jira through a token the user enters once, kept in
 * SecretStorage by host. Tokens are handed to the tracker client and nowhere else: never logged,
 * never written to a file, never shown.
 */
import * as vscode from 'vscode';
import type { TrackerConfig } from '../../core/tickets/model';
import { showWarning } from '../shared/notify';

const CONFIRMED_KEY = 'pir.tickets.confirmedHosts';
const GITHUB_COM = 'https://api.github.com';

export class Refused extends Error {}

export interface AccessOptions { interactive: boolean }

function originOf(config: TrackerConfig): string {
  return new URL(config.kind === 'github' ? config.apiUrl : config.url).origin.toLowerCase();
}

function label(config: TrackerConfig): string {
  return config.kind === 'github' ? `GitHub (${config.owner}/${config.repo})` : `Jira (${config.project})`;
}

/** Hosts the user trusts in user settings: origins (https://jira.example.com) or bare hosts (any scheme). */
function settingHosts(): string[] {
  const v = vscode.workspace.getConfiguration('pir').inspect<string[]>('tickets.trustedHosts')?.globalValue;
  return Array.isArray(v) ? v.filter(x => typeof x === 'string').map(x => x.trim().replace(/\/+$/, '').toLowerCase()) : [];
}

export function isHostConfirmed(globalState: vscode.Memento, origin: string): boolean {
  if (origin === GITHUB_COM) return true;
  const host = new URL(origin).host;
  const confirmed = globalState.get<string[]>(CONFIRMED_KEY, []);
  return confirmed.includes(origin) || settingHosts().some(h => h === origin || h === host);
}

/**
 * Resolves when requests to the tracker may be sent; rejects with Refused (a one-line reason)
 * otherwise. Asks the user to confirm a new host when `interactive`.
 */
export async function ensureAllowed(config: TrackerConfig, globalState: vscode.Memento, o: AccessOptions): Promise<void> {
  if (!vscode.workspace.isTrusted) throw new Refused('This workspace is not trusted, so nothing is sent to a tracker. Trust the workspace to create or sync tickets.');
  const origin = originOf(config);
  if (isHostConfirmed(globalState, origin)) return;
  if (!o.interactive) throw new Refused(`${origin} is named by this workspace's .pir.yaml and you have not confirmed it; nothing was sent.`);
  const yes = 'Send to This Host';
  const pick = await showWarning(
    `This workspace's .pir.yaml sends corrective actions to ${label(config)} at ${origin}, with your ${config.kind === 'github' ? 'GitHub' : 'Jira'} token. Send them to this host?`,
    { modal: true, detail: 'Only confirm a host you know belongs to your team. The answer is kept for all workspaces; nothing has been sent yet.' }, yes);
  if (pick !== yes) throw new Refused(`${origin} was not confirmed; nothing was sent.`);
  const confirmed = globalState.get<string[]>(CONFIRMED_KEY, []);
  await globalState.update(CONFIRMED_KEY, [...new Set([...confirmed, origin])]);
}

const secretKey = (origin: string) => `pir.tickets.token:${origin}`;

/** The token for the tracker: the GitHub session for github.com, else SecretStorage (asking once when interactive). */
export async function tokenFor(config: TrackerConfig, secrets: vscode.SecretStorage, o: AccessOptions): Promise<string> {
  const origin = originOf(config);
  if (config.kind === 'github' && origin === GITHUB_COM) {
    const session = await vscode.authentication.getSession('github', ['repo'], o.interactive ? { createIfNone: true } : { silent: true });
    if (!session) throw new Refused('Sign in to GitHub (the Accounts menu) to create and sync tickets; nothing was sent.');
    return session.accessToken;
  }
  const stored = await secrets.get(secretKey(origin));
  if (stored) return stored;
  if (!o.interactive) throw new Refused(`No token is stored for ${origin}; run "PIR: Set Tracker Token…". Nothing was sent.`);
  const entered = await promptToken(config, origin);
  if (!entered) throw new Refused(`No token for ${origin}; nothing was sent.`);
  await secrets.store(secretKey(origin), entered);
  return entered;
}

export async function promptToken(config: TrackerConfig | undefined, origin: string): Promise<string | undefined> {
  const what = !config ? 'API token' : config.kind === 'github' ? 'GitHub personal access token (scope repo)' : config.deployment === 'cloud' ? `Jira Cloud API token of ${config.email ?? 'the account in .pir.yaml'}` : 'Jira personal access token';
  const v = await vscode.window.showInputBox({ title: `Token for ${origin}`, prompt: `${what}. Kept in VS Code's secret storage, sent only to ${origin}.`, password: true, ignoreFocusOut: true });
  return v?.trim() || undefined;
}

export async function storeToken(secrets: vscode.SecretStorage, origin: string, token: string): Promise<void> {
  await secrets.store(secretKey(new URL(origin).origin.toLowerCase()), token.trim());
}

export async function forgetToken(secrets: vscode.SecretStorage, origin: string): Promise<void> {
  await secrets.delete(secretKey(new URL(origin).origin.toLowerCase()));
}
