/**
 * The timeline editor: a CustomTextEditorProvider for `*.pir.md` (priority "option", so the text
 * editor stays the default). The TextDocument is the only model, as in VS Code's custom editor
 * sample: the webview sends intents, the host turns each into a minimal WorkspaceEdit (the core's
 * timelineEdits) and applies it, one at a time per document; undo/redo, dirty state, save and hot
 * exit are VS Code's own. Every document change is posted back to the webview.
 *
 * Intents carry the document version the webview saw and the entry's line and text. A stale intent
 * (the text editor changed the document meanwhile) is rebased by locating the entry by its text
 * near its old line; if the entry itself changed, it is rejected and the webview refreshed.
 *
 * No Node APIs here: this runs in the browser build too.
 */
import * as vscode from 'vscode';
import type { Finding, Severity } from '../../core/types';
import type { TimelineIntent } from '../../core/timeline/edit';
import type { TimelineView } from '../../core/timeline/view';
import { reviewNow } from '../shared/reviews';
import type { SettingsService } from '../config/settings';
import type { HostMessage, WebviewMessage } from '../../core/timeline/protocol';
import { getCommands } from '../shared/core';

export const VIEW_TYPE = 'pir.timeline';

function nonce(): string {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
}

const SEVERITY: Record<number, Severity> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'info',
  [vscode.DiagnosticSeverity.Hint]: 'info',
};

/** The findings the user sees in the Problems panel for the document (configuration applied). */
export function findingsOf(doc: vscode.TextDocument): Finding[] {
  return vscode.languages.getDiagnostics(doc.uri).filter(d => d.source === 'pir').map(d => ({
    rule: typeof d.code === 'object' && d.code ? String(d.code.value) : String(d.code ?? ''),
    severity: SEVERITY[d.severity] ?? 'info',
    message: d.message,
    range: { start: { line: d.range.start.line, character: d.range.start.character }, end: { line: d.range.end.line, character: d.range.end.character } },
  }));
}

/** The analysed review the diagnostics and hovers see (same fallback zone: the team's .pir.yaml, else the setting). */
export function parseDocument(doc: vscode.TextDocument) {
  return reviewNow(doc);
}

export function viewOf(doc: vscode.TextDocument): TimelineView {
  const name = doc.uri.path.split('/').pop() ?? 'review';
  return getCommands().buildTimelineView(parseDocument(doc), findingsOf(doc), doc.version, name);
}

/** One document open in one or more timeline editors: its panels and its edit queue. */
class Session implements vscode.Disposable {
  readonly panels = new Set<vscode.WebviewPanel>();
  private queue: Promise<void> = Promise.resolve();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(readonly doc: vscode.TextDocument, settings: SettingsService, private readonly log: (s: string) => void) {
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument(e => { if (e.document === this.doc && e.contentChanges.length) this.schedulePost(0); }),
      vscode.languages.onDidChangeDiagnostics(e => { if (e.uris.some(u => u.toString() === this.doc.uri.toString())) this.schedulePost(60); }),
      settings.onDidChange(() => this.schedulePost(0)),
    );
  }

  schedulePost(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => { this.timer = undefined; this.postModel(); }, ms);
  }

  postModel(to?: vscode.WebviewPanel): void {
    let msg: HostMessage;
    try {
      const view = viewOf(this.doc);
      msg = { type: 'model', view, scene: getCommands().layoutPicture(view, 900) };
    } catch (e) {
      this.log(`timeline: could not read ${this.doc.uri.toString()}: ${(e as Error).message}`);
      return;
    }
    for (const p of to ? [to] : this.panels) void p.webview.postMessage(msg);
  }

  /** Queues an intent: intents of all panels of the document are applied one after another. */
  enqueue(panel: vscode.WebviewPanel, requestId: number, version: number, intent: TimelineIntent): Promise<void> {
    const run = async () => {
      const rebased = version !== this.doc.version;
      const review = parseDocument(this.doc);
      const res = getCommands().timelineEdits(review, intent);
      if (!res.ok) {
        await panel.webview.postMessage({ type: 'intentResult', requestId, ok: false, error: res.error } satisfies HostMessage);
        this.postModel(panel);
        return;
      }
      if (res.edits.length) {
        const edit = new vscode.WorkspaceEdit();
        const lines = this.doc.lineCount;
        for (const e of res.edits) {
          if (e.range.end.line > lines) throw new Error('edit outside the document');
          edit.replace(this.doc.uri, new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character), e.newText);
        }
        const applied = await vscode.workspace.applyEdit(edit);
        if (!applied) {
          await panel.webview.postMessage({ type: 'intentResult', requestId, ok: false, error: 'VS Code did not apply the edit (is the file read-only?).' } satisfies HostMessage);
          this.postModel(panel);
          return;
        }
      }
      if (rebased) this.log(`timeline: ${intent.type} based on version ${version} applied to version ${this.doc.version - (res.edits.length ? 1 : 0)}`);
      this.postModel();
      await panel.webview.postMessage({ type: 'intentResult', requestId, ok: true, line: res.line, rebased } satisfies HostMessage);
    };
    this.queue = this.queue.then(run).catch(e => {
      this.log(`timeline: ${intent.type} failed: ${(e as Error).stack ?? e}`);
      void panel.webview.postMessage({ type: 'intentResult', requestId, ok: false, error: 'The edit failed; see the Post-Incident Reviews output.' } satisfies HostMessage);
    });
    return this.queue;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}

