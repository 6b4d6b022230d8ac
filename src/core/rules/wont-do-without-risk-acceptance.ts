import { readFieldLine } from '../format/actionItem';
import { readListItem } from '../format/listItem';
import type { Rule, RuleFinding } from './rule';
import type { Fix } from '../types';
import { formatDay } from '../time/calendar';
import { fieldLine, itemName, itemRange } from './support/actionItems';
import { endOfLine, snippetEscape } from './support/edits';
import { fmListAppendEdit, yamlInline } from './support/frontMatter';
import { quote } from './support/text';

/** A `risk-accepted-by: …` (or `risk acceptance: …`) field line with a value. */
function isRiskField(line: string): boolean {
  const li = readListItem(line);
  const f = li && !li.checkbox ? readFieldLine(li.content) : undefined;
  return !!f && !!f.value && /^risk[\s_-]*accept(?:ed|ance)(?:[\s_-]*by)?$/i.test(f.name.trim());
}

export const wontDoWithoutRiskAcceptance: Rule = {
  id: 'wont-do-without-risk-acceptance',
  description: 'An action item set to `wont-do` has a matching risk acceptance: an entry in `residual_risks` naming the action, or a `risk-accepted-by` field.',
  defaultSeverity: 'warning',
  completeness: true,
  check({ review, now }) {
    const out: RuleFinding[] = [];
    const risks = Array.isArray(review.frontMatter?.data.residual_risks) ? review.frontMatter!.data.residual_risks as unknown[] : [];
    const riskTexts = risks.map(r => (r && typeof r === 'object' ? String((r as { risk?: unknown }).risk ?? '') : typeof r === 'string' ? r : ''));
    for (const item of review.actions) {
      if (item.status !== 'wont-do') continue;
      if (item.id) {
        const re = new RegExp(`(^|[^\\w-])${item.id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`, 'i');
        if (riskTexts.some(t => re.test(t))) continue;
      }
      let accepted = false;
      for (let l = item.line + 1; l <= item.lastLine && item.form !== 'table'; l++) if (isRiskField(review.lines.lineText(l))) accepted = true;
      if (accepted) continue;
      const fixes: Fix[] = [];
      if (item.id) {
        const edit = fmListAppendEdit(review, 'residual_risks', [
          `risk: Not doing ${snippetEscape(item.id)} (${snippetEscape(yamlInline(quote(item.title, 50)))}) leaves \${1:what can still happen}`,
          'accepted_by: ${2:who accepts the risk}',
          `date: \${3:${formatDay(now.getTime())}}`,
        ]);
        if (edit) fixes.push({ title: `Record the accepted risk of not doing ${item.id} in residual_risks`, edits: [edit], isPreferred: true, snippet: true });
      }
      if (item.form !== 'table') {
        fixes.push({ title: 'Add "risk-accepted-by:" to the item', edits: [{ range: endOfLine(review, item.lastLine), newText: fieldLine(item, 'risk-accepted-by', 'name, date', 1, review.eol) }], snippet: true });
      }
      out.push({
        message: `${itemName(item)} will not be done, but nobody is recorded as accepting the risk that remains: add a \`residual_risks\` entry that names ${item.id ?? 'the action'} (with accepted_by and date), or a \`risk-accepted-by:\` field.`,
        range: item.fields.get('status')?.valueRange ?? itemRange(item),
        fixes,
      });
    }
    return out;
  },
};
