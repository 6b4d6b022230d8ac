import type { List, ListItem, Table, TableRow, RootContent } from 'mdast';
import type { ActionField, ActionItem, ActionStatus, Review, Section } from '../model';
import type { Range } from '../types';

const ITEM_LINE = /^(\s*(?:[-*+]|\d+[.)])\s+)(\[([ xX])\]\s+)?/;
const ID_RE = /^(\*\*|`)?([A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*-\d+[A-Za-z]?)(\*\*|`)?\s*(?:[:.—–]|\s-)\s*/;
const FIELD_LINE = /^(\s*(?:[-*+]|\d+[.)])\s+)(?:\*\*|_)?([A-Za-z][A-Za-z _'-]{0,30}?)(?:\*\*|_)?\s*:(?:\*\*|_)?\s*/;

const FIELD_ALIASES: Record<string, string> = {
  owner: 'owner', owners: 'owner', assignee: 'owner', assigned: 'owner', 'assigned to': 'owner', who: 'owner', responsible: 'owner',
  due: 'due', 'due date': 'due', deadline: 'due', 'target date': 'due', by: 'due',
  type: 'type', kind: 'type', category: 'type',
  domain: 'domain', area: 'domain', theme: 'domain',
  validation: 'validation', 'validation method': 'validation', verification: 'validation', 'verified by': 'validation', 'how verified': 'validation',
  tracking: 'tracking', ticket: 'tracking', issue: 'tracking', bug: 'tracking', link: 'tracking', jira: 'tracking', tracker: 'tracking',
  depends: 'depends', 'depends on': 'depends', dependency: 'depends', dependencies: 'depends', 'blocked by': 'depends',
  evidence: 'evidence', proof: 'evidence', done: 'evidence', verified: 'evidence',
  status: 'status', state: 'status',
  id: 'id', action: 'title', item: 'title', title: 'title', description: 'title', task: 'title', 'action item': 'title',
  'corrective action': 'title',
};

export function canonicalField(key: string): string | undefined {
  return FIELD_ALIASES[key.trim().toLowerCase().replace(/[_-]+/g, ' ').replace(/\s+/g, ' ')] ??
    FIELD_ALIASES[key.trim().toLowerCase()];
}

export function statusOf(checked: boolean | undefined, statusValue: string | undefined): ActionStatus {
  const s = (statusValue ?? '').toLowerCase().replace(/[’']/g, '').replace(/[\s_]+/g, '-');
  if (/^(wont-do|wontdo|wont-fix|wontfix|will-not-do|rejected|cancelled|canceled)$/.test(s)) return 'wont-do';
  if (/^(blocked|on-hold)$/.test(s)) return 'blocked';
  if (/^(done|closed|complete|completed|fixed|resolved|implemented|verified|✅|✔️?)$/.test(s)) return 'done';
  if (/^(in-progress|inprogress|started|doing|wip|ongoing)$/.test(s)) return 'in-progress';
  if (checked) return 'done';
  return 'open';
}

export function extractActions(review: Review, sections: Section[]): ActionItem[] {
  const out: ActionItem[] = [];
  const { lines, text } = review;
  const range = (a: number, b: number): Range => lines.range(a, b);

  const fromListItem = (item: ListItem, base: number) => {
    if (!item.position) return;
    const itemStart = base + item.position.start.offset!;
    const line = lines.positionAt(itemStart).line;
    const lineStart = lines.starts[line];
    const lineText = lines.lineText(line);
    const m = ITEM_LINE.exec(lineText);
    if (!m) return;
    let col = m[0].length;
    let checkboxRange: Range | undefined;
    if (m[2]) {
      const cb = lineText.indexOf('[', m[1].length);
      checkboxRange = { start: { line, character: cb }, end: { line, character: cb + 3 } };
    }
    const checked = m[2] ? m[3] !== ' ' : undefined;
    const rest = lineText.slice(col);
    const idm = ID_RE.exec(rest);
    let id: string | undefined; let idRange: Range | undefined;
    if (idm) {
      id = idm[2];
      const idCol = col + (idm[1]?.length ?? 0);
      idRange = { start: { line, character: idCol }, end: { line, character: idCol + id.length } };
      col += idm[0].length;
    }
    const title = lineText.slice(col).trim();
    const fields = new Map<string, ActionField>();
    let fieldIndent = ' '.repeat(m[1].length);
    for (const child of item.children) {
      if (child.type !== 'list') continue;
      for (const sub of child.children) {
        if (!sub.position) continue;
        const fl = lines.positionAt(base + sub.position.start.offset!).line;
        const ft = lines.lineText(fl);
        const fm = FIELD_LINE.exec(ft);
        fieldIndent = /^\s*/.exec(ft)![0];
        if (!fm) continue;
        const key = canonicalField(fm[2]);
        if (!key || fields.has(key)) continue;
        const valueCol = fm[0].length;
        let value = ft.slice(valueCol).replace(/\s+#\s.*$/, '').replace(/[*_]+$/, '').trim();
        fields.set(key, {
          key, value, line: fl,
          range: { start: { line: fl, character: fm[1].length }, end: { line: fl, character: ft.length } },
          valueRange: { start: { line: fl, character: valueCol }, end: { line: fl, character: valueCol + ft.slice(valueCol).replace(/\s+#\s.*$/, '').trimEnd().length } },
        });
      }
    }
    const end = base + item.position.end.offset!;
    const lastLine = lines.positionAt(end).line;
    out.push({
      form: m[2] ? 'task' : 'list', id, idRange, title,
      titleRange: { start: { line, character: col }, end: { line, character: lineText.length } },
      line, range: range(lineStart, end), checked, checkboxRange,
      status: statusOf(checked, fields.get('status')?.value), fields, fieldIndent, lastLine,
    });
  };

  const fromTable = (table: Table, base: number) => {
    const [header, ...rows] = table.children as TableRow[];
    if (!header) return;
    const cellText = (c: TableRow['children'][number]) => {
      let a = base + c.position!.start.offset!, b = base + c.position!.end.offset!;
      while (a < b && /[|\s]/.test(text[a])) a++;
      while (b > a && /[|\s]/.test(text[b - 1])) b--;
      return { a, b, value: text.slice(a, b) };
    };
    const columns = header.children.map(c => (c.position ? canonicalField(cellText(c).value.replace(/[*_`]/g, '')) : undefined));
    if (!columns.includes('title')) return;
    for (const row of rows) {
      if (!row.position) continue;
      const fields = new Map<string, ActionField>();
      let id: string | undefined; let idRange: Range | undefined;
      let title = ''; let titleRange: Range | undefined;
      row.children.forEach((c, i) => {
        const key = columns[i];
        if (!key || !c.position) return;
        const { a, b, value } = cellText(c);
        const r = range(a, b);
        if (key === 'title') {
          const idm = ID_RE.exec(value);
          if (idm && !id) { id = idm[2]; const s = a + (idm[1]?.length ?? 0); idRange = range(s, s + id.length); title = value.slice(idm[0].length); titleRange = range(a + idm[0].length, b); }
          else { title = value; titleRange = r; }
        } else if (key === 'id') {
          if (value) { id = value.replace(/[*`]/g, ''); idRange = r; }
        } else if (!fields.has(key)) {
          fields.set(key, { key, value: value.trim(), line: r.start.line, range: r, valueRange: r });
        }
      });
      const line = lines.positionAt(base + row.position.start.offset!).line;
      out.push({
        form: 'table', id, idRange, title: title.trim(), titleRange: titleRange ?? lines.lineRange(line), line,
        range: lines.lineRange(line), status: statusOf(undefined, fields.get('status')?.value), fields,
        fieldIndent: '', lastLine: line,
      });
    }
  };

  for (const s of sections) {
    const base = lines.starts[s.bodyStartLine] ?? text.length;
    for (const node of s.blocks().children as RootContent[]) {
      if (node.type === 'list') for (const item of (node as List).children) fromListItem(item, base);
      else if (node.type === 'table') fromTable(node as Table, base);
    }
  }
  return out;
}
