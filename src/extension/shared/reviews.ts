/**
 * One parse per document version, shared by the editor features (hover, outline, folding, status
 * bar) and the diagnostics: a request on an unchanged document reuses the parse, and nothing here
 * reads other files. The analysed review depends on the fallback zone (the team's `.pir.yaml`, else
 * `pir.defaultTimezone`), so that is part of the key.
 */
import * as vscode from 'vscode';
import type { Config, FallbackZone, Review } from '../../core';
import type { ConfigStore } from '../config/configStore';
import { readSettings } from '../config/configStore';
import { getCore } from './core';

export const PIR_SELECTOR: vscode.DocumentSelector = [{ language: 'pir' }, { pattern: '**/*.pir.md' }];

interface Entry { version: number; fallback: string; review: Review }

const cache = new Map<string, Entry>();
/** the fallback zone last resolved for a document (its `.pir.yaml` read), for synchronous callers */
const lastFallback = new Map<string, FallbackZone | undefined>();
/** closed documents are dropped when the cache grows past this */
const PRUNE_AT = 16;

/**
 * The analysed review of the document as it is now: parsed at most once per version, with the
 * fallback zone (team `.pir.yaml`, else the user's setting) applied as the engine applies it.
 */
export function cachedReview(doc: vscode.TextDocument, fallback: FallbackZone | undefined): Review {
  const key = doc.uri.toString();
  lastFallback.set(key, fallback);
  const core = getCore();
  const fk = core.fallbackKey(fallback);
  const hit = cache.get(key);
  if (hit && hit.version === doc.version && hit.fallback === fk) return hit.review;
  const review = core.applyFallbackZone(core.parseReview(doc.getText(), { uri: key }), fallback);
  cache.set(key, { version: doc.version, fallback: fk, review });
  if (cache.size > PRUNE_AT) {
    const open = new Set(vscode.workspace.textDocuments.map(d => d.uri.toString()));
    for (const k of cache.keys()) if (!open.has(k)) { cache.delete(k); lastFallback.delete(k); }
  }
  return review;
}

/** The fallback zone for a document under a configuration: the team's zone, else the user's setting. */
export function fallbackFor(doc: vscode.TextDocument, config: Config | undefined): FallbackZone | undefined {
  return getCore().fallbackZoneOf(config, readSettings(doc).defaultTimezone);
}

/** The analysed review with the configuration that applies to the document (the same one the diagnostics use). */
export async function reviewFor(doc: vscode.TextDocument, store: ConfigStore): Promise<Review> {
  const settings = readSettings(doc);
  let config: Config | undefined;
  try { config = await store.configFor(doc, settings); } catch { /* the diagnostics report a broken .pir.yaml */ }
  return cachedReview(doc, getCore().fallbackZoneOf(config, settings.defaultTimezone));
}

/**
 * The analysed review now, for synchronous callers (the timeline editor): with the fallback zone
 * last resolved for the document (by the diagnostics or another feature), else the user's setting.
 */
export function reviewNow(doc: vscode.TextDocument): Review {
  const key = doc.uri.toString();
  const fallback = lastFallback.has(key) ? lastFallback.get(key) : getCore().fallbackZoneOf(undefined, readSettings(doc).defaultTimezone);
  return cachedReview(doc, fallback);
}

/** The author's zone, for "your time" in hovers: `pir.defaultTimezone`, else the extension host's zone. */
export function authorZone(doc: vscode.TextDocument): string {
  return readSettings(doc).defaultTimezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC';
}
