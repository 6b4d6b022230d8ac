import { Document, YAMLParseError, parseDocument, isMap, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import type { LineIndex } from '../text';
import type { Finding, Range } from '../types';
import type { ScannedFrontMatter } from './scan';

export interface FrontMatter {
  /** the whole block, fences included */
  range: Range;
  /** offset of the YAML content in the document */
  contentStart: number;
  source: string;
  doc: Document;
  /** the plain data, {} when the YAML is not a mapping */
  data: Record<string, unknown>;
  /** the range of a key (path ['attendees', 0, 'role']), or of its value with which='value' */
  rangeOf(path: (string | number)[], which?: 'key' | 'value'): Range | undefined;
  /** where a new top-level key can be inserted: the start of the closing fence line */
  insertLine: number;
  closed: boolean;
}

/**
 * Front matter YAML parsed strictly (the YAML library's default, as the workspace index reads it),
 * by source text. The workspace index (summarize) and the parser share it, so a run that indexes
 * files and then lints them (the CLI) parses each front matter once. Documents are only read, never
 * changed, by their users. The cache keeps the most recent entries; the CLI makes room for a run.
 */
const docCache = new Map<string, Document>();
const DEFAULT_CACHE_ENTRIES = 64;
let cacheEntries = DEFAULT_CACHE_ENTRIES;

/** How many parsed front matters to keep (the CLI: one per file of a run); no argument restores the default. */
export function setFrontMatterCacheSize(entries = DEFAULT_CACHE_ENTRIES): void {
  cacheEntries = Math.max(1, entries);
  while (docCache.size > cacheEntries) docCache.delete(docCache.keys().next().value as string);
}

export function clearFrontMatterCache(): void { docCache.clear(); }

/** Deeper flow collections ([[[…]]]) are refused before the YAML parser recurses into them. */
export const MAX_FRONT_MATTER_NESTING = 64;

/** Where flow collections first nest deeper than the limit (quoted strings skipped), or -1. */
function tooDeepAt(source: string): number {
  let depth = 0;
  let quote = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (quote) { if (c === quote) quote = ''; else if (c === '\\' && quote === '"') i++; continue; }
    if (c === '"' || c === "'") quote = c;
    else if (c === '\n') quote = '';
    else if (c === '[' || c === '{') { if (++depth > MAX_FRONT_MATTER_NESTING) return i; }
    else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
  return -1;
}

/** The strict parse of a front matter's YAML (its errors include the strict-only ones), cached. */
export function frontMatterDocument(source: string): Document {
  const hit = docCache.get(source);
  if (hit) return hit;
  const deep = tooDeepAt(source);
  const doc = deep < 0 ? parseDocument(source, { keepSourceTokens: false, prettyErrors: false, uniqueKeys: true }) : refused(deep);
  docCache.set(source, doc);
  if (docCache.size > cacheEntries) docCache.delete(docCache.keys().next().value as string);
  return doc;
}

/** Documents standing in for a front matter too deep to read: never parsed again leniently. */
const refusedDocs = new WeakSet<Document>();

/** An empty document carrying one error: what was too deep to read, and where. */
function refused(at: number): Document {
  const doc = new Document();
  refusedDocs.add(doc);
  doc.errors.push(new YAMLParseError([at, at + 1], 'UNEXPECTED_TOKEN', `lists or mappings are nested more than ${MAX_FRONT_MATTER_NESTING} levels deep here; the front matter was not read`));
  return doc;
}

export function parseFrontMatter(lines: LineIndex, fm: ScannedFrontMatter, findings: Finding[]): FrontMatter {
  const source = lines.text.slice(fm.contentStart, fm.contentEnd);
  // the parser reports YAML errors leniently (strict: false); a strict parse without errors is the
  // same document, so only a front matter with errors is parsed again
  let doc = frontMatterDocument(source);
  if (doc.errors.length && !refusedDocs.has(doc)) {
    doc = parseDocument(source, { keepSourceTokens: false, prettyErrors: false, uniqueKeys: true, strict: false });
  }
  const closeLine = fm.closeLine ?? lines.lineCount - 1;
  const range: Range = { start: { line: fm.openLine, character: 0 }, end: { line: closeLine, character: lines.lineText(closeLine).length } };
  if (fm.closeLine === undefined) {
    findings.push({ rule: 'front-matter-syntax', severity: 'error', message: 'The front matter is never closed: add a line with --- after the last key.', range: lines.lineRange(0) });
  }
  for (const e of doc.errors) {
    const [a, b] = e.pos;
    findings.push({
      rule: 'front-matter-syntax', severity: 'error',
      message: `Front matter is not valid YAML: ${e.message.split('\n')[0]}`,
      range: lines.range(fm.contentStart + a, fm.contentStart + Math.max(b, a + 1)),
    });
  }
  let data: Record<string, unknown> = {};
  if (doc.errors.length === 0) {
    try {
      const js = doc.toJS({ maxAliasCount: 100 });
      if (js && typeof js === 'object' && !Array.isArray(js)) data = js as Record<string, unknown>;
      else if (js !== null && js !== undefined) findings.push({ rule: 'front-matter-syntax', severity: 'error', message: 'The front matter must be a mapping of keys to values (key: value).', range });
    } catch (e) {
      findings.push({ rule: 'front-matter-syntax', severity: 'error', message: `Front matter could not be read: ${(e as Error).message}`, range });
    }
  }
  const nodeRange = (n: YamlNode | undefined | null): Range | undefined =>
    n && n.range ? lines.range(fm.contentStart + n.range[0], fm.contentStart + n.range[1]) : undefined;
  return {
    range, contentStart: fm.contentStart, source, doc, data,
    insertLine: closeLine,
    closed: fm.closeLine !== undefined,
    rangeOf(path, which = 'key') {
      let node: unknown = doc.contents;
      let keyNode: unknown;
      for (const seg of path) {
        if (isMap(node)) {
          const pair = node.items.find(p => (isScalar(p.key) ? p.key.value : p.key) === seg);
          if (!pair) return undefined;
          keyNode = pair.key; node = pair.value;
        } else if (isSeq(node) && typeof seg === 'number') {
          keyNode = node.items[seg]; node = node.items[seg];
        } else return undefined;
      }
      return nodeRange((which === 'key' ? keyNode ?? node : node ?? keyNode) as YamlNode);
    },
  };
}
