import type { Root } from 'mdast';
import { LineIndex } from '../text';
import type { Finding } from '../types';
import type { ActionItem, Review, Section } from '../model';
import { scan, type Scan } from './scan';
import { parseFrontMatter } from './frontMatter';
import { purposesFromText, purposesOf, type SectionKind } from './sections';
import { outlineParts } from './outline';
import { parseMarkdown } from './markdown';
import { cachedScanBlocks, capNesting, MAX_NESTING } from './blocks';
import { extractTimeline, findDeclaredZone } from './timeline';
import { extractActions } from './actions';

export interface ParseOptions {
  uri?: string;
  /**
   * @internal 'remark' parses every section that a consumer reads with remark, as before the line
   * scan existed (the differential tests compare the two paths); default: the line scan, with remark
   * only for sections the scan does not read.
   */
  markdown?: 'scan' | 'remark';
}

/** Above this size a section is not parsed as Markdown: the scan still reports headings and front matter. */
export const MAX_SECTION_BYTES = 1_000_000;
/** Above this size only the front matter and the headings are analysed. */
export const MAX_DOCUMENT_BYTES = 5_000_000;

const EMPTY_TREE: Root = { type: 'root', children: [] };

/** Parses a review. Never throws: whatever the input, it returns a model and findings. */
export function parseReview(text: string, options: ParseOptions = {}): Review {
  const parseFindings: Finding[] = [];
  const zero = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  if (looksBinary(text)) {
    parseFindings.push({ rule: 'unreadable-file', severity: 'error', message: 'This file is not text (it contains NUL bytes or invalid characters): a review must be a UTF-8 Markdown file.', range: zero });
    return emptyReview(text, options, parseFindings);
  }
  const lines = new LineIndex(text);
  const review: Review = {
    uri: options.uri, text, lines, eol: lines.eol, sections: [], timeline: [], actions: [], parseFindings, partial: false,
    section(kind: SectionKind) { return this.sections.find(s => s.kinds.includes(kind)); },
    mayServe(kind: SectionKind) { return mayServe(this, kind); },
  };
  try {
    const tooLarge = text.length > MAX_DOCUMENT_BYTES;
    const sc = scan(lines);
    if (sc.frontMatter) review.frontMatter = parseFrontMatter(lines, sc.frontMatter, parseFindings);
    const headings = sc.headings;
    const h1 = headings.find(h => h.level === 1);
    if (h1) review.title = { text: h1.text, range: { start: { line: h1.line, character: h1.textStart }, end: { line: h1.line, character: h1.textStart + h1.text.length } } };
    review.sections = buildSections(text, lines, sc, review.title ? h1!.line : -1, parseFindings, tooLarge, options.markdown === 'remark');
    if (review.sections.some(s => s.body.length > MAX_SECTION_BYTES) && !tooLarge) review.partial = true;
    if (tooLarge) {
      review.partial = true;
      parseFindings.push({ rule: 'file-too-large', severity: 'warning', message: `This file is ${(text.length / 1e6).toFixed(1)} MB: over ${MAX_DOCUMENT_BYTES / 1e6} MB only the front matter and the headings are checked (the timeline, the action items and the wording checks are skipped, and no check reports them missing).`, range: zero });
      return review;
    }
    const timelineSections = review.sections.filter(s => s.kinds.includes('timeline'));
    review.declaredZone = findDeclaredZone(review, timelineSections);
    review.timeline = extractTimeline(review, timelineSections, review.declaredZone);
    review.actions = actionsOfSections(review, review.sections);
  } catch (e) {
    // a bug in the parser must not take the editor or the CLI down: report it as a finding
    parseFindings.push({ rule: 'unreadable-file', severity: 'error', message: `The review could not be analysed (${(e as Error).message}). Please report this with the file.`, range: zero });
    review.partial = true;
  }
  return review;
}

/**
 * The review's parts as sections (outline.ts), each reading its body's blocks lazily: with the line
 * scan, or remark where the scan does not read the body (or always with `remark`). A section over
 * MAX_SECTION_BYTES (or any in a document over MAX_DOCUMENT_BYTES, `tooLarge`) gives no blocks; the
 * findings saying so, and those for nesting too deep, go to `findings` (not looked for without it).
 * Lines are 0-based.
 */
