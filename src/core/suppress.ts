/**
 * Inline suppression comments, as markdownlint does it:
 *   <!-- pir-disable-next-line rule-id -->   <!-- pir-disable rule-id --> … <!-- pir-enable rule-id -->
 *   <!-- pir-disable-file rule-id -->        (no rule id: every rule)
 */
import type { Finding } from './types';

const DIRECTIVE = /<!--\s*pir-(disable-next-line|disable-line|disable-file|disable|enable)\b([^>]*?)-->/g;

export function applySuppressions(text: string, findings: Finding[]): Finding[] {
  if (!text.includes('pir-')) return findings;
  const fileOff = new Set<string>();
  const ranges: { rule: string; from: number; to: number }[] = [];
  const open = new Map<string, number>();
  const nextLine: { rule: string; line: number }[] = [];
  const lines = text.split(/\r\n|\n|\r/);
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].includes('pir-')) continue;
    for (const m of lines[i].matchAll(DIRECTIVE)) {
      const rules = m[2].trim().split(/[\s,]+/).filter(Boolean);
      const ids = rules.length ? rules : ['*'];
      for (const id of ids) {
        switch (m[1]) {
          case 'disable-file': fileOff.add(id); break;
          case 'disable-next-line': nextLine.push({ rule: id, line: i + 1 }); break;
          case 'disable-line': nextLine.push({ rule: id, line: i }); break;
          case 'disable': if (!open.has(id)) open.set(id, i); break;
          case 'enable':
            if (id === '*') { for (const [r, from] of open) ranges.push({ rule: r, from, to: i }); open.clear(); }
            else if (open.has(id)) { ranges.push({ rule: id, from: open.get(id)!, to: i }); open.delete(id); }
            break;
        }
      }
    }
  }
  for (const [r, from] of open) ranges.push({ rule: r, from, to: Infinity });
  const matches = (id: string, rule: string) => id === '*' || id === rule;
  return findings.filter(f => {
    const line = f.range.start.line;
    for (const id of fileOff) if (matches(id, f.rule)) return false;
    for (const n of nextLine) if (n.line === line && matches(n.rule, f.rule)) return false;
    for (const r of ranges) if (line >= r.from && line <= r.to && matches(r.rule, f.rule)) return false;
    return true;
  });
}
