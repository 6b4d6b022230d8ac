/**
 * The corrective-action tracker: the "Post-Incident Reviews" view container with the Corrective
 * Actions and Reviews trees, the item actions and the exports, over the workspace index that
 * activate() creates (disabling or hiding the trees does not stop the index or cross-file rules).
 *
 * Activation stays cheap: this creates the views and registers commands.
 */
import * as vscode from 'vscode';
import { AuditConfigs } from '../exports/auditConfig';
import type { Services } from '../shared/services';
import { registerExports } from '../exports/exports';
import { ActionsTreeProvider, VIEW_ID, type Node } from './actionsTree';
import { ReviewsTreeProvider, REVIEWS_VIEW_ID } from './reviewsTree';
import { registerItemCommands } from './itemCommands';
import { now } from '../shared/clock';

export interface Trackers { actions: ActionsTreeProvider; reviews: ReviewsTreeProvider }

export function registerTracker(services: Services): Trackers {
  const { context, config: store, index: service, settings, log } = services;
  const configs = new AuditConfigs(store);
  const actions = new ActionsTreeProvider(service, context.workspaceState, settings);
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
  );

  // the welcome's "Create a review" button needs someone's pir.newReview; the docs link is always there
  setTimeout(() => {
    void vscode.commands.getCommands(true).then(all =>
      vscode.commands.executeCommand('setContext', 'pir.tracker.canCreateReview', all.includes('pir.newReview')));
  }, 0);
  return { actions, reviews };
}
