/**
 * The tracker clients, the one module that loads @octokit/rest and jira.js. The extension and the
 * CLI load it only when a ticket command runs: bundled on its own as dist/tracker-clients.js (esbuild.mjs),
 * so neither the extension's activation nor `pir lint` pays for it.
 */
import { GitHubTracker } from './github';
import { JiraTracker } from './jira';
import type { TrackerConfig } from './model';
import type { TrackerPort } from './port';

/** A client for the configured tracker. `token` is used for requests to the configured host only and is never logged. */
export function createTracker(config: TrackerConfig, token: string, options: { timeoutMs?: number } = {}): TrackerPort {
  return config.kind === 'github' ? new GitHubTracker(config, token, options.timeoutMs) : new JiraTracker(config, token, options.timeoutMs);
}

export type { TrackerPort };
