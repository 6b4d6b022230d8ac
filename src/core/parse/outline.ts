/**
 * The parts of a review as a facilitator reads them: every heading at any level, and every label
 * line naming a purpose (`**Root cause:** …`, `**What went well**`), opens a part that runs to the
 * next one. Each part serves the purposes its own words name (sections.ts purposesOf) or, when they
 * name none, its parent's: "### 2021-06-03" under "## Timeline" is timeline, "### KubeSpawner" under
 * "## Action items" is actions. Under a timeline or the actions, a sub-heading naming the response
 * or the actions ("### Detection", "### Prevention", "### Mitigation") is a group of entries or of
 * items, not a new section.
 *
 * Parts are disjoint: a part's body stops at the next heading or label, whatever its level; its
 * subtree (the part and the parts below it) runs to the next heading of the same or a higher level.
 * Lines are 0-based.
 */
import type { Scan } from './scan';
import { exactSectionKind, purposesOf, type SectionKind } from './sections';

export interface OutlinePart {
  /** the line of the heading or label */
  line: number;
  text: string;
  textStart: number;
  textEnd: number;
  /** 1–6 for headings; 7 for a label line (below every heading) */
  level: number;
  label: boolean;
  bodyStartLine: number;
  endLine: number;
  subtreeEndLine: number;
  ownKinds: SectionKind[];
  kinds: SectionKind[];
  /** index of the parent part in the returned list */
  parent?: number;
}

/** Purposes that hold entries or items: a sub-heading below them groups them. */
const CONTAINERS: SectionKind[] = ['timeline', 'actions'];
/** Sub-heading purposes that are groups of a container's entries or items ("Detection", "Prevention"). */
const GROUP_WORDS = new Set<SectionKind>(['response', 'timeline', 'actions']);

export const LABEL_LEVEL = 7;

/** The parts of a scanned document; `titleLine` is the title heading's line (no purpose of its own), or -1. */
export function outlineParts(sc: Scan, titleLine: number, lineCount: number): OutlinePart[] {
  const parts: OutlinePart[] = [];
  const stack: number[] = []; // indexes of open heading parts
  const headings = sc.headings;
  const labels = sc.labels;
  let hi = 0, li = 0;
  const containerOf = (kinds: SectionKind[]) => CONTAINERS.find(k => kinds.includes(k));
  while (hi < headings.length || li < labels.length) {
    const takeHeading = hi < headings.length && (li >= labels.length || headings[hi].line <= labels[li].line);
    if (takeHeading) {
      const h = headings[hi++];
      while (stack.length && parts[stack[stack.length - 1]].level >= h.level) stack.pop();
      const parent = stack.length ? stack[stack.length - 1] : undefined;
      const own = h.line === titleLine ? [] : purposesOf(h.text);
      const inherited = parent !== undefined ? parts[parent].kinds : [];
      const container = containerOf(inherited);
      let kinds: SectionKind[];
      if (container && own.every(k => GROUP_WORDS.has(k))) kinds = [container];
      else kinds = own.length ? own : inherited;
      parts.push({
        line: h.line, text: h.text, textStart: h.textStart, textEnd: h.textStart + h.text.length, level: h.level, label: false,
        bodyStartLine: h.line + (h.setext ? 2 : 1), endLine: lineCount, subtreeEndLine: lineCount, ownKinds: own, kinds, parent,
      });
      stack.push(parts.length - 1);
    } else {
      const l = labels[li++];
      const parent = stack.length ? stack[stack.length - 1] : undefined;
      const inherited = parent !== undefined ? parts[parent].kinds : [];
      if (containerOf(inherited)) continue; // "**Detection:**" in the action items, "**Impact:**" in a timeline entry
      // words alone on a line without markup are a heading written without "#" only when they are a section's name
      const exact = l.plain && l.alone ? exactSectionKind(l.text) : undefined;
      const own = l.plain && l.alone ? (exact ? [exact] : []) : purposesOf(l.text);
      if (!own.length) continue;
      parts.push({
        line: l.line, text: l.text, textStart: l.textStart, textEnd: l.textEnd, level: LABEL_LEVEL, label: true,
        bodyStartLine: l.line, endLine: lineCount, subtreeEndLine: lineCount, ownKinds: own, kinds: own, parent,
      });
    }
  }
  // ends: a part's own body stops at the next part; its subtree at the next heading of its level or above
  const open: OutlinePart[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (i + 1 < parts.length) p.endLine = Math.max(p.bodyStartLine, parts[i + 1].line);
    if (p.label) { p.subtreeEndLine = p.endLine; continue; }
    while (open.length && open[open.length - 1].level >= p.level) open.pop()!.subtreeEndLine = p.line;
    open.push(p);
  }
  for (const p of open) p.subtreeEndLine = lineCount;
  for (const p of parts) p.subtreeEndLine = Math.max(p.subtreeEndLine, p.endLine);
  return parts;
}
