import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { completionsAt, defaultConfig, foldingRanges, hoverAt, outline, parseReview, statusBarText, timelineStampNow, type OutlineSymbol } from '../../../src/core';

const REVIEW = `---
id: INC-2026-042
title: Checkout API returned 5xx
status: in-review
severity: SEV2
major: false
started: 2026-11-20T13:55:00Z
detected: 2026-11-20T14:02:00Z
mitigated: 2026-11-20T14:40:00Z
attendees:
  - { name: Sam, role: incident-commander }
---
# Checkout API returned 5xx

## Summary

Short.

## Timeline

- 2026-11-20 13:55 UTC — Settings pushed
- 14:02 UTC — Alert fired [detected]
- 06:40 PST — Revision restored [mitigated]

## Root cause

### Trigger

A schema.

## Action items

- [ ] CAP-42-1: Reject invalid settings in CI
  - owner: @checkout-platform
  - due: 2026-12-11
  - tracking: https://t.example/1
- [ ] CAP-42-2: Stage settings pushes
  - owner: @deploy-tooling
  - depends: CAP-42-1
  - 
`;

const at = (text: string, needle: string, offset = 0) => {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, needle);
  const before = text.slice(0, i + offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
};
const review = () => parseReview(REVIEW, { uri: 'file:///w/a.pir.md' });
const rows = (h: ReturnType<typeof hoverAt>) => Object.fromEntries(h!.rows.map(r => [r.label, r.value]));

