import { isMap } from 'yaml';
import type { Rule, RuleFinding } from './rule';
import { formatDay } from '../time/calendar';
import { RISK_KEYS, firstLineOf, fmMapAppendEdit, frontMatterStart, hasKeyOrTypo, isBlank } from './support/frontMatter';

export const residualRiskApprover: Rule = {
  id: 'residual-risk-approver',
  description: 'Each residual risk says who accepted it (`accepted_by`) and when (`date`): a risk left in place is a decision someone accountable made.',
  defaultSeverity: 'warning',
  completeness: true,
  check({ review, now }) {
    const fm = review.frontMatter;
    if (!fm || !fm.closed || fm.doc.errors.length || !isMap(fm.doc.contents)) return [];
    const risks = fm.data.residual_risks;
    if (!Array.isArray(risks)) return [];
    const out: RuleFinding[] = [];
    risks.forEach((r, i) => {
      if (!r || typeof r !== 'object' || Array.isArray(r)) return; // front-matter-schema reports the shape
      const item = r as Record<string, unknown>;
      const missing = ['accepted_by', 'date'].filter(k => (k in item ? isBlank(item[k]) : !hasKeyOrTypo(item, k, RISK_KEYS)));
      if (!missing.length) return;
      const lines = missing.filter(k => !(k in item)).map((k, n) => `${k}: \${${n + 1}:${k === 'date' ? formatDay(now.getTime()) : 'who accepted the risk'}}`);
      const edit = lines.length === missing.length ? fmMapAppendEdit(review, ['residual_risks', i], lines) : undefined;
      const risk = typeof item.risk === 'string' ? `"${item.risk.replace(/\s+/g, ' ').trim().slice(0, 50)}${item.risk.length > 50 ? '…' : ''}"` : `${i + 1}`;
      out.push({
        message: `Residual risk ${risk} has no ${missing.map(k => (k === 'accepted_by' ? 'accepted_by (who accepted it)' : 'date (when)')).join(' and ')}: accepting a risk is a decision, and the review records who made it and when.`,
        range: firstLineOf(review, fm.rangeOf(['residual_risks', i], 'value') ?? frontMatterStart(review)),
        fixes: edit ? [{ title: `Add ${missing.join(' and ')}`, edits: [edit], isPreferred: true, snippet: true }] : [],
      });
    });
    return out;
  },
};
