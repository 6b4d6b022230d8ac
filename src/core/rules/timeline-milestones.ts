import type { Rule, RuleFinding } from './rule';
import type { Milestone, TimelineEntry } from '../model';
import type { TextEdit } from '../types';
import { formatInstant, humanInstant, parseInstant } from '../time/calendar';
import { completenessSeverity } from './rule';
import { FRONT_MATTER_KEYS, fmInsertEdit, hasKeyOrTypo } from './support/frontMatter';

/** Words that mark an untagged entry as the detection or the mitigation. */
const WORDS: Partial<Record<Milestone, RegExp>> = {
  detected: /\b(?:alert\w*|pag(?:ed|es|ing)|pagerduty|opsgenie|pingdom|trigger(?:ed|s)|detect(?:ed|s|ion)|notic(?:e|ed|es|ing)|report(?:ed|s|ing)?|escalat\w*|discover(?:ed|s)|confirm(?:ed|s)|observ(?:ed|es)|flagged|acknowledg\w*|aware|tweet(?:s|ed)?|halt(?:s|ed)?|stall(?:s|ed)|first (?:customer )?(?:report|ticket|complaint|signs?)|incident declared|declared (?:an? |the )?(?:incident|sev)|spotted|investigat\w*|triage\w*|war[- ]?room)\b/i,
  mitigated: /\b(?:mitigat\w*|roll(?:ed|s|ing)? ?back|rollback|revert(?:ed|s|ing)?|restor(?:ed|es|ing)|recover(?:ed|s|y)|fail(?:ed)? ?over|back (?:to|at|under|up|online) ?(?:normal|baseline)?|returned to (?:normal|baseline)|(?:fix|patch|hotfix)(?:es)? (?:is |was |were )?(?:deployed|rolled out|shipped|applied|published|released|merged|lands|landed)|(?:published|released|deployed|shipped) (?:a |the )?(?:fix|patch)|fix(?:ed)?\b|hotfix|patched|workaround|drained|disabled|scaled (?:up|out)|restart(?:ed)?|resum(?:e|es|ed|ing)|up and running|operational|no longer (?:down|failing|broken|affected)|stabili[sz]ed|unpublish\w*|destroy\w*|revok\w*|rotat(?:ed|ing)|impact (?:ended|stopped)|resolved|end of outage)\b/i,
};
const WHAT: Record<Milestone, string> = { started: 'impact began', detected: 'the incident was detected (the alert, page or report)', mitigated: 'the impact was mitigated', resolved: 'the incident was resolved' };

export const timelineMilestones: Rule = {
  id: 'timeline-milestones',
  description: 'The timeline shows when the incident was detected and mitigated, and milestone tags ([detected], [mitigated], [resolved]) agree with the front matter to the minute.',
  defaultSeverity: 'warning',
  check(ctx) {
    const { review } = ctx;
    const tl = review.timeline;
    if (!tl.length) return [];
    const fm = review.frontMatter;
    const d = fm?.data ?? {};
    const out: RuleFinding[] = [];
    const tagged = new Map<Milestone, TimelineEntry>();
    for (const e of tl) {
      for (const tag of e.tags) {
        const m = tag.milestone;
        const other = tagged.get(m);
        if (other) {
          out.push({ message: `A second [${m}] tag: the one on line ${other.line + 1} already marks when ${WHAT[m]}. Keep one.`, range: tag.range });
          continue;
        }
        tagged.set(m, e);
        if (e.utc === undefined) continue;
        const t = parseInstant(d[m]);
        if (t === undefined) {
          if (fm && !hasKeyOrTypo(d, m, FRONT_MATTER_KEYS)) { // a misspelt key is front-matter-schema's
            const edit = fmInsertEdit(review, [`${m}: ${formatInstant(e.utc)}`]);
            out.push({
              severity: 'info',
              message: `The timeline tags ${humanInstant(e.utc)} as [${m}], but the front matter has no \`${m}\`: add it, so that reports and the deadline checks see it.`,
              range: tag.range,
              fixes: edit ? [{ title: `Add "${m}: ${formatInstant(e.utc)}" to the front matter`, edits: [edit], isPreferred: true }] : [],
            });
          }
          continue;
        }
        if (Math.abs(e.utc - t) > 60_000) {
          out.push({
            message: `The [${m}] entry is at ${humanInstant(e.utc)}, but the front matter says \`${m}: ${formatInstant(t)}\`: one of them is wrong. Make them agree to the minute.`,
            range: tag.range,
          });
        }
      }
    }
    for (const m of ['detected', 'mitigated', 'resolved'] as Milestone[]) {
      if (tagged.has(m)) continue;
      const t = parseInstant(d[m]);
      const match = t === undefined ? undefined : tl.find(e => e.utc !== undefined && Math.abs(e.utc - t) <= 60_000 && !e.tags.length);
      if (match) {
        const edit = tagEdit(review, match, m);
        out.push({
          severity: 'info',
          message: `This entry is at the time the front matter gives for \`${m}\` (${humanInstant(t!)}): tag it [${m}], so that the timeline and the front matter are checked against each other.`,
          range: match.stampRange,
          fixes: edit ? [{ title: `Tag it [${m}]`, edits: [edit], isPreferred: true }] : [],
        });
        continue;
      }
      const words = WORDS[m];
      if (!words || tl.some(e => words.test(e.description))) continue;
      const section = review.section('timeline');
      if (!section) continue;
      out.push({
        severity: completenessSeverity(ctx),
        message: `The timeline does not show when ${WHAT[m]}: add that entry and tag it [${m}]${t !== undefined ? ` (the front matter says ${humanInstant(t)})` : ''}.`,
        range: section.headingRange,
      });
    }
    return out;
  },
};

/** Appends " [milestone]" to an entry: at the end of a list item's line, or inside a table row's last cell. */
function tagEdit(review: { lines: { lineText(l: number): string } }, e: TimelineEntry, m: Milestone): TextEdit | undefined {
  const text = review.lines.lineText(e.line);
  let col = text.trimEnd().length;
  if (e.form === 'table') {
    const t = text.trimEnd();
    if (!t.endsWith('|')) col = t.length;
    else { col = t.length - 1; while (col > 0 && t[col - 1] === ' ') col--; }
  }
  const at = { line: e.line, character: col };
  return { range: { start: at, end: at }, newText: ` [${m}]` };
}
