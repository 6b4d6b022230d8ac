/**
 * A new review from the whole-review snippet (snippets/pir.code-snippets, "Post-incident review"):
 * the snippet syntax is rendered to plain text with some placeholders filled in, and the span of
 * every placeholder is kept so an editor can put the cursor on the first one left to fill.
 *
 * Pure: no `vscode` import. Supports the subset of the TextMate snippet grammar the template uses
 * (`$1`, `${1}`, `${1:default}` with nesting, `${1|a,b|}`, `$VAR`, `${VAR}`, `${VAR:default}`, `\$`).
 */

export interface TemplatePlaceholder { index: number; start: number; end: number; text: string }

export interface RenderedTemplate {
  text: string;
  /** placeholders in the order of their first occurrence, with their spans in `text` */
  placeholders: TemplatePlaceholder[];
}

export interface RenderOptions {
  /** placeholder index → the text to put there (instead of its default or first choice) */
  values?: Record<number, string>;
  /** snippet variables (CURRENT_YEAR, …); unknown variables render their default or nothing */
  variables?: Record<string, string>;
  /** quote filled-in values that land inside the YAML front matter (between the first two `---` lines) */
  yamlValues?: boolean;
}

type Node =
  | { kind: 'text'; text: string }
  | { kind: 'tabstop'; index: number; children?: Node[]; choices?: string[] }
  | { kind: 'var'; name: string; children?: Node[] };

