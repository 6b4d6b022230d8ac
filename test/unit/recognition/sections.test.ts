import assert from 'node:assert/strict';
import { parseReview } from '../../../src/core';
import { purposesOf } from '../../../src/core/parse/sections';
import { lint } from '../rules/_support';

const kindsOf = (text: string) => parseReview(text).sections.map(s => [s.heading, s.kinds.join('+')]);
const missing = (text: string) => lint(text).filter(f => f.rule === 'missing-section' || (f.rule === 'missing-root-cause' && /^No\b/.test(f.message))).map(f => (/"([^"]+)"/.exec(f.message) ?? [])[1]);

describe('sections by purpose', () => {
  it('reads the purpose from the heading\'s words, whatever they are', () => {
    assert.deepEqual(purposesOf('What didn\'t work'), ['went-poorly']);
    assert.deepEqual(purposesOf('What worked'), ['went-well']);
    assert.deepEqual(purposesOf('What happened?'), ['summary', 'root-cause']); // the narrative where authors explain the cause
    assert.deepEqual(purposesOf('Proximate Cause'), ['root-cause']);
    assert.deepEqual(purposesOf('The Cause'), ['root-cause']);
    assert.deepEqual(purposesOf('Resolution and recovery'), ['response']);
    assert.deepEqual(purposesOf('Mitigation'), ['response']);
    assert.deepEqual(purposesOf('Future mitigations and product improvements'), ['actions']);
    assert.deepEqual(purposesOf('Recommended Improvements'), ['actions']);
    assert.deepEqual(purposesOf('Next steps'), ['actions']);
    assert.deepEqual(purposesOf('Favorable Conditions Encountered'), ['lucky']);
    assert.deepEqual(purposesOf('1. Technical lessons learned'), ['lessons']);
    assert.deepEqual(purposesOf('Incident timeline and response'), ['timeline', 'response']);
    assert.deepEqual(purposesOf('Timeline (all times in PST/PDT)'), ['timeline']);
    assert.deepEqual(purposesOf('What can be improved'), ['went-poorly']); // GitLab
    assert.deepEqual(purposesOf('Five whys'), ['root-cause']); // Atlassian, GitLab
    assert.deepEqual(purposesOf('Leadup'), ['contributing-factors']); // Atlassian: the earlier changes that made it possible
    assert.deepEqual(purposesOf('Trigger'), []);
    // NIST SP 800-61's phases: what was done during the incident, not corrective actions
    assert.deepEqual(purposesOf('Containment, Eradication and Recovery'), ['response']);
    assert.deepEqual(purposesOf('Response Actions'), ['response']);
    assert.deepEqual(purposesOf('Corrective and recovery actions'), ['actions', 'response']);
    assert.deepEqual(purposesOf('POA&M'), ['actions']);
    assert.deepEqual(purposesOf('After-Action Report: Compromised Service Account'), []); // the document's kind, not its actions // the SRE template keeps the trigger apart from the root causes
    assert.deepEqual(purposesOf('Background'), []);
    assert.deepEqual(purposesOf('The ceremony'), []);
  });

  it('finds sections at any level: a level-1 action plan, "What went well" under "Lessons", numbered headings', () => {
    const doc = [
      '# Cache cluster lost its primary', '', 'Intro.', '',
      '### 1. Overview', '', 'The primary cache node rebooted.', '',
      '### 2. Lessons', '', '#### What went well', '', '- The replica took over.', '',
      '#### What didn\'t go so well', '', '- Paging took 20 minutes.', '',
      '# Action items', '', '- Add a reboot alarm on cache-1.', '',
    ].join('\n');
    assert.deepEqual(kindsOf(doc), [
      ['Cache cluster lost its primary', ''], ['1. Overview', 'summary'], ['2. Lessons', 'lessons'],
      ['What went well', 'went-well'], ['What didn\'t go so well', 'went-poorly'], ['Action items', 'actions'],
    ]);
    const m = missing(doc);
    for (const present of ['Summary', 'Lessons learned', 'What went well', 'What went poorly', 'Action items']) assert.ok(!m.includes(present), `${present} reported missing: ${m}`);
    assert.ok(m.includes('Impact') && m.includes('Root cause'));
  });

  it('reads a bold or italic label line opening a paragraph as a section', () => {
    const doc = [
      '# Disk full on the build host', '',
      '**Summary:** the build host ran out of disk.', '',
      '**Root cause**: the artefact cache had no size limit.', '',
      '**Contributing factors:**', '', '- no alert on free space', '',
      '_Impact_: builds failed for two hours.', '',
      '**What Went Wrong**', '', 'Nobody owned the host.', '',
      'We talked about **impact:** at length in the middle of a sentence.', '',
    ].join('\n');
    const r = parseReview(doc);
    assert.deepEqual(r.sections.filter(s => s.label).map(s => [s.heading, s.kind, s.headingRange.start.line]), [
      ['Summary', 'summary', 2], ['Root cause', 'root-cause', 4], ['Contributing factors', 'contributing-factors', 6], ['Impact', 'impact', 10], ['What Went Wrong', 'went-poorly', 12],
    ]);
    const m = missing(doc);
    for (const present of ['Summary', 'Root cause', 'Contributing factors', 'Impact', 'What went poorly']) assert.ok(!m.includes(present), `${present} reported missing`);
  });

  it('a purpose stated as a labelled field of a list is not reported missing (NIST SP 800-61\'s impact fields)', () => {
    const doc = (fields: string) => ['# Account compromise', '', '## Incident description', '', fields, '', '## Root cause', '', 'A static password in a config file.', ''].join('\n');
    assert.ok(!missing(doc('- **Category:** Unauthorized access\n- **Information impact:** records of 18,400 applicants read')).includes('Impact'));
    assert.ok(missing(doc('- **Category:** Unauthorized access\n- **Information impact:** TBD')).includes('Impact'), 'a placeholder states nothing');
    assert.ok(missing(doc('- **Category:** Unauthorized access')).includes('Impact'));
    // the value is the list nested under the label; a white-space entity after it is no value
    assert.ok(!missing(doc('- **Category:** Unauthorized access\n- **Information impact:**&#x20;\n  - records of 18,400 applicants read\n  - no payment data')).includes('Impact'));
    assert.ok(missing(doc('- **Category:** Unauthorized access\n- **Information impact:**&#x20;\n- **Owner:** security team')).includes('Impact'), 'a label with nothing under it states nothing');
  });

  it('sub-headings of the action items or a timeline group its items ("### Detection" there is not the response)', () => {
    const doc = [
      '# Review', '', '## Action items', '', '### Prevention', '', '- Add a quota.', '', '### Detection', '', '- Alert on lag.', '',
      '## Timeline', '', '### 2026-01-02', '', '- 10:00 UTC alert fires', '',
    ].join('\n');
    const r = parseReview(doc);
    assert.deepEqual(r.sections.slice(1).map(s => s.kinds.join('+')), ['actions', 'actions', 'actions', 'timeline', 'timeline']);
    assert.deepEqual(r.actions.map(a => a.title), ['Add a quota.', 'Alert on lag.']);
    assert.ok(missing(doc).includes('Response'));
  });

  it('a heading grouping text of its parent is not reported empty; a section with only sub-sections is not empty', () => {
    const doc = ['# R', '', '## Lessons learned', '', '### What went well', '', 'Fast rollback.', '', '## Action items', '', '### Completed', '', '- [x] Raise the limit.', ''].join('\n');
    assert.deepEqual(lint(doc).filter(f => f.rule === 'empty-section').map(f => f.message), []);
  });
});

