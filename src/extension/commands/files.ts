/** File helpers for the authoring commands, through vscode.workspace.fs only (virtual workspaces). */
import * as vscode from 'vscode';
import type { Config } from '../../core/config';
import { getCore } from '../shared/core';

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try { await vscode.workspace.fs.stat(uri); return true; } catch { return false; }
}

/** `<dir>/<base><ext>`, or `<base>-2<ext>`, `-3`… when that name is taken: never an existing file. */
export async function uniqueUri(dir: vscode.Uri, base: string, ext: string): Promise<vscode.Uri> {
  for (let n = 1; ; n++) {
    const uri = vscode.Uri.joinPath(dir, `${base}${n === 1 ? '' : `-${n}`}${ext}`);
    if (!await exists(uri)) return uri;
  }
}

/**
 * The team's configuration for files in `dir`: the nearest `.pir.yaml` at `dir` or above it (up to
 * the workspace folder), else the defaults. `.pir.yaml` is data: parsed, never run.
 */
export async function readTeamConfig(dir: vscode.Uri, root: vscode.Uri): Promise<Config> {
  const rootPath = root.path.replace(/\/+$/, '');
  let d = dir;
  for (let i = 0; i < 32; i++) {
    const candidate = vscode.Uri.joinPath(d, '.pir.yaml');
    if (await exists(candidate)) {
      try {
        const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(candidate));
        return getCore().parseConfig(text).config;
      } catch { /* unreadable: defaults */ }
      break;
    }
    if (d.path.replace(/\/+$/, '') === rootPath || !d.path.startsWith(rootPath)) break;
    const parent = vscode.Uri.joinPath(d, '..');
    if (parent.path === d.path) break;
    d = parent;
  }
  return getCore().defaultConfig();
}

/** The team's severities (`severities` in `.pir.yaml`), for the new-review quick pick. */
export async function readSeverities(dir: vscode.Uri, root: vscode.Uri): Promise<string[]> {
  const s = (await readTeamConfig(dir, root)).severities;
  return s.length ? s : getCore().defaultConfig().severities;
}
