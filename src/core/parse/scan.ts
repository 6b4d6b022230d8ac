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

export interface Scan { frontMatter?: ScannedFrontMatter; headings: ScannedHeading[]; bodyStartLine: number }

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;

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
  let fence: string | undefined;
  let inComment = false;
  let prevParagraph = false;
  for (; line < n; line++) {
    const t = lines.lineText(line);
    if (fence) {
      const m = FENCE.exec(t);
      if (m && m[1][0] === fence[0] && m[1].length >= fence.length && t.trim() === m[1]) fence = undefined;
      prevParagraph = false;
      continue;
    }
    if (inComment) { if (t.includes('-->')) inComment = false; prevParagraph = false; continue; }
    const f = FENCE.exec(t);
    if (f) { fence = f[1]; prevParagraph = false; continue; }
    if (/^ {0,3}<!--/.test(t) && !t.includes('-->')) { inComment = true; prevParagraph = false; continue; }
    const a = ATX.exec(t);
    if (a) {
      const text = (a[2] ?? '').trim();
      headings.push({ level: a[1].length, text, line, textStart: text ? t.indexOf(text, a[1].length) : t.length, setext: false });
      prevParagraph = false;
      continue;
    }
    const s = SETEXT.exec(t);
    if (s && prevParagraph) {
      const textLine = line - 1;
      const raw = lines.lineText(textLine);
      headings.push({ level: s[1][0] === '=' ? 1 : 2, text: raw.trim(), line: textLine, textStart: raw.length - raw.trimStart().length, setext: true });
      prevParagraph = false;
      continue;
    }
    const blank = t.trim() === '';
    // a paragraph line can become a setext heading; list items, quotes, tables and indented code can't
    prevParagraph = !blank && !/^ {0,3}([-*+]\s|\d+[.)]\s|>|\||<)/.test(t) && !/^( {4}|\t)/.test(t);
  }
  return { frontMatter, headings, bodyStartLine };
}
