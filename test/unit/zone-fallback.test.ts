/**
 * The fallback zone is resolved by the engine, not the parser: the team's `.pir.yaml` zone, else the
 * user's setting, labelled with where it came from, for rules, hovers and the timeline editor alike.
 */
import assert from 'node:assert/strict';
import { analyze, applyEdits, applyFallbackZone, defaultConfig, fallbackZoneOf, hoverAt, parseReview } from '../../src/core';
import { timelineEdits } from '../../src/core/timeline/edit';
import { buildTimelineView } from '../../src/core/timeline/view';

const DOC = `---
id: INC-2026-7
title: Queue backlog
status: in-review
severity: SEV3
started: 2026-11-20T13:00:00Z
---

# Queue backlog

## Timeline

- 2026-11-20 14:00 — Backlog alert [detected]
`;

const team = { ...defaultConfig(), defaultTimezone: 'Europe/Berlin' };

describe('zone fallback: resolved by the engine, labelled by its source', () => {
  it('the parser reads only the document: no zone is assumed', () => {
    const r = parseReview(DOC);
    assert.equal(r.declaredZone, undefined);
    assert.equal(r.timeline[0].utc, undefined);
    assert.equal(r.timeline[0].zoneSource, 'none');
  });

  it('a team zone from .pir.yaml is named as such, not as the user setting', () => {
    const f = analyze(DOC, { config: team, userZone: 'America/New_York' }).findings.find(x => x.rule === 'non-utc-timestamp')!;
    assert.match(f.message, /Europe\/Berlin/);
    assert.match(f.message, /the team's defaultTimezone in \.pir\.yaml/);
    assert.doesNotMatch(f.message, /pir\.defaultTimezone setting/);
    assert.match(f.fixes![0].title, /Convert to UTC/);
  });

  it('the user setting is the fallback only when the team names no zone', () => {
    const { review, findings } = analyze(DOC, { userZone: 'America/New_York' });
    assert.equal(review.timeline[0].zoneSource, 'user-setting');
    assert.equal(review.timeline[0].utc, Date.UTC(2026, 10, 20, 19, 0));
    assert.match(findings.find(x => x.rule === 'non-utc-timestamp')!.message, /your pir\.defaultTimezone setting/);
  });

  it('a zone the review declares wins over both', () => {
    const r = analyze(DOC.replace('## Timeline\n', '## Timeline\n\nAll times in UTC.\n'), { config: team, userZone: 'Asia/Tokyo' }).review;
    assert.equal(r.declaredZone?.source, 'prose');
    assert.equal(r.timeline[0].utc, Date.UTC(2026, 10, 20, 14, 0));
  });

  it('hovers and the timeline editor see the team zone as the rules do', () => {
    const r = applyFallbackZone(parseReview(DOC), fallbackZoneOf(team, 'Asia/Tokyo'));
    const line = DOC.split('\n').findIndex(l => l.includes('Backlog alert'));
    const h = hoverAt(r, { line, character: 4 })!;
    assert.equal(h.title, '2026-11-20 13:00 UTC');
    assert.ok(h.rows.some(x => x.label === 'Read in' && /team \.pir\.yaml/.test(x.value)));
    const view = buildTimelineView(r, [], 1, 'a.pir.md');
    assert.equal(view.rows[0].utc, Date.UTC(2026, 10, 20, 13, 0));
    const res = timelineEdits(r, { type: 'convertAll' });
    assert.ok(res.ok);
    assert.match(applyEdits(DOC, res.ok ? res.edits : []).text, /- 2026-11-20 13:00 UTC — Backlog alert/);
  });
});
