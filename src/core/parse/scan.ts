/**
 * A fast line scan that finds the front matter and the headings without a Markdown parse, so a
 * document is split into sections cheaply and only the sections a consumer needs get parsed.
 * Headings inside fenced code and HTML comments are not headings.
 */
import type { LineIndex } from '../text';

export interface ScannedHeading { level: number; text: string; line: number; /** column where the text starts */ textStart: number; setext: boolean }

export interface ScannedFrontMatter {
  openLine: number;
  /** the closing fence line, or undefined when the block never closes */
  closeLine?: number;
  contentStart: number; // offset
  contentEnd: number; // offset
}

/**
 * A line that may be a label opening a section: a bold or italic phrase at the start of a paragraph
 * (`**Root cause:** …`, `**What went well**`, `_Impact_: …`) or a short capitalised phrase and a
 * colon (`User impact: …`). Whether it names a purpose is the section recogniser's call.
 */
export interface ScannedLabel {
  line: number;
  /** the label's words, markup and colon removed */
  text: string;
  textStart: number;
  textEnd: number;
  /** without bold or italic markup */
  plain: boolean;
  /** the words alone on their line, without a colon ("Action items" written without #) */
  alone: boolean;
}

export interface Scan { frontMatter?: ScannedFrontMatter; headings: ScannedHeading[]; labels: ScannedLabel[]; bodyStartLine: number }

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
// **Label:** rest · **Label**: rest · **Label** (alone) · __Label__ · *Label:* · _Label_:
const EMPHASIS_LABEL = /^ {0,3}(?:[-*+] +)?(\*\*|__|\*|_)(?=[^\s*_])([^*_\n]{2,80}?)\1(?![*_])[ \t]*(:?)[ \t]*(.*)$/;
const PLAIN_LABEL = /^ {0,3}([A-Z][A-Za-z'’ &/-]{2,40}):[ \t]+\S/;
const ALONE_LABEL = /^ {0,3}([A-Z][A-Za-z'’ &/-]{2,40}?)[ \t]*$/;
const LIST_MARK = /^ {0,3}[-*+] /;

function label(t: string, line: number): ScannedLabel | undefined {
  const m = EMPHASIS_LABEL.exec(t);
  if (m) {
    const inner = m[2].trim();
    const colon = inner.endsWith(':') || m[3] === ':';
    const rest = m[4].replace(/&#x20;|&nbsp;/g, '').trim();
    // a label ends with a colon, or stands alone on its line; a list item is a label only when it holds nothing else
    if ((!colon && rest) || (LIST_MARK.test(t) && (!colon || rest))) return undefined;
    const textStart = t.indexOf(m[2], t.indexOf(m[1]));
    return { line, text: inner.replace(/[\s:]+$/, ''), textStart, textEnd: textStart + m[2].replace(/[\s:]+$/, '').length, plain: false, alone: !rest };
  }
  const p = PLAIN_LABEL.exec(t);
  if (p && p[1].trim().split(/\s+/).length <= 4) {
    const textStart = t.indexOf(p[1]);
    return { line, text: p[1].trim(), textStart, textEnd: textStart + p[1].trim().length, plain: true, alone: false };
  }
  const a = ALONE_LABEL.exec(t);
  if (a && a[1].trim().split(/\s+/).length <= 4) {
    const textStart = t.indexOf(a[1]);
    return { line, text: a[1].trim(), textStart, textEnd: textStart + a[1].trim().length, plain: true, alone: true };
  }
  return undefined;
}

export function scan(lines: LineIndex): Scan {
  const n = lines.lineCount;
  let line = 0;
  let frontMatter: ScannedFrontMatter | undefined;
  const first = lines.lineText(0).replace(/^\uFEFF/, '');
  if (/^---[ \t]*$/.test(first)) {
    let close: number | undefined;
    for (let l = 1; l < n; l++) {
      if (/^(---|\.\.\.)[ \t]*$/.test(lines.lineText(l))) { close = l; break; }
    }
    const contentStart = lines.starts[Math.min(1, n - 1)] ?? lines.text.length;
    if (close !== undefined) {
      frontMatter = { openLine: 0, closeLine: close, contentStart: n > 1 ? contentStart : lines.text.length, contentEnd: lines.starts[close] };
      line = close + 1;
    } else {
      frontMatter = { openLine: 0, contentStart, contentEnd: lines.text.length };
    }
  }
  const bodyStartLine = line;
  const headings: ScannedHeading[] = [];
  const labels: ScannedLabel[] = [];
  let prevBlank = true;
  /** the previous line ends with a hard break (<br>, two spaces, a backslash) or is itself a "Key: value" line */
  let prevBreak = false;
  let fence: string | undefined;
  let inComment = false;
  let prevParagraph = false;
  for (; line < n; line++) {
    const t = lines.lineText(line);
    if (fence) {
      const m = FENCE.exec(t);
      if (m && m[1][0] === fence[0] && m[1].length >= fence.length && t.trim() === m[1]) { fence = undefined; prevBlank = true; }
      prevParagraph = false;
      continue;
    }
    if (inComment) { if (t.includes('-->')) { inComment = false; prevBlank = true; } prevParagraph = false; continue; }
    const f = FENCE.exec(t);
    if (f) { fence = f[1]; prevParagraph = false; continue; }
    if (/^ {0,3}<!--/.test(t) && !t.includes('-->')) { inComment = true; prevParagraph = false; continue; }
    const a = ATX.exec(t);
    if (!a && (prevBlank || prevBreak) && t.length < 2000) {
      const c = t.charCodeAt(t.search(/\S/));
      if (c === 42 || c === 95 || c === 45 || c === 43 || (c >= 65 && c <= 90)) {
        const l = label(t, line);
        // a line alone ("Action items") after a hard break is the end of a paragraph, not a label
        if (l && (prevBlank || !l.alone)) labels.push(l);
      }
    }
    if (a) {
      const text = (a[2] ?? '').trim();
      headings.push({ level: a[1].length, text, line, textStart: text ? t.indexOf(text, a[1].length) : t.length, setext: false });
      prevParagraph = false;
      prevBlank = true;
      continue;
    }
    const s = SETEXT.exec(t);
    if (s && prevParagraph) {
      const textLine = line - 1;
      const raw = lines.lineText(textLine);
      headings.push({ level: s[1][0] === '=' ? 1 : 2, text: raw.trim(), line: textLine, textStart: raw.length - raw.trimStart().length, setext: true });
      if (labels.length && labels[labels.length - 1].line === textLine) labels.pop();
      prevParagraph = false;
      prevBlank = true;
      continue;
    }
    const blank = t.trim() === '';
    prevBlank = blank;
    prevBreak = !blank && (/(<br\s*\/?>|  |\\)$/i.test(t) || /^ {0,3}(?:[-*+] +)?(\*\*|__)?[A-Z][\w '’/&-]{1,40}(\*\*|__)?:(\*\*|__)?\s/.test(t));
    // a paragraph line can become a setext heading; list items, quotes, tables and indented code can't
    prevParagraph = !blank && !/^ {0,3}([-*+]\s|\d+[.)]\s|>|\||<)/.test(t) && !/^( {4}|\t)/.test(t);
  }
  return { frontMatter, headings, labels, bodyStartLine };
}
