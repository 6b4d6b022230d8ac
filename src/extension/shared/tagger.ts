/**
 * The part-of-speech tagger that vague-action reads action items with. The Node extension's core
 * requires it on first use (dist/tagger.js); VS Code for the Web cannot `require` a file, so the
 * web extension fetches dist/web/tagger.js from the extension's own folder (never from the
 * workspace) after activation, evaluates it as the CommonJS module it is, and installs it in the
 * core. Until then vague-action reports nothing, and the diagnostics wait for it (`ensureTagger`).
 */
import * as vscode from 'vscode';
import { getCore } from './core';

/** true in the web bundle (esbuild.mjs defines it); the Node bundles require the tagger themselves */
declare const PIR_WEB: boolean | undefined;
const WEB = typeof PIR_WEB !== 'undefined' && PIR_WEB;

let extensionUri: vscode.Uri | undefined;
let loading: Promise<void> | undefined;

/** Remembers where the extension is installed (called by activate()). */
export function setTaggerHome(uri: vscode.Uri): void { extensionUri = uri; }

/** Resolves when the tagger is installed; at once in Node. Never rejects: a failure is logged and vague-action stays silent. */
export function ensureTagger(log?: vscode.LogOutputChannel): Promise<void> {
  if (!WEB) return Promise.resolve();
  const core = getCore();
  if (core.taggerAvailable()) return Promise.resolve();
  if (!loading) {
    loading = (async () => {
      if (!extensionUri) throw new Error('the extension folder is not known');
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'dist', 'web', 'tagger.js'));
      const module = { exports: {} as { tag?: (text: string) => unknown } };
      // the extension's own bundle, evaluated the way VS Code's web extension host loads extensions
      // eslint-disable-next-line @typescript-eslint/no-implied-eval
      new Function('module', 'exports', new TextDecoder().decode(bytes))(module, module.exports);
      if (typeof module.exports.tag !== 'function') throw new Error('dist/web/tagger.js exports no tagger');
      core.installTagger(module.exports.tag as Parameters<typeof core.installTagger>[0]);
    })().catch(e => { log?.error(`loading the part-of-speech tagger: ${(e as Error).message}`); });
  }
  return loading;
}
