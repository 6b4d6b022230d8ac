/**
 * The prose of a section: paragraphs, headings and table cells, without code blocks, inline code,
 * HTML, block quotes (quoted chat and logs), images, link brackets and destinations, or text in
 * double quotes. From the line scan's block tree plus the inline scanner when the section is in
 * the subset they read; else from the remark tree. Both give the same runs (a differential test
 * checks it).
 */
import type { Review, Section } from '../model';
import { isLight, type LightNode } from './blocks';
import { inlineBlanks } from './inline';
import { TextCache } from './textCache';

/** A run of prose: source text with markup that is not prose (code, links' targets, HTML) blanked out. */
export interface Prose { text: string; start: number }

interface MdNode { type: string; position?: { start: { offset?: number }; end: { offset?: number } }; children?: MdNode[] }

const SKIP = new Set(['code', 'html', 'blockquote', 'yaml', 'definition', 'math']);

/** The line scan's prose runs by section text, offsets relative to the body (typing in one section re-scans only that one). */
const cache = new TextCache<Prose[]>();

export function clearProseCache(): void { cache.clear(); }

export function sectionProse(review: Review, section: Section): Prose[] {
  const blocks = section.blocks();
  if (isLight(blocks)) {
    const base = review.lines.starts[section.bodyStartLine] ?? review.text.length;
    let runs = cache.get(section.body);
    if (!runs) {
      // Bail: a construct the inline scanner does not read; anything else would be a bug in it:
      // either way the remark tree gives the answer
      try { runs = lightProse(section.body, blocks); } catch { /* fall back */ }
      if (runs) cache.set(section.body, runs);
    }
    if (runs) return runs.map(r => ({ text: r.text, start: base + r.start }));
  }
  return treeProse(review, section);
}

function run(body: string, a: number, b: number, blank: [number, number][], base: number): Prose {
  let text = '';
  let at = a;
  for (const [s, e] of blank.sort((x, y) => x[0] - y[0])) {
    if (s < at) continue;
    text += body.slice(at, s) + body.slice(s, e).replace(/[^\r\n]/g, ' ');
    at = e;
  }
  text += body.slice(at, b);
  if (text.includes('"') || text.includes('“')) text = text.replace(/"[^"\n]*"|“[^”\n]*”/g, m => ' '.repeat(m.length));
  return { text, start: base + a };
}

/** The prose runs of a light tree, offsets relative to the body. */
function lightProse(body: string, root: LightNode): Prose[] {
  const base = 0;
  const out: Prose[] = [];
  const visit = (node: LightNode) => {
    if (SKIP.has(node.type)) return;
    if (node.inline) {
      const blank: [number, number][] = [];
      inlineBlanks(body, node.inline[0], node.inline[1], blank);
      out.push(run(body, node.position.start.offset, node.position.end.offset, blank, base));
      return;
    }
    for (const k of node.children) visit(k);
  };
  visit(root);
  return out;
}

/** The prose from the section's remark tree. */
export function treeProse(review: Review, section: Section): Prose[] {
  const base = review.lines.starts[section.bodyStartLine] ?? review.text.length;
  const body = section.body;
  const out: Prose[] = [];
  const visit = (node: MdNode) => {
    if (SKIP.has(node.type)) return;
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      const a = node.position?.start.offset, b = node.position?.end.offset;
      if (a === undefined || b === undefined) return;
      const blank: [number, number][] = [];
      const mask = (n: MdNode) => {
        const s = n.position?.start.offset, e = n.position?.end.offset;
        if (s === undefined || e === undefined) return;
        if (n.type === 'inlineCode' || n.type === 'html' || n.type === 'image' || n.type === 'imageReference') { blank.push([s, e]); return; }
        if (n.type === 'link' || n.type === 'linkReference') {
          const kids = (n.children ?? []).filter(k => k.position?.start.offset !== undefined);
          if (!kids.length) { blank.push([s, e]); return; }
          const ks = kids[0].position!.start.offset!, ke = kids[kids.length - 1].position!.end.offset!;
          if (ks > s) blank.push([s, ks]);
          if (e > ke) blank.push([ke, e]);
        }
        for (const k of n.children ?? []) mask(k);
      };
      for (const k of node.children ?? []) mask(k);
      out.push(run(body, a, b, blank, base));
      return;
    }
    for (const k of node.children ?? []) visit(k);
  };
  visit(section.tree() as unknown as MdNode);
  return out;
}