function buildSections(text: string, lines: LineIndex, sc: Scan, titleLine: number, findings: Finding[] | undefined, tooLarge: boolean, remark: boolean): Section[] {
  const sections: Section[] = [];
  for (const p of outlineParts(sc, titleLine, lines.lineCount)) {
    const bodyStartLine = p.bodyStartLine;
    const endLine = p.endLine;
    const startOffset = lines.starts[bodyStartLine] ?? text.length;
    const endOffset = lines.starts[endLine] ?? text.length;
    const body = text.slice(startOffset, Math.max(startOffset, endOffset));
    let tree: Root | undefined;
    let blocks: Root | undefined;
    const section: Section = {
      kind: p.kinds[0], kinds: p.kinds, ownKinds: p.ownKinds, heading: p.text, level: p.level, label: p.label,
      parent: p.parent !== undefined ? sections[p.parent] : undefined,
      headingRange: { start: { line: p.line, character: p.textStart }, end: { line: p.line, character: p.textEnd } },
      bodyStartLine, endLine, subtreeEndLine: p.subtreeEndLine, body,
      subtree: () => p.subtreeEndLine <= endLine ? body : text.slice(startOffset, Math.max(startOffset, lines.starts[p.subtreeEndLine] ?? text.length)),
      tree: () => (tree ??= body.length > MAX_SECTION_BYTES || tooLarge ? EMPTY_TREE : safeParse(body, findings ?? [], bodyStartLine - 1)),
      blocks: () => (blocks ??= remark || body.length > MAX_SECTION_BYTES || tooLarge ? section.tree() : scanOrParse(section)),
    };
    sections.push(section);
    if (!findings) continue;
    if (body.length > MAX_SECTION_BYTES && !tooLarge) {
      findings.push({ rule: 'file-too-large', severity: 'warning', message: `The section "${p.text}" is ${(body.length / 1e6).toFixed(1)} MB: sections over ${MAX_SECTION_BYTES / 1e6} MB are not analysed (its timeline entries, action items and wording are not checked, and no check reports them missing).`, range: section.headingRange });
    }
    if (!tooLarge && body.length <= MAX_SECTION_BYTES && !findings.some(f => f.rule === 'file-too-large' && f.severity === 'info')) {
      const { at } = capNesting(body);
      if (at >= 0) {
        const q = lines.positionAt(startOffset + at);
        findings.push({ rule: 'file-too-large', severity: 'info', message: `Lists or block quotes are nested more than ${MAX_NESTING} levels deep here: the review is not analysed beyond depth ${MAX_NESTING}.`, range: { start: q, end: { line: q.line, character: lines.lineEnd(q.line) - lines.starts[q.line] } } });
      }
    }
  }
  return sections;
}

/** The action items of a review's sections: those of the actions parts, and TODO/DONE paragraphs and introduced lists elsewhere (actions.ts). */
function actionsOfSections(review: Pick<Review, 'text' | 'lines'>, sections: Section[]): ActionItem[] {
  return extractActions(review, sections.filter(s => s.kinds.includes('actions')), sections.filter(s => !s.kinds.includes('actions') && !s.kinds.includes('timeline')));
}

/**
 * The action items of a review text exactly as parseReview reads them (same sections, same shapes,
 * same states), without the rest of the analysis: the workspace index reads them with this, so the
 * tree, `pir actions` and the exports list what the parser and the rules see. Unlike parseReview it
 * reads the items of a document of any size (only a section over MAX_SECTION_BYTES gives none).
 * `lines` and `sc` may be passed when the caller has them. Never throws for a text parseReview accepts.
 */
export function actionItemsOf(text: string, lines: LineIndex = new LineIndex(text), sc: Scan = scan(lines)): ActionItem[] {
  const h1 = sc.headings.find(h => h.level === 1);
  const sections = buildSections(text, lines, sc, h1 ? h1.line : -1, undefined, false, false);
  return actionsOfSections({ text, lines }, sections);
}

const served = new WeakMap<Review, Map<SectionKind, Section | undefined>>();

