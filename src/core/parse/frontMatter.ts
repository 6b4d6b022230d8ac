import { Document, YAMLParseError, parseDocument, isMap, isScalar, isSeq, visit, type Node as YamlNode } from 'yaml';
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

/**
 * Front matter larger than this is not read: it is metadata (a real one is a few KB), and the YAML
 * parser takes about a second per megabyte, so a bound here keeps the whole analysis in budget.
 */
export const MAX_FRONT_MATTER_BYTES = 128 * 1024;

/** The largest number of aliases a front matter may dereference (a "billion laughs" document uses many more). */
export const MAX_FRONT_MATTER_ALIASES = 100;

const PARSE_OPTIONS = { keepSourceTokens: false, prettyErrors: false, uniqueKeys: false } as const;

/**
 * The YAML text to parse: a lone CR (classic Mac line endings) becomes LF, which has the same
 * length, so every offset into the document stays valid. The document itself keeps its CRs.
 */
export function yamlText(source: string): string {
  return source.includes('\r') ? source.replace(/\r(?!\n)/g, '\n') : source;
}

/**
 * The strict parse of a front matter's YAML (its errors include the strict-only ones), cached. A
 * front matter that is too big, too deep or an alias bomb comes back as an empty document with one
 * error that says why it was refused.
 */
export function frontMatterDocument(source: string): Document {
  const hit = docCache.get(source);
  if (hit) return hit;
  const doc = readDocument(source);
  docCache.set(source, doc);
  if (docCache.size > cacheEntries) docCache.delete(docCache.keys().next().value as string);
  return doc;
}

function readDocument(source: string, strict = true): Document {
  if (source.length > MAX_FRONT_MATTER_BYTES) {
    return refused(0, `it is ${Math.round(source.length / 1024)} KB, over the ${MAX_FRONT_MATTER_BYTES / 1024} KB a front matter may have`);
  }
  const deep = tooDeepAt(source);
  if (deep >= 0) return refused(deep, `lists or mappings are nested more than ${MAX_FRONT_MATTER_NESTING} levels deep here`);
  const doc = parseDocument(yamlText(source), strict ? PARSE_OPTIONS : { ...PARSE_OPTIONS, strict: false });
  duplicateKeys(doc);
  if (!doc.errors.length) {
    try { frontMatterData(doc); } catch (e) {
      return refused(0, `${/alias/i.test((e as Error).message) ? `it expands more than ${MAX_FRONT_MATTER_ALIASES} aliases (a YAML "alias bomb")` : (e as Error).message}`);
    }
  }
  return doc;
}

const plainData = new WeakMap<Document, unknown>();

/**
 * The plain data of a front matter document without errors (`doc.toJS` with the alias limit),
 * computed once per document: the parser's alias check, the parser and the workspace index share
 * it, and only read it. Throws as `toJS` does (an alias bomb).
 */
export function frontMatterData(doc: Document): unknown {
  if (plainData.has(doc)) return plainData.get(doc);
  const js = doc.toJS({ maxAliasCount: MAX_FRONT_MATTER_ALIASES });
  plainData.set(doc, js);
  return js;
}

/**
 * Duplicate keys of every mapping, found with one Set per mapping (linear in the number of keys;
 * the YAML library's own uniqueKeys check compares each key with every earlier one: 20,000 keys
 * took 10 s). Reported as the library reports them.
 */
function duplicateKeys(doc: Document): void {
  visit(doc, {
    Map(_, map) {
      if (map.items.length < 2) return;
      const seen = new Set<string>();
      for (const pair of map.items) {
        const k = pair.key;
        if (!isScalar(k)) continue;
        const id = `${typeof k.value}:${String(k.value)}`;
        if (k.value === '<<') continue; // merge keys may repeat
        if (seen.has(id)) {
          const at = k.range ?? [0, 0];
          doc.errors.push(new YAMLParseError([at[0], at[1]], 'DUPLICATE_KEY', 'Map keys must be unique'));
        } else seen.add(id);
      }
    },
  });
}

/** Documents standing in for a front matter that was refused: never parsed again leniently. */
const refusedDocs = new WeakSet<Document>();

/** Whether the front matter was refused (too big, too deep, an alias bomb) rather than parsed. */
export function isRefused(doc: Document): boolean { return refusedDocs.has(doc); }

/** An empty document carrying one error: why the front matter was not read, and where. */
function refused(at: number, why: string): Document {
  const doc = new Document();
  refusedDocs.add(doc);
  doc.errors.push(new YAMLParseError([at, at + 1], 'UNEXPECTED_TOKEN', why));
  return doc;
}

export function parseFrontMatter(lines: LineIndex, fm: ScannedFrontMatter, findings: Finding[]): FrontMatter {
  const source = lines.text.slice(fm.contentStart, fm.contentEnd);
  // the parser reports YAML errors leniently (strict: false); a strict parse without errors is the
  // same document, so only a front matter with errors is parsed again
  let doc = frontMatterDocument(source);
  if (doc.errors.length && !refusedDocs.has(doc)) doc = readDocument(source, false);
  const closeLine = fm.closeLine ?? lines.lineCount - 1;
  const range: Range = { start: { line: fm.openLine, character: 0 }, end: { line: closeLine, character: lines.lineText(closeLine).length } };
  if (fm.closeLine === undefined) {
    findings.push({ rule: 'front-matter-syntax', severity: 'error', message: 'The front matter is never closed: add a line with --- after the last key.', range: lines.lineRange(0) });
  }
  const wasRefused = refusedDocs.has(doc);
  for (const e of doc.errors) {
    const [a, b] = e.pos;
    findings.push({
      rule: 'front-matter-syntax', severity: 'error',
      message: wasRefused ? `The front matter was not read: ${e.message}.` : `Front matter is not valid YAML: ${e.message.split('\n')[0]}`,
      range: lines.range(fm.contentStart + a, fm.contentStart + Math.max(b, a + 1)),
    });
  }
  let data: Record<string, unknown> = {};
  if (doc.errors.length === 0) {
    try {
      const js = frontMatterData(doc);
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
