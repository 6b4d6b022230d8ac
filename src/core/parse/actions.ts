import type { List, ListItem, Table, TableRow, RootContent } from 'mdast';
import type { ActionField, ActionItem, ActionStatus, Review, Section } from '../model';
import type { Range } from '../types';
import { canonicalField, readFieldLine, readLeadingId, statusOf } from '../format/actionItem';
import { readListItem } from '../format/listItem';
import { cellValue, splitTableRow } from '../format/table';

export { canonicalField, statusOf } from '../format/actionItem';

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
    const li = readListItem(lineText);
    if (!li) return;
    let col = li.contentCol;
    const checkboxRange: Range | undefined = li.checkbox && { start: { line, character: li.checkbox.col }, end: { line, character: li.checkbox.col + 3 } };
    const checked = li.checkbox?.checked;
    const lead = readLeadingId(li.content);
    let id: string | undefined; let idRange: Range | undefined;
    if (lead) {
      id = lead.id;
      const idCol = col + lead.idStart;
      idRange = { start: { line, character: idCol }, end: { line, character: idCol + id.length } };
      col += lead.end;
    }
    const title = lineText.slice(col).trim();
    const fields = new Map<string, ActionField>();
    let fieldIndent = ' '.repeat(li.markerEnd);
    for (const child of item.children) {
      if (child.type !== 'list') continue;
      for (const sub of child.children) {
        if (!sub.position) continue;
        const fl = lines.positionAt(base + sub.position.start.offset!).line;
        const ft = lines.lineText(fl);
        const sli = readListItem(ft, true);
        fieldIndent = /^\s*/.exec(ft)![0];
        const f = sli && !sli.checkbox ? readFieldLine(ft.slice(sli.markerEnd)) : undefined;
        if (!f || !f.key || fields.has(f.key)) continue;
        const valueCol = sli!.markerEnd + f.valueStart;
        fields.set(f.key, {
          key: f.key, value: f.value, line: fl,
          range: { start: { line: fl, character: sli!.markerEnd }, end: { line: fl, character: ft.length } },
          valueRange: { start: { line: fl, character: valueCol }, end: { line: fl, character: valueCol + f.rawValue.length } },
        });
      }
    }
    const end = base + item.position.end.offset!;
    const lastLine = lines.positionAt(end).line;
    out.push({
      form: li.checkbox ? 'task' : 'list', id, idRange, title,
      titleRange: { start: { line, character: col }, end: { line, character: lineText.length } },
      line, range: range(lineStart, end), checked, checkboxRange,
      status: statusOf(checked, fields.get('status')?.value), fields, fieldIndent, lastLine,
    });
  };

  const fromTable = (table: Table, base: number) => {
    const [header, ...rows] = table.children as TableRow[];
    if (!header?.position) return;
    // cells are split by the format's GFM split, as the workspace index splits them
    const rowCells = (row: TableRow) => {
      const line = lines.positionAt(base + row.position!.start.offset!).line;
      return { line, start: lines.starts[line], cells: splitTableRow(lines.lineText(line)).cells };
    };
    const columns = rowCells(header).cells.map(c => canonicalField(c.raw.replace(/[*_`]/g, '')));
    if (!columns.includes('title')) return;
    for (const row of rows) {
      if (!row.position) continue;
      const { line, start, cells } = rowCells(row);
      const fields = new Map<string, ActionField>();
      let id: string | undefined; let idRange: Range | undefined;
      let title = ''; let titleRange: Range | undefined;
      cells.forEach((c, i) => {
        const key = columns[i];
        if (!key) return;
        const a = start + c.contentStart, b = start + c.contentEnd;
        const r = range(a, b);
        if (key === 'title') {
          const lead = readLeadingId(c.raw);
          if (lead && !id) { id = lead.id; const s = a + lead.idStart; idRange = range(s, s + id.length); title = cellValue(c.raw.slice(lead.end)); titleRange = range(a + lead.end, b); }
          else { title = cellValue(c.raw); titleRange = r; }
        } else if (key === 'id') {
          if (c.raw) { id = cellValue(c.raw).replace(/[*`]/g, ''); idRange = r; }
        } else if (!fields.has(key)) {
          fields.set(key, { key, value: cellValue(c.raw), line, range: r, valueRange: r });
        }
      });
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
