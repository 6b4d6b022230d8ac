import { auditToMarkdown, buildAudit, type TicketSnapshot } from '../core';
import { actionsToCsv, actionsToJson, actionsToMarkdown, toExported } from '../core/commands';
import { ConfigResolver } from './config';
import { displayPath, readText, UsageError } from './files';
import { indexTexts } from './workspace';
import { looksBinary } from '../core/parse/review';

/** A file the register could not read: its path as shown to the user and why, in a few words. */
export interface UnreadableInput { display: string; reason: string }

function load(files: string[], cwd: string) {
  const texts = new Map<string, string>();
  const unreadable: UnreadableInput[] = [];
  for (const f of files) {
    let text: string;
    try { text = readText(f); } catch (e) {
      unreadable.push({ display: displayPath(f, cwd), reason: `cannot be read (${(e as { code?: string }).code ?? (e as Error).message})` });
      continue;
    }
    if (looksBinary(text)) { unreadable.push({ display: displayPath(f, cwd), reason: 'not a text file (a review is UTF-8 Markdown)' }); continue; }
    texts.set(f, text);
  }
  return { index: indexTexts(texts), unreadable };
}

/** `pir actions`: the register in csv, json or md (with the ticket states of a sync snapshot), and the inputs it had to leave out. */
export function actionsCommand(files: string[], format: string, cwd: string, now = new Date(), tickets?: TicketSnapshot): { text: string; unreadable: UnreadableInput[] } {
  if (!['csv', 'json', 'md'].includes(format)) throw new UsageError(`Unknown format "${format}": use csv, json or md.`);
  const { index, unreadable } = load(files, cwd);
  const rows = toExported(index.actions(now), f => displayPath(f, cwd), tickets);
  return { text: format === 'csv' ? actionsToCsv(rows) : format === 'json' ? actionsToJson(rows) : actionsToMarkdown(rows), unreadable };
}

/** `pir report`: the audit report in md or json, and the inputs it had to leave out. */
export function reportCommand(files: string[], format: string, cwd: string, now = new Date(), configFile?: string, tickets?: TicketSnapshot): { text: string; unreadable: UnreadableInput[] } {
  if (!['md', 'json'].includes(format)) throw new UsageError(`Unknown format "${format}": use md or json.`);
  const { index, unreadable } = load(files, cwd);
  const resolver = new ConfigResolver(configFile);
  const audit = buildAudit(index.reviews(), index.actions(now), { now, config: uri => resolver.resolve(uri).config, showFile: f => displayPath(f, cwd), tickets });
  return { text: format === 'json' ? JSON.stringify(audit, null, 2) : auditToMarkdown(audit), unreadable };
}
