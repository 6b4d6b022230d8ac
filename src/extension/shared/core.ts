/**
 * Lazy access to the analysis core. The core pulls in the Markdown parser, YAML, Luxon and Ajv;
 * evaluating them costs tens of milliseconds, so it happens on first use, not in activate().
 * esbuild wraps the required module in a lazy initialiser, so `require` here defers evaluation.
 */
import type * as Core from '../../core';
import type * as Commands from '../../core/commands';

let core: typeof Core | undefined;

export function getCore(): typeof Core {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  if (!core) core = require('../../core') as typeof Core;
  return core;
}

let commands: typeof Commands | undefined;

/**
 * Lazy access to the command-only part of the core (src/core/commands.ts: exports, tickets' sync,
 * import, the new-review template, the timeline editor, the tree's item edits). The Node build puts
 * it in its own file (dist/commands.js), loaded the first time such a command runs, so neither
 * activation nor the first lint pays for it.
 */
export function getCommands(): typeof Commands {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  if (!commands) commands = require('../../core/commands') as typeof Commands;
  return commands;
}