describe('purposes a heading does not name', () => {
  it('a missing purpose is not reported when an unnamed part\'s text serves it; the opening text is the summary', () => {
    const doc = [
      '# Relay outage', '',
      'On Tuesday our relays stopped forwarding traffic for two hours. Users could not connect.', '',
      '## The nitty gritty', '',
      'The outage was caused by a connection leak in the relay process: every reconnect kept a socket open until the process hit its file limit.', '',
    ].join('\n');
    const m = missing(doc);
    assert.ok(!m.includes('Summary') && !m.includes('Root cause'), m.join(', '));
    assert.ok(m.includes('Impact') && m.includes('Action items'));
  });
});

describe('a review too large for full analysis', () => {
  it('says which checks it skipped and claims nothing absent that it did not look for', () => {
    const big = ['---', 'major: true', '---', '# Big', '', '## Action items', '', '- Add an alarm on queue depth above 1000 for 5 minutes', '', '## Timeline', '', 'x'.repeat(1_100_000), ''].join('\n');
    const f = lint(big);
    const tooLarge = f.filter(x => x.rule === 'file-too-large');
    assert.equal(tooLarge.length, 1);
    assert.match(tooLarge[0].message, /not analysed \(its timeline entries, action items and wording are not checked, and no check reports them missing\)/);
    const huge = ['---', 'major: true', '---', '# Huge', '', '## Action items', '', '- '.concat('y'.repeat(5_100_000)), ''].join('\n');
    const g = lint(huge);
    assert.match(g.find(x => x.rule === 'file-too-large')!.message, /the timeline, the action items and the wording checks are skipped/);
    assert.ok(!g.some(x => x.rule === 'no-action-items'), 'the items were not looked for');
  });
});
