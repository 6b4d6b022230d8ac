// Reviews written from the widely used public postmortem templates, as teams fill them in (one
// made-up incident per template, written for this project: test/unit/fixtures/templates/). Each is
// linted through the core's public API, as a team adopting the linter would run it on its reviews:
// every section the template has is read with its purpose, every timeline entry with its UTC
// instant, every action item with its owner, due date and state where written, and the findings
// are exactly those the text deserves (each listed below with the reason).
import assert from 'node:assert/strict';
import { parseReview } from '../../../src/core';
import { lint } from '../rules/_support';
import { readFixture } from '../helpers/fixtures';

interface TemplateCase {
  file: string;
  /** every heading or label below the title, with the purposes read from it ('' for none) */
  sections: [string, string][];
  /** every timeline entry: its 1-based line and its instant in UTC (minutes), or the day of a date-only line */
  timeline: [number, string][];
  /** every action item: the start of its title, its state, owner, due date and tracking link (null when not written) */
  actions: [string, string, string | null, string | null, string | null][];
  /** every finding as "line rule" (1-based), and why the text deserves it */
  findings: [string, string][];
}

// deserved by every template: none of them starts with the front matter the format keeps its facts in
const NO_FRONT_MATTER: [string, string] = ['1 front-matter-schema', 'no front matter (id, title, major)'];

