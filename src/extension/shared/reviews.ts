/**
 * One parse per document version, shared by the editor features (hover, outline, folding, status
 * bar) and the diagnostics: a request on an unchanged document reuses the parse, and nothing here
 * reads other files. The parse depends on the default zone (`.pir.yaml` or `pir.defaultTimezone`),
 * so that is part of the key.
 */
import * as vscode from 'vscode';
import type { Review } from '../../core';
import type { ConfigStore } from '../config/configStore';
import { readSettings } from '../config/configStore';
import { getCore } from './core';

export const PIR_SELECTOR: vscode.DocumentSelector = [{ language: 'pir' }, { pattern: '**/*.pir.md' }];

interface Entry { version: number; zone: string | undefined; review: Review }

const cache = new Map<string, Entry>();
/** closed documents are dropped when the cache grows past this */
const PRUNE_AT = 16;

/** The parse of the document as it is now, for the given default zone (parsed at most once per version). */
export function cachedReview(doc: vscode.TextDocument, zone: string | undefined): Review {
  const key = doc.uri.toString();
  const hit = cache.get(key);
  if (hit && hit.version === doc.version && hit.zone === zone) return hit.review;
  const review = getCore().parseReview(doc.getText(), { uri: key, defaultZone: zone });
  cache.set(key, { version: doc.version, zone, review });
  if (cache.size > PRUNE_AT) {
    const open = new Set(vscode.workspace.textDocuments.map(d => d.uri.toString()));
    for (const k of cache.keys()) if (!open.has(k)) cache.delete(k);
  }
  return review;
}

/** The parse with the configuration that applies to the document (the same one the diagnostics use). */
export async function reviewFor(doc: vscode.TextDocument, store: ConfigStore): Promise<Review> {
  const settings = readSettings(doc);
  let zone = settings.defaultTimezone;
  try { zone = (await store.configFor(doc, settings)).defaultTimezone; } catch { /* the diagnostics report a broken .pir.yaml */ }
  return cachedReview(doc, zone);
}

/** The author's zone, for "your time" in hovers: `pir.defaultTimezone`, else the extension host's zone. */
export function authorZone(doc: vscode.TextDocument): string {
  return readSettings(doc).defaultTimezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC';
}
