// VS Code for the Web: the extension's browser entry activates in the web worker extension host
// and reports diagnostics for a review, with quick fixes. The tests run in the same host as the
// extension under development, so "this code runs in a worker" is "the extension runs in a worker".
import * as vscode from 'vscode';
import { after, assert, describe, it, waitFor } from './runner';

const EXTENSION_ID = 'pir-tools.pir-reviews';
const FIXTURE = '2026-11-02-login-errors.pir.md';

const codeOf = (d: vscode.Diagnostic) => String(typeof d.code === 'object' && d.code !== null ? d.code.value : d.code ?? '');

describe('web', () => {
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('runs in a web worker extension host, without Node', () => {
    const g = globalThis as Record<string, unknown>;
    console.log(`    host: WorkerGlobalScope ${typeof g.WorkerGlobalScope}, importScripts ${typeof g.importScripts}, process ${typeof g.process}, uiKind ${vscode.UIKind[vscode.env.uiKind]}`);
    assert.strictEqual(typeof g.WorkerGlobalScope, 'function', 'a web worker global scope');
    assert.ok(g.self instanceof (g.WorkerGlobalScope as new () => object), 'self is the worker scope');
    assert.strictEqual(typeof g.importScripts, 'function');
    assert.strictEqual(typeof g.process, 'undefined', 'no Node process object');
    assert.strictEqual(vscode.env.uiKind, vscode.UIKind.Web);
  });

  it(`finds and activates ${EXTENSION_ID} from its browser entry`, async () => {
    const ext = vscode.extensions.getExtension<{ activationMs: number }>(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is installed`);
    assert.strictEqual(ext.packageJSON.browser, './dist/web/extension.js');
    const api = await ext.activate();
    assert.strictEqual(ext.isActive, true);
    console.log(`    activated in the web worker host; activate() took ${api.activationMs.toFixed(1)} ms; extensionKind ${vscode.ExtensionKind[ext.extensionKind]}`);
  });

  it('reports diagnostics for a review: sections, time zones, the front matter schema and the language rules', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'a workspace folder is open');
    const uri = vscode.Uri.joinPath(folder.uri, FIXTURE);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    assert.strictEqual(doc.languageId, 'pir');
    const want = ['missing-root-cause', 'non-utc-timestamp', 'front-matter-schema', 'vague-action'];
    const ds = await waitFor(() => {
      const pir = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'pir');
      return want.every((c) => pir.some((d) => codeOf(d) === c)) ? pir : undefined;
    }, `pir diagnostics ${want.join(', ')} (now: ${vscode.languages.getDiagnostics(uri).map(codeOf).join(', ')})`);
    for (const d of ds) console.log(`    diagnostic line ${d.range.start.line + 1}: [${codeOf(d)}] ${d.message.slice(0, 100)}`);

    // the schema error comes from the validator compiled at build time (no `new Function` here)
    const status = ds.find((d) => codeOf(d) === 'front-matter-schema' && d.range.start.line === 3);
    assert.ok(status, 'status: In-Review is reported on its line');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, status.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.isPreferred && a.title.includes('in-review'));
    assert.ok(fix?.edit, `a preferred quick fix among: ${actions.map((a) => a.title).join(' | ')}`);

    // the PST stamp converts to UTC with the zone code that runs in the browser too
    const pdt = ds.find((d) => codeOf(d) === 'non-utc-timestamp');
    assert.ok(pdt);
    const toUtc = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, pdt.range, vscode.CodeActionKind.QuickFix.value))
      .find((a) => a.isPreferred && /UTC/.test(a.title));
    assert.ok(toUtc?.edit, 'a quick fix converts the stamp to UTC');
    assert.ok(await vscode.workspace.applyEdit(toUtc.edit));
    assert.match(doc.lineAt(pdt.range.start.line).text, /14:07 UTC/);
  });
});

describe('web: commands', () => {
  it('New Post-Incident Review writes a review from the template read from the extension\'s snippet file', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'a workspace folder is open');
    const uri = await vscode.commands.executeCommand<vscode.Uri>('pir.newReview', { title: 'Queue consumers stalled after a broker upgrade', severity: 'SEV2', folder: folder.uri, id: 'PIR-2026-901', noOpen: true });
    assert.ok(uri, 'the command returned the new file');
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    assert.match(text, /^---\n/);
    assert.match(text, /title: Queue consumers stalled after a broker upgrade/);
    assert.match(text, /^## Timeline/m);
    assert.match(text, /^## Action items/m);
  });
});
