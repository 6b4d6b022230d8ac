/**
 * Lazy access to the analysis core. The core pulls in the Markdown parser, YAML, Luxon and Ajv;
 * evaluating them costs tens of milliseconds, so it happens on first use, not in activate().
 * esbuild wraps the required module in a lazy initialiser, so `require` here defers evaluation.
 */
import type * as Core from '../../core';

let core: typeof Core | undefined;

export function getCore(): typeof Core {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  if (!core) core = require('../../core') as typeof Core;
  return core;
}