function mayServe(review: Review, kind: SectionKind): Section | undefined {
  let m = served.get(review);
  if (!m) served.set(review, (m = new Map()));
  if (m.has(kind)) return m.get(kind);
  let found: Section | undefined;
  const unnamed = review.sections.filter(s => !s.kinds.length && !s.label);
  if (kind === 'summary') {
    // the opening text: before any section that names a purpose
    const firstNamed = review.sections.findIndex(s => s.kinds.length > 0);
    const opening = unnamed.filter(s => firstNamed < 0 || review.sections.indexOf(s) < firstNamed);
    found = opening.find(s => sentences(s.body) >= 2);
  }
  if (!found) found = unnamed.find(s => s.body.length >= 80 && purposesFromText(s.body).includes(kind));
  // a labelled field of a list stating it: "- **Information impact:** PII of 18,400 applicants read" (NIST SP 800-61's fields)
  if (!found) found = review.sections.find(s => listFieldLabels(s.body).some(l => purposesOf(l).includes(kind)));
  m.set(kind, found);
  return found;
}

/**
 * The labels of a body's list items written as fields with a value: "- **Functional impact:** Low; …"
 * gives "Functional impact", and so does a label whose value is the list nested under it
 * ("* **Complications:**" then "  * the patched fork …"). A white-space entity after the label
 * (`&#x20;`, `&nbsp;`, as exported wiki pages write) is no value.
 */
function listFieldLabels(body: string): string[] {
  const out: string[] = [];
  for (const m of body.matchAll(/^([ \t]*)(?:[-*+]|\d{1,3}[.)])[ \t]+(?:\*\*|__)([^*_\n:]{2,40}?)(?::(?:\*\*|__)|(?:\*\*|__)[ \t]*:)[ \t]*([^\n]*)/gm)) {
    const value = m[3].replace(/&(?:#x0*20|#0*32|#x0*a0|#0*160|nbsp);/gi, ' ').trim();
    const stated = value ? /\p{L}{3}/u.test(value) && !/^(?:tbd|tbc|todo|n\/a|none|unknown)\b/i.test(value) : nestedValue(body, m.index + m[0].length, m[1].length);
    if (stated) out.push(m[2]);
    if (out.length >= 50) break;
  }
  return out;
}

/** Whether the line after `end` (the end of a list item's first line) is a list item nested deeper than `indent` that says something. */
function nestedValue(body: string, end: number, indent: number): boolean {
  const next = /^\r?\n([ \t]*)(?:[-*+]|\d{1,3}[.)])[ \t]+([^\n]*)/.exec(body.slice(end, end + 400));
  return !!next && next[1].length > indent && /\p{L}{3}/u.test(next[2]);
}

function sentences(body: string): number {
  const prose = body.replace(/^\s*(?:[#>|]|<!--).*$/gm, '').replace(/```[\s\S]*?```/g, '');
  return (prose.match(/[a-z)][.!?](\s|$)/g) ?? []).length;
}

/** The line scan's blocks, or the remark tree when the section holds something the scan does not read. */
function scanOrParse(section: Section): Root {
  return (cachedScanBlocks(section.body) as unknown as Root | undefined) ?? section.tree();
}

function safeParse(body: string, findings: Finding[], line: number): Root {
  try { return parseMarkdown(body); } catch (e) {
    findings.push({ rule: 'unreadable-file', severity: 'error', message: `This section could not be parsed: ${(e as Error).message}`, range: { start: { line, character: 0 }, end: { line, character: 0 } } });
    return EMPTY_TREE;
  }
}

/** Whether a text is not a text file: a NUL anywhere (not only in the first 8 KB), or mostly undecodable bytes. */
export function looksBinary(text: string): boolean {
  if (text.includes('\0')) return true;
  const head = text.length > 8192 ? text.slice(0, 8192) : text;
  // a text decoded from bytes that aren't UTF-8 is full of replacement characters
  let bad = 0;
  for (let i = 0; i < head.length; i++) if (head.charCodeAt(i) === 0xfffd) bad++;
  return head.length > 0 && bad / head.length > 0.05;
}

function emptyReview(text: string, options: ParseOptions, parseFindings: Finding[]): Review {
  const lines = new LineIndex('');
  return {
    uri: options.uri, text: '', lines, eol: '\n', sections: [], timeline: [], actions: [], parseFindings, partial: true,
    section() { return undefined; },
    mayServe() { return undefined; },
  };
}
