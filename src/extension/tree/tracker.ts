/**
 * The corrective-action tracker: the workspace index, the "Post-Incident Reviews" view container
 * with the Corrective Actions and Reviews trees, the item actions and the exports.
 *
 * Activation stays cheap: this creates the views and registers commands; the first scan of the
 * workspace (which loads the core) starts after activate() has returned.
 */
import * as vscode from 'vscode';
import { createWorkspaceIndex } from '../index/workspaceIndex';
import { AuditConfigs } from '../exports/auditConfig';
import { registerExports } from '../exports/exports';
import { ActionsTreeProvider, VIEW_ID, type Node } from './actionsTree';
import { ReviewsTreeProvider, REVIEWS_VIEW_ID } from './reviewsTree';
import { registerItemCommands } from './itemCommands';
import { now } from '../shared/clock';

export function registerTracker(context: vscode.ExtensionContext, log?: vscode.LogOutputChannel): void {
  const service = createWorkspaceIndex(context, log);
  const configs = new AuditConfigs();
  const actions = new ActionsTreeProvider(service, context.workspaceState);
  const view = vscode.window.createTreeView<Node>(VIEW_ID, { treeDataProvider: actions, showCollapseAll: true });
  actions.attach(view);
  const reviews = new ReviewsTreeProvider(service, configs);
  const reviewsView = vscode.window.createTreeView(REVIEWS_VIEW_ID, { treeDataProvider: reviews });
  context.subscriptions.push(configs, actions, view, reviews, reviewsView);

  // "overdue" and meeting deadlines depend on the day: look again when the (UTC) date changes
  let day = now().toISOString().slice(0, 10);
  const clock = setInterval(() => {
    const today = now().toISOString().slice(0, 10);
    if (today !== day) { day = today; actions.refresh(); reviews.refresh(); }
  }, 10 * 60_000);
  context.subscriptions.push({ dispose: () => clearInterval(clock) });

  registerItemCommands(context, service, actions);
  registerExports(context, service, configs, log);

  context.subscriptions.push(
    vscode.commands.registerCommand('pir.reviews.open', async (uri: string) => {
      await vscode.window.showTextDocument(vscode.Uri.parse(uri), { preview: true });
    }),
    // test hooks: plain JSON of what the views show (commands starting with `_` are not in the palette)
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
  );

  // the welcome's "Create a review" button needs someone's pir.newReview; the docs link is always there
  setTimeout(() => {
    void vscode.commands.getCommands(true).then(all =>
      vscode.commands.executeCommand('setContext', 'pir.tracker.canCreateReview', all.includes('pir.newReview')));
  }, 0);
}
