/**
 * The tracker clients (@octokit/rest, jira.js) are a bundle of their own, dist/tracker-clients.js
 * (esbuild.mjs), required here only when a ticket command runs: activation and dist/core.js never
 * load them. VS Code for the Web has no `require`; there the ticket commands say so.
 */
import type * as Clients from '../../core/tickets/clients';

let clients: typeof Clients | undefined;

export class ClientsUnavailable extends Error {}

export function loadTrackerClients(): typeof Clients {
  if (clients) return clients;
  const file = typeof __dirname === 'string' ? `${__dirname}/tracker-clients.js` : undefined;
  try {
    if (!file || typeof require !== 'function') throw new Error('no require');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    clients = require(file) as typeof Clients;
    return clients;
  } catch {
    throw new ClientsUnavailable('Tickets need VS Code for the desktop (or the pir CLI): the tracker clients are not available here.');
  }
}
