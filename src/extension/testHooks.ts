/**
 * Test hooks: `pir._test.*` commands that return plain JSON of what the views show and of the
 * index's statistics, for the integration suites (test/integration/suites/tracker). Registered only
 * in development builds: esbuild.mjs defines PIR_TEST_HOOKS false for `--production` (the packaged
 * extension), and extension.ts loads this module only when it is true.
 */
import * as vscode from 'vscode';
import type { Services } from './shared/services';
import type { Trackers } from './tree/tracker';

export function registerTestHooks({ context, index: service, diagnostics }: Services, { actions, reviews }: Trackers): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('pir._test.actionsTree', () => actions.snapshot()),
    vscode.commands.registerCommand('pir._test.reviewsTree', async () => (await reviews.getChildren()).map(n => {
      const item = reviews.getTreeItem(n);
      return { label: item.label, description: item.description, icon: (item.iconPath as vscode.ThemeIcon).id, tooltip: (item.tooltip as vscode.MarkdownString).value, uri: n.uri, audit: n.audit, problems: n.problems };
    })),
    vscode.commands.registerCommand('pir._test.indexStats', async () => {
      await service.whenReady();
      return { ...service.stats, size: service.index.size, totalParsed: service.index.parsed, reads: service.reads, cache: service.cacheUri()?.toString(), progress: service.progressShown };
    }),
    vscode.commands.registerCommand('pir._test.revealAll', () => actions.revealAll()),
    vscode.commands.registerCommand('pir._test.saveIndex', () => service.save()),
    // a stand-in for a broken automatic fix: while the document lacks `marker`, a preferred fix
    // inserts `text` at the start of `line` (0-based); undefined removes it
    vscode.commands.registerCommand('pir._test.plantBrokenFix', (planted?: { uri: string; line: number; text: string; marker: string }) => {
      diagnostics.plantedFindings = planted ? (doc) => {
        if (doc.uri.toString() !== planted.uri || doc.getText().includes(planted.marker)) return [];
        const at = { line: planted.line, character: 0 };
        return [{ rule: 'test-broken-fix', severity: 'warning', message: 'a stand-in for a broken fix', range: { start: at, end: at }, fixes: [{ title: 'Break the file', isPreferred: true, edits: [{ range: { start: at, end: at }, newText: planted.text }] }] }];
      } : undefined;
      return true;
    }),
  );
}