export class TimelineEditorProvider implements vscode.CustomTextEditorProvider {
  private readonly sessions = new Map<string, Session>();
  /** the panel that was active last, for the export command */
  activePanel: { panel: vscode.WebviewPanel; doc: vscode.TextDocument } | undefined;

  constructor(private readonly extensionUri: vscode.Uri, private readonly settings: SettingsService, private readonly log: (s: string) => void, private readonly exportSvg: (doc: vscode.TextDocument) => Thenable<unknown>) {}

  resolveCustomTextEditor(doc: vscode.TextDocument, panel: vscode.WebviewPanel): void {
    const root = vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview');
    panel.webview.options = { enableScripts: true, enableCommandUris: false, localResourceRoots: [root] };
    panel.webview.html = this.html(panel.webview, root);

    const key = doc.uri.toString();
    let session = this.sessions.get(key);
    if (!session) { session = new Session(doc, this.settings, this.log); this.sessions.set(key, session); }
    const s = session;
    s.panels.add(panel);
    this.activePanel = { panel, doc };

    const subs: vscode.Disposable[] = [
      panel.onDidChangeViewState(e => { if (e.webviewPanel.active) this.activePanel = { panel, doc }; }),
      panel.webview.onDidReceiveMessage((raw: unknown) => this.onMessage(s, panel, raw)),
    ];
    panel.onDidDispose(() => {
      subs.forEach(d => d.dispose());
      s.panels.delete(panel);
      if (this.activePanel?.panel === panel) this.activePanel = undefined;
      if (!s.panels.size) { s.dispose(); this.sessions.delete(key); }
    });
  }

  private onMessage(s: Session, panel: vscode.WebviewPanel, raw: unknown): void {
    const checked = getCommands().validateWebviewMessage(raw);
    if (!checked.ok) {
      this.log(`timeline: rejected a message from the webview: ${checked.error}`);
      // an intent the webview waits for: answer, so its queue moves on
      const id = (raw as { requestId?: unknown } | null)?.requestId;
      if (typeof id === 'number' && Number.isInteger(id) && id >= 0) {
        void panel.webview.postMessage({ type: 'intentResult', requestId: id, ok: false, error: `The change was refused: ${checked.error}.` } satisfies HostMessage);
      }
      return;
    }
    const msg: WebviewMessage = checked.value;
    switch (msg.type) {
      case 'ready': s.postModel(panel); break;
      case 'intent': void s.enqueue(panel, msg.requestId, msg.version, msg.intent); break;
      case 'openLink': void vscode.env.openExternal(vscode.Uri.parse(msg.url, true)); break;
      case 'exportSvg': void this.exportSvg(s.doc); break;
      case 'openText': void revealLine(s.doc, msg.line); break;
    }
  }

  private html(webview: vscode.Webview, root: vscode.Uri): string {
    const n = nonce();
    const script = webview.asWebviewUri(vscode.Uri.joinPath(root, 'timeline.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(root, 'timeline.css'));
    const csp = [
      "default-src 'none'",
      `script-src 'nonce-${n}'`,
      `style-src ${webview.cspSource} 'nonce-${n}'`,
      `img-src ${webview.cspSource} data:`,
      `font-src ${webview.cspSource}`,
    ].join('; ');
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style}" nonce="${n}">
<title>Timeline</title>
</head>
<body>
<main id="app" aria-busy="true"><p class="loading">Loading the timeline…</p></main>
<script nonce="${n}" src="${script}"></script>
</body>
</html>`;
  }
}

async function revealLine(doc: vscode.TextDocument, line: number): Promise<void> {
  const l = Math.min(line, doc.lineCount - 1);
  const visible = vscode.window.visibleTextEditors.find(e => e.document === doc);
  const editor = await vscode.window.showTextDocument(doc, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One, preserveFocus: false });
  const pos = new vscode.Position(l, 0);
  editor.selection = new vscode.Selection(pos, pos);
  editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
