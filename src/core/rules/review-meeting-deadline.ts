import type { Rule, RuleFinding } from './rule';
import { DAY_MS, dayOf, formatDay, parseDay, parseInstant, utcDay } from '../time/calendar';
import { completenessSeverity } from './rule';
import { fmInsertEdit, fmRange } from './support/frontMatter';

/** Days allowed between `resolved` and the review meeting for a severity. */
export function deadlineDays(map: Record<string, number>, severity: unknown): number {
  if (typeof severity === 'string' && typeof map[severity] === 'number') return map[severity];
  return typeof map.default === 'number' ? map.default : 7;
}

export const reviewMeetingDeadline: Rule = {
  id: 'review-meeting-deadline',
  description: 'The lessons-learned meeting is held within the deadline for the severity (default 7 days after `resolved`), after the incident is resolved, and a final review records when it was held.',
  defaultSeverity: 'warning',
  check(ctx) {
    const { review, config } = ctx;
    const fm = review.frontMatter;
    if (!fm || !fm.closed || fm.doc.errors.length) return [];
    const d = fm.data;
    const days = deadlineDays(config.reviewMeetingDeadlineDays, d.severity);
    const sevText = typeof d.severity === 'string' && typeof config.reviewMeetingDeadlineDays[d.severity] === 'number' ? `for ${d.severity}` : 'by default';
    const resolved = parseInstant(d.resolved);
    const resolvedDay = resolved === undefined ? undefined : utcDay(resolved);
    const out: RuleFinding[] = [];
    const meeting = d.review_meeting;
    if (meeting !== undefined && meeting !== null && meeting !== '') {
      const dateOnly = typeof meeting === 'string' && parseDay(meeting) !== undefined;
      const meetingDay = dayOf(meeting);
      if (meetingDay === undefined || resolved === undefined || resolvedDay === undefined) return out; // front-matter-schema reports a bad date
      const range = fmRange(review, ['review_meeting'], 'value');
      const before = dateOnly ? meetingDay < resolvedDay : parseInstant(meeting)! < resolved;
      if (before) {
        out.push({ message: `The review meeting (${formatDay(meetingDay)}) is before the incident was resolved (${formatDay(resolved)}): check both dates. A lessons-learned meeting looks back on a resolved incident.`, range });
      } else {
        const after = Math.round((meetingDay - resolvedDay) / DAY_MS);
        if (after > days) {
          out.push({ message: `The review meeting was held ${after} days after the incident was resolved; the deadline ${sevText} is ${days} days (${formatDay(resolvedDay + days * DAY_MS)}). Hold it while memories are fresh and the logs still exist, or change \`reviewMeetingDeadlineDays\` in .pir.yaml.`, range });
        }
      }
      return out;
    }
    const placeholder = resolvedDay !== undefined ? formatDay(Math.min(resolvedDay + days * DAY_MS, Math.floor(ctx.now.getTime() / DAY_MS) * DAY_MS)) : 'YYYY-MM-DD';
    const edit = fmInsertEdit(review, [`review_meeting: \${1:${placeholder}}`]);
    const fixes = edit ? [{ title: 'Add "review_meeting:"', edits: [edit], isPreferred: true, snippet: true }] : [];
    if (ctx.lifecycle === 'final') {
      out.push({
        message: 'A final review records when its lessons-learned meeting was held: add `review_meeting` (a date).',
        range: fmRange(review, ['status'], 'value'),
        fixes,
      });
    } else if (resolvedDay !== undefined) {
      const due = resolvedDay + days * DAY_MS;
      const today = Math.floor(ctx.now.getTime() / DAY_MS) * DAY_MS;
      if (today > due) {
        out.push({
          severity: completenessSeverity(ctx),
          message: `No review meeting is recorded, and its deadline (${days} days after resolution ${sevText}: ${formatDay(due)}) has passed. Hold the meeting, then add \`review_meeting\`.`,
          range: fmRange(review, ['resolved'], 'value'),
          fixes,
        });
      }
    }
    return out;
  },
};