const CASES: Record<string, TemplateCase> = {
  'Google SRE book example postmortem': {
    file: 'google-sre.pir.md',
    sections: [
      // bold labels opening a paragraph; "Trigger" names no purpose of its own: the SRE book keeps the
      // trigger apart from the root causes, so it must not count as one (it stays text of "Root Causes")
      ['Summary', 'summary'], ['Impact', 'impact'], ['Root Causes', 'root-cause'], ['Resolution', 'response'], ['Detection', 'response'],
      ['Action Items', 'actions'], ['Lessons Learned', 'lessons'], ['What went well', 'went-well'], ['What went wrong', 'went-poorly'],
      ['Where we got lucky', 'lucky'], ['Timeline', 'timeline'], ['Supporting information', ''],
    ],
    timeline: [
      // "2026-04-14 (all times UTC)" declares the zone and the day, and is no entry
      [54, '2026-04-14T14:50'], [56, '2026-04-14T14:51'], [58, '2026-04-14T14:56'], [60, '2026-04-14T15:02'], [62, '2026-04-14T15:17'],
      [64, '2026-04-14T15:24'], [66, '2026-04-14T15:31'], [68, '2026-04-14T15:38'], [70, '2026-04-14T16:05'],
      // the next day's line gives its date to the times below it
      [72, 'day 2026-04-15'], [74, '2026-04-15T10:12'], [76, '2026-04-15T13:40'],
    ],
    actions: [
      // the state written after the bug, as the template does ("BUG-4410 **DONE**")
      ['Load the worker trust', 'done', 'tkaur', null, 'BUG-4410'],
      ['Add a pre-rotation check', 'open', 'mlopez', null, 'BUG-4411'],
      ['Alert when handshake failures', 'open', 'dwright', null, 'BUG-4412'],
      ['Document the certificate rollback', 'done', 'mlopez', null, 'BUG-4413'],
      ['Schedule rotations on weekday', 'open', 'jchen', null, 'n/a'],
    ],
    findings: [
      NO_FRONT_MATTER,
      ['1 missing-section Contributing factors', 'the template has no contributing factors'],
      ['25 action-done-unverified', 'done without evidence (a bug number is where the work is tracked, not proof it works)'],
      ['26 action-fields', 'no due date or validation: the template has no column for them'],
      ['27 action-fields', 'the same'],
      ['28 action-done-unverified', 'done without evidence'],
      ['29 action-fields', 'no due date, validation, and "n/a" for the bug'],
    ],
  },

  'PagerDuty postmortem template': {
    file: 'pagerduty.pir.md',
    sections: [
      ['Overview', 'summary'], ['What Happened', 'summary+root-cause'], ['Impact', 'impact'], ['Responders', ''], ['Timeline', 'timeline'],
      ['Root Cause(s)', 'root-cause'], ['Resolution', 'response'], ['What Went Well?', 'went-well'], ["What Didn't Go So Well?", 'went-poorly'],
      ['Action Items', 'actions'], ['Messaging', ''], ['Internal', ''], ['External', ''],
    ],
    // "All times in Pacific Time (PDT)." and the header's "Date | March 10, 2026": PDT is UTC-7 that day
    timeline: [
      [37, '2026-03-10T16:40'], [38, '2026-03-10T16:42'], [39, '2026-03-10T16:51'], [40, '2026-03-10T16:58'], [41, '2026-03-10T17:07'],
      [42, '2026-03-10T17:12'], [43, '2026-03-10T17:20'], [44, '2026-03-10T17:45'], [45, '2026-03-10T18:30'],
    ],
    // the fields written after the title: "— owner: @wen.li, due: 2026-12-15, ticket: PAY-1204"
    actions: [
      ['Report processor connection failures', 'open', '@wen.li', '2026-12-15', 'PAY-1204'],
      ['Add a reachability check', 'done', '@sam.okafor', '2026-03-31', 'CFG-877'],
      ['Lower the decline-rate alert', 'open', '@wen.li', '2026-12-01', 'PAY-1205'],
      ['Route processor notices to', 'open', '@priya.raman', '2027-01-15', 'OPS-331'],
      ['Give support a macro', 'open', '@hannah.berg', '2026-12-20', 'SUP-92'],
    ],
    findings: [
      NO_FRONT_MATTER,
      ['1 missing-section Contributing factors', 'no contributing factors in the template'],
      ['1 missing-section Where we got lucky', 'none in the template'],
      ['1 missing-section Lessons learned', 'none in the template'],
      ['23 blameful-language', '"wrongly told by an agent": the harm is put on a support agent\'s words, not on the missing guidance'],
      ...[37, 38, 39, 40, 41, 42, 43, 44, 45].map(l => [`${l} non-utc-timestamp`, 'times in Pacific Time, not UTC (converted correctly above)'] as [string, string]),
      ['69 action-fields', 'no validation: the template asks for none'],
      ['70 action-done-unverified', 'done without evidence'],
      ['71 action-fields', 'no validation'], ['72 action-fields', 'no validation'], ['73 action-fields', 'no validation'],
    ],
  },

  'Atlassian incident postmortem template': {
    file: 'atlassian.pir.md',
    sections: [
      // "Leadup" holds the earlier changes and conditions that made the incident possible; "Fault" says
      // how the system failed, "Five whys" is the root cause analysis
      ['Incident summary', 'summary'], ['Leadup', 'contributing-factors'], ['Fault', ''], ['Impact', 'impact'], ['Detection', 'response'],
      ['Response', 'response'], ['Recovery', 'response'], ['Timeline', 'timeline'], ['Five whys', 'root-cause'],
      ['Blameless root cause', 'root-cause'], ['Related records', ''], ['Lessons learned', 'lessons'], ['Corrective actions', 'actions'],
    ],
    // table "Time (UTC) | Event"
    timeline: [
      [39, '2026-02-09T07:15'], [40, '2026-02-09T07:20'], [41, '2026-02-09T10:02'], [42, '2026-02-09T10:09'],
      [43, '2026-02-09T10:20'], [44, '2026-02-09T10:41'], [45, '2026-02-09T11:05'],
    ],
    // table "Action | Owner | Due"
    actions: [
      ['Make the decoder reject', 'open', 'Grace Ndiaye', '2026-12-18', null],
      ['Alert when the newest', 'open', 'Ravi Shah', '2026-12-04', null],
      ['Deploy consumers before producers', 'open', 'Lukas Meyer', '2027-01-29', null],
      ['Add a schema-compatibility test', 'open', 'Grace Ndiaye', '2027-01-15', null],
    ],
    findings: [
      NO_FRONT_MATTER,
      ['1 missing-section What went well', 'none in the template'],
      ['1 missing-section What went poorly', 'none in the template'],
      ['1 missing-section Where we got lucky', 'none in the template'],
      // "Alert when the newest indexed document is older than 15 minutes" names its signal: not vague
      ...[74, 75, 76, 77].map(l => [`${l} action-fields`, 'no validation or tracking link: the template has no column for them'] as [string, string]),
    ],
  },

  'GitLab incident review': {
    file: 'gitlab.pir.md',
    sections: [
      ['Summary', 'summary'], ['Timeline', 'timeline'], ['Impact & Metrics', 'impact'], ['Detection & Response', 'response'],
      ['Root Cause Analysis', 'root-cause'], ['What went well', 'went-well'], ['What can be improved', 'went-poorly'], ['Corrective actions', 'actions'],
    ],
    // "All times UTC." then "`2026-01-12`" (a date-only line: an entry giving the day) and "- `08:02` - …"
    timeline: [
      [16, 'day 2026-01-12'], [18, '2026-01-12T08:02'], [19, '2026-01-12T08:05'], [20, '2026-01-12T08:16'], [21, '2026-01-12T08:24'],
      [22, '2026-01-12T08:39'], [23, '2026-01-12T08:51'], [24, '2026-01-12T08:57'], [25, '2026-01-12T09:31'],
    ],
    // "… - https://gitlab.com/…/issues/24101 - Owner: @akim - Due: 2026-12-11": the issue link is the tracking link
    actions: [
      ['Add a config pipeline', 'open', '@akim', '2026-12-11', 'https://gitlab.com/gitlab-com/gl-infra/reliability/-/issues/24101'],
      ['Alert when runner managers', 'open', '@jfernandes', '2026-12-04', 'https://gitlab.com/gitlab-com/gl-infra/reliability/-/issues/24102'],
      ['Log autoscaler quota errors', 'done', '@akim', null, 'https://gitlab.com/gitlab-org/gitlab-runner/-/issues/37710'],
      ['Split the autoscaler config', 'open', '@mpatel', '2027-02-26', 'https://gitlab.com/gitlab-com/gl-infra/reliability/-/issues/24103'],
    ],
    findings: [
      NO_FRONT_MATTER,
      ['1 missing-section Contributing factors', 'none in the template'],
      ['1 missing-section Where we got lucky', 'none in the template'],
      ['1 missing-section Lessons learned', 'none in the template ("What went well" and "What can be improved" are read as such)'],
      ['73 action-fields', 'no validation'], ['74 action-fields', 'no validation'],
      ['75 action-done-unverified', 'done without evidence'],
      ['76 action-fields', 'no validation'],
    ],
  },

  'NIST SP 800-61 style after-action report': {
    file: 'nist-aar.pir.md',
    sections: [
      ['1. Executive Summary', 'summary'], ['2. Incident Description', 'summary'], ['3. Timeline of Events', 'timeline'], ['4. Analysis', ''],
      ['4.1 Root Cause', 'root-cause'], ['4.2 Contributing Factors', 'contributing-factors'], ['5. Lessons Learned', 'lessons'],
      ['6. Corrective Action Plan', 'actions'], ['7. Approval', ''],
    ],
    // table "Date | Time (UTC) | Event | Source": the date from its own column
    timeline: [
      [28, '2026-02-02T11:48'], [29, '2026-02-02T13:05'], [30, '2026-02-03T09:30'], [31, '2026-02-03T10:15'],
      [32, '2026-02-03T11:20'], [33, '2026-02-03T12:40'], [34, '2026-02-04T16:00'], [35, '2026-02-20T14:00'],
    ],
    // table "# | Action | Owner | Due date | Dependency | Validation method | Status"
    actions: [
      ['Replace the static password', 'in-progress', 'Platform Engineering (R. Alvarez)', '2026-12-31', null],
      ['Restrict database logins for', 'done', 'Network Operations (J. Boateng)', '2026-03-15', null],
      ['Require pre-commit secret scanning', 'open', 'CISO office (M. Chen)', '2027-01-31', null],
      ['Lower the SIEM anomaly', 'open', 'SOC (T. Nguyen)', '2026-12-15', null],
      ['Limit `svc-portal-read` to the', 'done', 'Database Administration (K. Osei)', '2026-04-30', null],
      ['Update the privacy office', 'open', 'Privacy Office (L. Fischer)', '2026-12-01', null],
    ],
    findings: [
      NO_FRONT_MATTER,
      // the impact is stated in the description's "Functional impact" / "Information impact" fields, and
      // how it was detected in its "Detection source" field: neither Impact nor Response is missing
      ['1 missing-section What went well', 'none in the report'],
      ['1 missing-section What went poorly', 'none in the report'],
      ['1 missing-section Where we got lucky', 'none in the report'],
      ...[59, 61, 62, 64].map(l => [`${l} action-fields`, 'no tracking link: the plan has no ticket column'] as [string, string]),
      ['60 action-done-unverified', '"Complete" with a validation method but no evidence that it was run'],
      ['63 action-done-unverified', 'the same'],
    ],
  },
};

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 16);