describe('authoring: hovers', () => {
  it('a timeline stamp: UTC, the author\'s clock and the offset from the start', () => {
    const h = hoverAt(review(), at(REVIEW, '14:02 UTC', 2), { localZone: 'Europe/Berlin' })!;
    assert.equal(h.title, '2026-11-20 14:02 UTC');
    const r = rows(h);
    assert.equal(r['UTC'], '2026-11-20 14:02 UTC');
    assert.equal(r['Your time'], '2026-11-20 15:02 (Europe/Berlin, UTC+01:00)');
    assert.match(r['Since the start'], /^7 min after the start \(2026-11-20 13:55 UTC/);
    assert.equal(r['Time to detect'], '7 min');
  });

  it('"Since the start" and "Time to …" agree in words and sign, after the start and before it', () => {
    const text = '---\nid: INC-1\ntitle: T\nstarted: 2026-11-20T14:00:00Z\n---\n## Timeline\n\n- 2026-11-20 13:50 UTC — Alert fires [detected]\n- 14:40 UTC — Traffic drained [mitigated]\n';
    const r = parseReview(text);
    const late = rows(hoverAt(r, at(text, '14:40 UTC', 2)));
    assert.match(late['Since the start'], /^40 min after the start /);
    assert.equal(late['Time to mitigate'], '40 min');
    const early = rows(hoverAt(r, at(text, '13:50 UTC', 2)));
    assert.match(early['Since the start'], /^10 min before the start /);
    assert.match(early['Time to detect'], /^10 min before the start/);
    for (const v of [...Object.values(late), ...Object.values(early)]) assert.doesNotMatch(v, /^[+−-]/, 'no sign before words that already say it');
  });

  it('"your time" from a fixed offset or abbreviation setting too; an ambiguous one asks for a name', () => {
    assert.equal(rows(hoverAt(review(), at(REVIEW, '14:02 UTC', 2), { localZone: 'UTC+2' }))['Your time'], '2026-11-20 16:02 (UTC+2, UTC+02:00)');
    assert.equal(rows(hoverAt(review(), at(REVIEW, '14:02 UTC', 2), { localZone: 'PDT' }))['Your time'], '2026-11-20 07:02 (PDT, UTC−07:00)');
    const ist = hoverAt(review(), at(REVIEW, '14:02 UTC', 2), { localZone: 'IST' })!;
    assert.equal(rows(ist)['Your time'], undefined);
    assert.ok(ist.notes.some(n => /pir\.defaultTimezone/.test(n)));
  });

  it('a stamp in another zone says so, converted', () => {
    const h = hoverAt(review(), at(REVIEW, '06:40 PST', 1), { localZone: 'UTC' })!;
    assert.equal(h.title, '2026-11-20 14:40 UTC');
    assert.match(rows(h)["Written in"], /PST/);
  });

  it('a milestone tag and a front-matter key: the time to detect / mitigate', () => {
    const tag = hoverAt(review(), at(REVIEW, '[mitigated]', 3))!;
    assert.equal(tag.title, 'Mitigated: 2026-11-20 14:40 UTC');
    assert.equal(rows(tag)['Time to mitigate'], '45 min');
    assert.equal(rows(tag)['Time to detect'], '7 min');
    assert.equal(rows(tag)['After detection'], '38 min');
    const key = hoverAt(review(), at(REVIEW, 'detected: 2026', 2))!;
    assert.equal(key.title, 'Detected: 2026-11-20 14:02 UTC');
    assert.equal(rows(key)['From'], 'front matter');
    const started = hoverAt(review(), at(REVIEW, 'started:', 1))!;
    assert.equal(started.title, 'Started: 2026-11-20 13:55 UTC');
  });

  it('an action ID: status, owner, due, references here and in other reviews', () => {
    const h = hoverAt(review(), at(REVIEW, 'depends: CAP-42-1', 12), {
      now: new Date('2026-11-25T00:00:00Z'),
      workspaceActions: [{ id: 'CAP-50-1', title: 'x', status: 'open', owner: '', due: '', depends: 'CAP-42-1, CAP-9-9', file: 'file:///w/other.pir.md', line: 30 }],
    })!;
    assert.equal(h.title, 'CAP-42-1: Reject invalid settings in CI');
    const r = rows(h);
    assert.equal(r['Status'], 'open');
    assert.equal(r['Owner'], '@checkout-platform');
    assert.equal(r['Due'], '2026-12-11');
    assert.equal(r['Defined'], `line ${at(REVIEW, 'CAP-42-1:').line + 1}`);
    assert.equal(r['Referenced here'], `line ${at(REVIEW, 'depends: CAP').line + 1} (CAP-42-2 depends on it)`);
    assert.equal(r['Depended on by'], 'CAP-50-1 in other.pir.md, line 31');
  });

  it('an action defined only in another review, overdue', () => {
    const text = REVIEW.replace('Short.', 'See CAP-7-3 for the earlier fix.');
    const h = hoverAt(parseReview(text, { uri: 'file:///w/a.pir.md' }), at(text, 'CAP-7-3', 1), {
      now: new Date('2026-11-25T00:00:00Z'),
      workspaceActions: [{ id: 'CAP-7-3', title: 'Old <b>fix</b>', status: 'in-progress', owner: '@db', due: '2026-01-01', depends: '', file: 'file:///w/old%20one.pir.md', line: 4, review: 'INC-7' }],
    })!;
    assert.equal(h.title, 'CAP-7-3: Old <b>fix</b>');
    assert.equal(rows(h)['Status'], 'in progress (overdue)');
    assert.equal(rows(h)['Defined'], 'old one.pir.md, line 5 (INC-7)');
  });

  it('no hover on prose, on an unknown ID or the review ID', () => {
    assert.equal(hoverAt(review(), at(REVIEW, 'Short.', 1)), undefined);
    assert.equal(hoverAt(review(), at(REVIEW, 'INC-2026-042', 2), { workspaceActions: [] }), undefined);
  });
});

describe('authoring: outline and folding', () => {
  const names = (s: OutlineSymbol[]): unknown => s.map(x => (x.children.length ? [x.name, names(x.children)] : x.name));

  it('nests sections under the title, entries under Timeline, actions under Action items', () => {
    const o = outline(review());
    assert.deepEqual(names(o), [
      'Front matter',
      ['Checkout API returned 5xx', [
        'Summary',
        ['Timeline', ['2026-11-20 13:55 UTC — Settings pushed', '14:02 UTC — Alert fired', '06:40 PST — Revision restored']],
        ['Root cause', ['Trigger']],
        ['Action items', ['CAP-42-1: Reject invalid settings in CI', 'CAP-42-2: Stage settings pushes']],
      ]],
    ]);
    const timeline = o[1].children[1];
    assert.equal(timeline.children[1].detail, 'detected');
    const action = o[1].children[3].children[0];
    assert.equal(action.detail, 'open · @checkout-platform · due 2026-12-11');
    // every selection range lies in its range, every child in its parent
    const check = (s: OutlineSymbol, parent?: OutlineSymbol) => {
      const le = (a: { line: number; character: number }, b: { line: number; character: number }) => a.line < b.line || (a.line === b.line && a.character <= b.character);
      assert.ok(le(s.range.start, s.selectionRange.start) && le(s.selectionRange.end, s.range.end), s.name);
      if (parent) assert.ok(le(parent.range.start, s.range.start) && le(s.range.end, parent.range.end), `${s.name} in ${parent.name}`);
      s.children.forEach(c => check(c, s));
    };
    o.forEach(s => check(s));
    assert.equal(timeline.range.end.line, at(REVIEW, '06:40 PST').line, 'a section ends at its last non-blank line');
  });

  it('folds the front matter, each heading and multi-line action items', () => {
    const f = foldingRanges(review());
    const line = (s: string) => at(REVIEW, s).line;
    assert.deepEqual(f.find(x => x.start === 0), { start: 0, end: line('---\n# ') });
    assert.deepEqual(f.find(x => x.start === line('## Timeline')), { start: line('## Timeline'), end: line('06:40 PST') });
    assert.deepEqual(f.find(x => x.start === line('- [ ] CAP-42-1')), { start: line('- [ ] CAP-42-1'), end: line('tracking: https') });
    assert.ok(f.some(x => x.start === line('# Checkout')), 'the title folds the whole body');
  });
});

describe('authoring: completion', () => {
  const config = { ...defaultConfig(), severities: ['P1', 'P2'], roles: ['commander', 'scribe'] };
  const labels = (text: string, needle: string, offset: number, extra: Partial<Parameters<typeof completionsAt>[2]> = {}) =>
    completionsAt(text, at(text, needle, offset), { config, ...extra }).map(s => s.label);

  it('front-matter keys not yet present, and values from the team configuration', () => {
    const text = REVIEW.replace('major: false\n', 'major: false\nre\n');
    const keys = labels(text, 're\n', 2);
    assert.ok(keys.includes('resolved') && keys.includes('review_meeting') && keys.includes('approver'));
    assert.ok(!keys.includes('status') && !keys.includes('detected'));
    assert.deepEqual(labels(REVIEW, 'severity: SEV2', 'severity: '.length), ['P1', 'P2']);
    assert.deepEqual(labels(REVIEW, 'status: in-review', 'status: '.length), ['draft', 'in-review', 'final']);
    assert.deepEqual(labels(REVIEW, 'role: incident', 'role: '.length), ['commander', 'scribe']);
    const now = new Date('2026-11-29T17:45:12Z');
    assert.deepEqual(labels(REVIEW.replace('mitigated: 2026-11-20T14:40:00Z', 'resolved: '), 'resolved: ', 'resolved: '.length, { now }), ['2026-11-29T17:45:00Z']);
  });

  it('section headings not yet present after "## "', () => {
    const text = REVIEW.replace('## Root cause', '## \n\n## Root cause');
    const l = labels(text, '## \n', 3);
    assert.ok(l.includes('Impact') && l.includes('Lessons learned') && l.includes('Open questions'));
    assert.ok(!l.includes('Summary') && !l.includes('Timeline') && !l.includes('Root cause'));
    assert.deepEqual(labels(REVIEW, 'Short.', 3), [], 'nothing in prose');
  });

  it('action fields not yet present, then owners used across the workspace', () => {
    const fields = labels(REVIEW, '  - \n', 4);
    assert.ok(fields.includes('due') && fields.includes('tracking') && fields.includes('validation'));
    assert.ok(!fields.includes('owner') && !fields.includes('depends'));
    const text = REVIEW.replace('  - \n', '  - owner: \n');
    const owners = labels(text, 'owner: \n', 'owner: '.length, { owners: ['@sre', '@deploy-tooling'] });
    assert.deepEqual(owners, ['@checkout-platform', '@deploy-tooling', '@sre']);
    const types = labels(REVIEW.replace('  - \n', '  - type: \n'), 'type: \n', 'type: '.length);
    assert.deepEqual(types, ['prevent', 'mitigate', 'detect', 'process']);
  });

  it('the current UTC time at the start of a timeline entry', () => {
    const now = new Date('2026-11-29T17:45:30Z');
    assert.equal(timelineStampNow(now), '2026-11-29 17:45 UTC');
    const text = REVIEW.replace('- 06:40 PST', '- \n- 06:40 PST');
    const s = completionsAt(text, at(text, '- \n', 2), { config, now });
    assert.deepEqual(s.map(x => [x.label, x.insertText]), [['2026-11-29 17:45 UTC', '2026-11-29 17:45 UTC — ']]);
    assert.deepEqual(labels(REVIEW, 'Settings pushed', 4, { now }), [], 'not in an entry\'s text');
  });
});

describe('authoring: status bar', () => {
  it('shows status, severity and the open findings', () => {
    assert.equal(statusBarText({ status: 'in-review', severity: 'SEV2', errors: 1, warnings: 2, infos: 0 }).text, '$(checklist) In review · SEV2 · $(error) 3 findings');
    assert.equal(statusBarText({ status: 'final', severity: 'SEV1', errors: 0, warnings: 0, infos: 0 }).text, '$(checklist) Final · SEV1 · $(pass) no findings');
    assert.match(statusBarText({ errors: 0, warnings: 1, infos: 0 }).tooltip, /status not set, severity not set\. Open findings: 1 warning\./);
  });
});

describe('authoring: robustness on the example reviews', () => {
  // every position of real reviews, and the same reviews cut short: nothing throws, ranges hold
  const dir = 'examples/reviews';
  const texts = readdirSync(dir).filter(f => f.endsWith('.pir.md')).map(f => readFileSync(`${dir}/${f}`, 'utf8'));
  const config = defaultConfig();

  it('hovers, outline, folding and completion on every line', () => {
    for (const full of texts) {
      for (const text of [full, full.slice(0, Math.floor(full.length / 3)), full.replace(/\n/g, '\r\n')]) {
        const r = parseReview(text, { uri: 'file:///x.pir.md' });
        const lines = text.split(/\r?\n/);
        for (let line = 0; line < lines.length; line++) {
          for (let character = 0; character <= lines[line].length; character += 3) {
            const h = hoverAt(r, { line, character }, { localZone: 'America/New_York', workspaceActions: [] });
            if (h) assert.ok(h.range.start.line === line && h.range.start.character <= character && character <= h.range.end.character + (h.range.end.line > line ? 1e9 : 0));
          }
          for (const character of [0, lines[line].length]) completionsAt(text, { line, character }, { config });
        }
        const folds = foldingRanges(r);
        assert.ok(folds.every(f => f.end > f.start && f.end < lines.length));
        outline(r);
      }
    }
  });
});
