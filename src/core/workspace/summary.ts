/**
 * What the workspace index keeps of a review: its front matter facts and its action items. The items
 * are the parser's own (every shape: lists, task lists, tables, paragraphs, states read from the
 * text), read without the rest of the analysis and with the line scan of the section bodies, so
 * 2,000 reviews index in well under two seconds.
 */
import { LineIndex } from '../text';
import { scan } from '../parse/scan';
import { frontMatterData, frontMatterDocument } from '../parse/frontMatter';
import { actionItemsOf } from '../parse/review';
import type { ActionItem, ActionStatus } from '../model';

export interface ActionRecord {
  id: string;
  title: string;
  /** how the authors wrote it: a task-list or list item, a table row, or a paragraph (no place for fields); always set by summarize */
  form?: ActionItem['form'];
  status: ActionStatus;
  owner: string;
  due: string;
  type: string;
  domain: string;
  validation: string;
  tracking: string;
  evidence: string;
  depends: string;
  /** 0-based line of the item in its file */
  line: number;
}

export interface ReviewSummary {
  uri: string;
  hash: string;
  id: string;
  title: string;
  status: string;
  severity: string;
  major?: boolean;
  started?: string;
  resolved?: string;
  reviewMeeting?: string;
  actions: ActionRecord[];
  /** the summary could not be read fully (broken YAML, binary) */
  problem?: string;
}

/** FNV-1a over UTF-16 code units: a cheap content hash for the cache. */
export function contentHash(text: string): string {
  let h1 = 0x811c9dc5, h2 = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 16777619);
    h2 = Math.imul(h2 ^ c, 2246822519);
  }
  return (h1 >>> 0).toString(36) + (h2 >>> 0).toString(36) + text.length.toString(36);
}

const str = (v: unknown): string => v instanceof Date ? v.toISOString().replace('.000Z', 'Z') : v === undefined || v === null ? '' : String(v);

export function summarize(uri: string, text: string, hash = contentHash(text)): ReviewSummary {
  const s: ReviewSummary = { uri, hash, id: '', title: '', status: '', severity: '', actions: [] };
  if (text.includes('\0')) { s.problem = 'not a text file'; return s; } // NUL anywhere, as the parser decides
  try {
    const lines = new LineIndex(text);
    const sc = scan(lines);
    if (sc.frontMatter) {
      const doc = frontMatterDocument(text.slice(sc.frontMatter.contentStart, sc.frontMatter.contentEnd)); // shared with the parser
      if (doc.errors.length) s.problem = 'front matter is not valid YAML';
      else {
        const d = frontMatterData(doc) as Record<string, unknown> | null; // shared with the parser too
        if (d && typeof d === 'object') {
          s.id = str(d.id); s.title = str(d.title); s.status = str(d.status); s.severity = str(d.severity);
          if (typeof d.major === 'boolean') s.major = d.major;
          if (d.started) s.started = str(d.started);
          if (d.resolved) s.resolved = str(d.resolved);
          if (d.review_meeting) s.reviewMeeting = str(d.review_meeting);
        }
      }
    }
    if (!s.title) s.title = sc.headings.find(h => h.level === 1)?.text ?? '';
    // the action items exactly as the parser reads them (parse/review.ts actionItemsOf): one reading
    // for the tree, `pir actions`, the exports and the rules
    s.actions = actionItemsOf(text, lines, sc).map(toRecord);
  } catch (e) {
    s.problem = `could not be read: ${(e as Error).message}`;
  }
  return s;
}

/** The index's record of a parsed action item: its ID, title, state, the fields it keeps and its line. */
function toRecord(a: ActionItem): ActionRecord {
  const field = (k: string) => a.fields.get(k)?.value ?? '';
  return {
    id: a.id ?? '', title: a.title, form: a.form, status: a.status, owner: field('owner'), due: field('due'), type: field('type'),
    domain: field('domain'), validation: field('validation'), tracking: field('tracking'), evidence: field('evidence'),
    depends: field('depends'), line: a.line,
  };
}