describe('reviews written from the public postmortem templates', () => {
  for (const [template, c] of Object.entries(CASES)) {
    describe(template, () => {
      const text = readFixture(`templates/${c.file}`);
      const review = parseReview(text);

      it('every section of the template is read with its purpose, and none present is reported missing', () => {
        assert.deepEqual(review.sections.slice(1).map(s => [s.heading, s.kinds.join('+')]), c.sections);
        const missing = lint(text).filter(f => f.rule === 'missing-section' || f.rule === 'missing-root-cause').map(f => f.message);
        const present = new Set(c.sections.flatMap(([, k]) => k.split('+')).filter(Boolean));
        const titles: Record<string, RegExp> = {
          summary: /"Summary"/, impact: /"Impact"/, timeline: /"Timeline"/, response: /"Response"/, 'root-cause': /root cause/i,
          'contributing-factors': /"Contributing factors"/, 'went-well': /"What went well"/, 'went-poorly': /"What went poorly"/,
          lucky: /"Where we got lucky"/, lessons: /"Lessons learned"/, actions: /"Action items"/,
        };
        for (const kind of present) for (const m of missing) assert.doesNotMatch(m, titles[kind], `${kind} is present, yet: ${m}`);
      });

      it('every timeline entry with its UTC instant', () => {
        assert.deepEqual(review.timeline.map(e => [e.line + 1, e.utc !== undefined ? iso(e.utc)
          : e.date && !e.stamp.time ? `day ${e.date.year}-${String(e.date.month).padStart(2, '0')}-${String(e.date.day).padStart(2, '0')}` : 'none']), c.timeline);
      });

      it('every action item with its owner, due date, tracking link and state where written', () => {
        assert.deepEqual(review.actions.map(a => {
          const field = (k: string) => a.fields.get(k)?.value ?? null;
          const words = c.actions.find(x => a.title.startsWith(x[0]))?.[0] ?? a.title;
          return [words, a.status, field('owner'), field('due'), field('tracking')];
        }), c.actions);
      });

      it('no finding but those the text deserves', () => {
        const found = lint(text).map(f => `${f.range.start.line + 1} ${f.rule}${f.rule === 'missing-section' ? ` ${/"([^"]+)"/.exec(f.message)?.[1]}` : ''}`).sort();
        assert.deepEqual(found, c.findings.map(f => f[0]).sort(), lint(text).map(f => `${f.range.start.line + 1} ${f.rule}: ${f.message}`).join('\n'));
      });
    });
  }
});
