/**
 * The command-only part of the core: what runs when the user invokes a command and never while a
 * review is linted or a view is drawn. Exporting the corrective-action register, creating and
 * syncing tickets, importing a Markdown postmortem, a new review from the template, the timeline
 * editor's edits, picture and message validation, and the Corrective Actions tree's item edits.
 *
 * The Node extension bundles this module as `dist/commands.js`, loaded on the first such command
 * (src/extension/shared/core.ts `getCommands()`; scripts/build/extension-split.mjs). Whatever it
 * shares with the analysis core (the parser, the calendar, the ticket model) is taken from
 * `dist/core.js`, so both see one copy. The CLI bundles it with everything else.
 */
export { toExported, actionsToCsv, actionsToJson, actionsToMarkdown, ACTION_COLUMNS, ticketColumns, type ExportedAction } from './export/actions';
export { createTicketsInText, writeLinks, replaceEdit, linkedTickets, readTickets, itemsNeedingTicket, failureMessage, type CreateResult } from './tickets/sync';
export { takeTrackerValue } from './tickets/fixes';
export * from './import/convert';
export * from './newReview/template';
export * from './timeline/edit';
export * from './timeline/view';
export * from './timeline/picture';
export { validateWebviewMessage, isSafeLink, LIMITS as TIMELINE_MESSAGE_LIMITS } from './timeline/protocol';
export * from './workspace/edits';
