/**
 * The tracker clients, the one module that loads @octokit/rest and jira.js. The extension and the
 * CLI load it only when a ticket command runs: bundled on its own as dist/tracker-clients.js
 * (esbuild.mjs), so neither the extension's activation nor `pir lint` pays for it. Inside it, each
 * client is evaluated on first use (a `require` esbuild keeps lazy): a GitHub team never pays for
 * jira.js (axios, zod; about 4× the evaluation time of @octokit/rest).
 */
import type { GitHubTracker } from './github';
import type { JiraTracker } from './jira';
import type { TrackerConfig } from './model';
import type { TrackerPort } from './port';

/** A client for the configured tracker. `token` is used for requests to the configured host only and is never logged. */
export function createTracker(config: TrackerConfig, token: string, options: { timeoutMs?: number } = {}): TrackerPort {
  if (config.kind === 'github') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { GitHubTracker: Client } = require('./github') as { GitHubTracker: typeof GitHubTracker };
    return new Client(config, token, options.timeoutMs);
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { JiraTracker: Client } = require('./jira') as { JiraTracker: typeof JiraTracker };
  return new Client(config, token, options.timeoutMs);
}

export type { TrackerPort };
