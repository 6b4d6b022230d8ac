import assert from 'node:assert/strict';
import { checkFixture } from '../helpers/fixtures';
import { applyFix, findingAt, findingsOf, lineOf, readFixture } from './_support';

const NAME = 'rules/review-meeting-deadline.pir.md';
const text = () => readFixture(NAME);

describe('review-meeting-deadline', () => {
  it('reports a meeting held more than 7 days after resolution', () => {
    const [f] = checkFixture(NAME);
    assert.match(f.message, /10 days after .* deadline by default is 7 days \(2026-11-17\)/);
  });

  it('takes the deadline for the severity from .pir.yaml', () => {
    assert.deepEqual(findingsOf(text(), 'review-meeting-deadline', { config: 'reviewMeetingDeadlineDays:\n  SEV3: 14\n  default: 7' }), []);
    assert.equal(findingsOf(text(), 'review-meeting-deadline', { config: 'reviewMeetingDeadlineDays: 10' }).length, 0);
    const strict = findingsOf(text().replace('review_meeting: 2026-11-20', 'review_meeting: 2026-11-14'), 'review-meeting-deadline', { config: 'reviewMeetingDeadlineDays:\n  SEV3: 3' });
    assert.match(strict[0].message, /deadline for SEV3 is 3 days/);
  });

  it('reports a meeting before the incident was resolved', () => {
    const t = text().replace('review_meeting: 2026-11-20  # expect: review-meeting-deadline', 'review_meeting: 2026-11-09');
    assert.match(findingAt(t, 'review-meeting-deadline', lineOf(t, 'review_meeting')).message, /before the incident was resolved/);
    assert.deepEqual(findingsOf(t.replace('review_meeting: 2026-11-09', 'review_meeting: 2026-11-10'), 'review-meeting-deadline'), [], 'the same day is fine');
  });

  it('a final review with no meeting date: reported on the status, the fix adds review_meeting', () => {
    const t = text().replace(/review_meeting: .*\n/, '').replace('status: in-review', 'status: final');
    const f = findingAt(t, 'review-meeting-deadline', lineOf(t, 'status: final'));
    const fixed = applyFix(t, f);
    assert.match(fixed, /authors: \[Ana Pereira\]\nreview_meeting: 2026-11-17\n---/);
    assert.deepEqual(findingsOf(fixed, 'review-meeting-deadline'), []);
  });

  it('an unfinished review with no meeting once the deadline has passed: reported on resolved (info in a draft)', () => {
    const t = text().replace(/review_meeting: .*\n/, '');
    const f = findingAt(t, 'review-meeting-deadline', lineOf(t, 'resolved:'));
    assert.equal(f.severity, 'warning');
    assert.match(f.message, /deadline .*2026-11-17\) has passed/);
    assert.equal(findingsOf(t.replace('status: in-review', 'status: draft'), 'review-meeting-deadline')[0].severity, 'info');
    assert.deepEqual(findingsOf(t, 'review-meeting-deadline', { now: new Date('2026-11-15T00:00:00Z') }), [], 'not yet due');
  });
});
