import { actionsToCsv, actionsToJson, actionsToMarkdown, auditToMarkdown, buildAudit, toExported, type TicketSnapshot } from '../core';
import { ConfigResolver } from './config';
import { displayPath, readText, UsageError } from './files';
import { indexTexts } from './workspace';

function load(files: string[]) {
  const texts = new Map<string, string>();
  for (const f of files) { try { texts.set(f, readText(f)); } catch { /* unreadable: not in the register */ } }
  return indexTexts(texts);
}

export function actionsCommand(files: string[], format: string, cwd: string, now = new Date(), tickets?: TicketSnapshot): string {
  if (!['csv', 'json', 'md'].includes(format)) throw new UsageError(`Unknown format "${format}": use csv, json or md.`);
  const index = load(files);
  const rows = toExported(index.actions(now), f => displayPath(f, cwd), tickets);
  return format === 'csv' ? actionsToCsv(rows) : format === 'json' ? actionsToJson(rows) : actionsToMarkdown(rows);
}

export function reportCommand(files: string[], format: string, cwd: string, now = new Date(), configFile?: string, tickets?: TicketSnapshot): string {
  if (!['md', 'json'].includes(format)) throw new UsageError(`Unknown format "${format}": use md or json.`);
  const index = load(files);
  const resolver = new ConfigResolver(configFile);
  const audit = buildAudit(index.reviews(), index.actions(now), { now, config: uri => resolver.resolve(uri).config, showFile: f => displayPath(f, cwd), tickets });
  return format === 'json' ? JSON.stringify(audit, null, 2) : auditToMarkdown(audit);
}