/** Parses snippet text. Malformed syntax is kept as text. */
export function parseSnippet(src: string): Node[] {
  let p = 0;
  const parse = (inside: boolean): Node[] => {
    const out: Node[] = [];
    let text = '';
    const flush = () => { if (text) { out.push({ kind: 'text', text }); text = ''; } };
    while (p < src.length) {
      const c = src[p];
      if (c === '\\' && p + 1 < src.length && '$}\\,|'.includes(src[p + 1])) { text += src[p + 1]; p += 2; continue; }
      if (inside && c === '}') break;
      if (c === '$') {
        const rest = src.slice(p);
        let m: RegExpExecArray | null;
        if ((m = /^\$(\d+)/.exec(rest))) { flush(); out.push({ kind: 'tabstop', index: +m[1] }); p += m[0].length; continue; }
        if ((m = /^\$([A-Z_][A-Z_0-9]*)/.exec(rest))) { flush(); out.push({ kind: 'var', name: m[1] }); p += m[0].length; continue; }
        if ((m = /^\$\{(\d+)\}/.exec(rest))) { flush(); out.push({ kind: 'tabstop', index: +m[1] }); p += m[0].length; continue; }
        if ((m = /^\$\{(\d+)\|((?:[^|\\]|\\.)*)\|\}/.exec(rest))) {
          flush();
          out.push({ kind: 'tabstop', index: +m[1], choices: m[2].split(/(?<!\\),/).map(s => s.replace(/\\(.)/g, '$1')) });
          p += m[0].length; continue;
        }
        if ((m = /^\$\{([A-Z_][A-Z_0-9]*)\}/.exec(rest))) { flush(); out.push({ kind: 'var', name: m[1] }); p += m[0].length; continue; }
        if ((m = /^\$\{(\d+):/.exec(rest)) || (m = /^\$\{([A-Z_][A-Z_0-9]*):/.exec(rest))) {
          const save = p;
          p += m[0].length;
          const children = parse(true);
          if (src[p] === '}') {
            p++;
            flush();
            out.push(/^\d/.test(m[1]) ? { kind: 'tabstop', index: +m[1], children } : { kind: 'var', name: m[1], children });
            continue;
          }
          p = save; // unclosed: literal text
        }
      }
      text += c;
      p++;
    }
    flush();
    return out;
  };
  const nodes = parse(false);
  // a stray "}" at top level stops parse(false) only when inside; nothing left over here
  return nodes;
}

/** Renders a snippet to plain text, filling in `values` and variables. */
export function renderTemplate(src: string, options: RenderOptions = {}): RenderedTemplate {
  const nodes = parseSnippet(src);
  const values = options.values ?? {};
  const variables = options.variables ?? {};
  // the default text of each tab stop is the one of its first occurrence with content
  const defaults = new Map<number, Node[] | string[]>();
  const collect = (ns: Node[]) => {
    for (const n of ns) {
      if (n.kind === 'tabstop' && !defaults.has(n.index) && (n.children || n.choices)) defaults.set(n.index, n.children ?? n.choices!);
      if (n.kind !== 'text' && n.children) collect(n.children);
    }
  };
  collect(nodes);

  let text = '';
  const placeholders: TemplatePlaceholder[] = [];
  const seen = new Set<number>();
  const inFrontMatter = () => {
    const lines = text.split('\n');
    return lines[0] === '---' && lines.slice(1, -1).every(l => l !== '---') && lines.length > 1;
  };
  const emit = (ns: Node[], depth: number) => {
    for (const n of ns) {
      if (n.kind === 'text') { text += n.text; continue; }
      if (n.kind === 'var') {
        if (variables[n.name] !== undefined) text += variables[n.name];
        else if (n.children) emit(n.children, depth);
        continue;
      }
      const start = text.length;
      if (n.index === 0) continue; // the final cursor position: no text
      // placeholders are listed in the order they start (an outer one before those nested in it)
      let entry: TemplatePlaceholder | undefined;
      if (!seen.has(n.index)) {
        seen.add(n.index);
        entry = { index: n.index, start, end: start, text: '' };
        placeholders.push(entry);
      }
      if (values[n.index] !== undefined) {
        const v = values[n.index];
        text += options.yamlValues && inFrontMatter() ? yamlScalar(v) : v;
      } else {
        const d = n.children ?? n.choices ?? defaults.get(n.index);
        if (d && typeof d[0] === 'string') text += (d as string[])[0];
        else if (d) emit(d as Node[], depth + 1);
      }
      if (entry) { entry.end = text.length; entry.text = text.slice(start); }
    }
  };
  emit(nodes, 0);
  return { text, placeholders };
}

/** A YAML scalar for one line of user text: plain when that is safe, else double-quoted. */
export function yamlScalar(value: string): string {
  const v = value.replace(/\s+/g, ' ').trim();
  const plainSafe = /^[A-Za-z0-9][A-Za-z0-9 _.,()/'’@+-]*$/.test(v) && !/^(true|false|yes|no|on|off|null|~|y|n)$/i.test(v)
    && !/^[\d.+-]+$/.test(v) && !/ #/.test(v) && !/\s$/.test(v);
  return plainSafe ? v : JSON.stringify(v);
}

/** The snippet variables VS Code would supply, for a given moment (local time, as VS Code does). */
export function snippetVariables(now: Date): Record<string, string> {
  const pad = (n: number) => String(n).padStart(2, '0');
  const off = -now.getTimezoneOffset();
  return {
    CURRENT_YEAR: String(now.getFullYear()),
    CURRENT_YEAR_SHORT: String(now.getFullYear()).slice(-2),
    CURRENT_MONTH: pad(now.getMonth() + 1),
    CURRENT_DATE: pad(now.getDate()),
    CURRENT_HOUR: pad(now.getHours()),
    CURRENT_MINUTE: pad(now.getMinutes()),
    CURRENT_SECOND: pad(now.getSeconds()),
    CURRENT_TIMEZONE_OFFSET: `${off >= 0 ? '+' : '-'}${pad(Math.floor(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`,
  };
}

/** The local date as YYYY-MM-DD. */
export function localDay(now: Date): string {
  const v = snippetVariables(now);
  return `${v.CURRENT_YEAR}-${v.CURRENT_MONTH}-${v.CURRENT_DATE}`;
}

/** Words a shortened slug does not end on ("…-after-an" reads as cut off). */
const DANGLING = new Set(['a', 'an', 'the', 'and', 'or', 'but', 'of', 'for', 'to', 'in', 'on', 'at', 'by', 'with', 'from', 'after', 'before', 'during', 'into', 'over', 'under', 'via', 'per', 'as', 'than', 'while', 'when', 'because', 'due', 'not', 'no', 'is', 'was', 'were']);

/**
 * A file-name slug: lower case ASCII words joined by dashes, at most 50 characters, cut only between
 * words (a first word longer than that is the one exception) and, when shortened, not ending on a
 * word that needs the next one ("…-minutes-after-an" becomes "…-minutes").
 */
export function slugify(title: string): string {
  const words = title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim().split(' ').filter(Boolean);
  const kept: string[] = [];
  let length = 0;
  for (const w of words) {
    if (kept.length && length + 1 + w.length > 50) break;
    kept.push(kept.length ? w : w.slice(0, 50));
    length += (kept.length > 1 ? 1 : 0) + kept[kept.length - 1].length;
  }
  if (kept.length < words.length) while (kept.length > 1 && DANGLING.has(kept[kept.length - 1])) kept.pop();
  return kept.join('-') || 'review';
}

/** The snippet body (joined) of the whole-review template, from the text of pir.code-snippets. */
export function reviewTemplateBody(snippetsJson: string): string {
  const data = JSON.parse(snippetsJson) as Record<string, { body?: string[] | string; isFileTemplate?: boolean }>;
  const entry = Object.values(data).find(s => s.isFileTemplate) ?? data['Post-incident review'];
  if (!entry?.body) throw new Error('no whole-review template in the snippets');
  return Array.isArray(entry.body) ? entry.body.join('\n') : entry.body;
}

export interface NewReviewInput {
  title: string;
  severity?: string;
  id: string;
  now: Date;
}

/**
 * The text of a new review: the template with id, title, severity and today's date filled in
 * (status draft, as in the template), and the placeholder to put the cursor on first.
 */
export function newReviewText(templateBody: string, input: NewReviewInput): { text: string; cursor?: TemplatePlaceholder } {
  const values: Record<number, string> = { 1: input.id, 2: input.title.replace(/\s+/g, ' ').trim() };
  if (input.severity) values[3] = input.severity;
  const r = renderTemplate(templateBody, { values, variables: snippetVariables(input.now), yamlValues: true });
  const text = r.text.endsWith('\n') ? r.text : r.text + '\n';
  const cursor = r.placeholders.filter(p => values[p.index] === undefined && p.index > 0).sort((a, b) => a.index - b.index)[0];
  return { text, cursor };
}

/** The next free `INC-<year>-<n>` given the texts of the existing reviews. */
export function nextReviewId(existing: string[], year: number): string {
  let max = 0;
  const re = new RegExp(String.raw`^id:\s*["']?INC-${year}-(\d+)`, 'm');
  for (const t of existing) {
    const m = re.exec(t);
    if (m) max = Math.max(max, +m[1]);
  }
  return `INC-${year}-${String(max + 1).padStart(3, '0')}`;
}
