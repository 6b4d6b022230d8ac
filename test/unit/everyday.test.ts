// The small frictions of everyday use (issue 18), where they live in the core.
import assert from 'node:assert/strict';
import { analyze, applyEdits, automaticFixes, suppressionFixes, type Finding } from '../../src/core';
import { FIXTURE_NOW, readFixture } from './helpers/fixtures';
import { buildTimelineView } from '../../src/core/timeline/view';
import { labelWidth, layoutPicture } from '../../src/core/timeline/picture';
import { parseReview } from '../../src/core';
import { dueChoices, keepIdsTogether, ownerChoices } from '../../src/extension/tree/model';

const range = (l: number, a: number, b: number) => ({ start: { line: l, character: a }, end: { line: l, character: b } });
const finding = (rule: string, edits: { range: ReturnType<typeof range>; newText: string }[]): Finding =>
  ({ rule, message: rule, severity: 'warning', range: edits[0].range, fixes: [{ title: rule, edits, isPreferred: true }] }) as Finding;

describe('everyday use', () => {
  describe('fix-all counts the changes it makes', () => {
    it('one change per fix applied whole: a shared sort counts once, an overlapping fix waits, a fix that writes what is there is not counted', () => {
      const text = 'alpha beta gamma\ndelta\n';
      const sort = finding('a', [range(0, 0, 5), range(0, 11, 16)].map((r, i) => ({ range: r, newText: i ? 'alpha' : 'gamma' })));
      const again = { ...sort, rule: 'b' };
      const overlapping = finding('c', [{ range: range(0, 3, 8), newText: 'X' }]);
      const noop = finding('d', [{ range: range(1, 0, 5), newText: 'delta' }]);
      const other = finding('e', [{ range: range(1, 0, 5), newText: 'DELTA' }]);
      const r = automaticFixes(text, [sort, again, overlapping, noop, other]);
      assert.equal(r.fixes, 2);
      assert.equal(r.edits.length, 3);
      assert.equal(applyEdits(text, r.edits).text, 'gamma beta alpha\nDELTA\n');
    });

    it('on a review: the timeline sort reported on two entries is one change', () => {
      const text = readFixture('rules/timeline-order.pir.md');
      const findings = analyze(text, { uri: 't.pir.md', now: FIXTURE_NOW }).findings;
      const sorts = findings.filter(f => f.rule === 'timeline-order');
      assert.equal(sorts.length, 2);
      const r = automaticFixes(text, sorts);
      assert.equal(r.fixes, 1);
      assert.ok(r.edits.length >= 1);
    });
  });

  describe('disable a rule for this line / this file', () => {
    const review = '---\nid: INC-5\ntitle: T\nstatus: in-review\nseverity: SEV2\n---\n# T\n\n## Action items\n\n- [ ] CAP-5-1: Improve monitoring\n  - owner: @ana\n- [ ] CAP-5-2: Be more careful\n  - owner: @bo\n\n## Lessons learned\n\nThe rollout went out on a Friday and\nthe engineer should have checked the dashboard first.\n\n| ID | Action | Owner |\n|---|---|---|\n| CAP-5-3 | Improve alerting | @cy |\n';
    const lintOf = (t: string) => analyze(t, { uri: 's.pir.md', now: FIXTURE_NOW }).findings;
    const at = (t: string, rule: string, needle: string) => {
      const line = t.split('\n').findIndex(l => l.includes(needle));
      const f = lintOf(t).find(x => x.rule === rule && x.range.start.line === line);
      assert.ok(f, `${rule} on "${needle}": ${lintOf(t).map(x => `${x.range.start.line} ${x.rule}`).join(', ')}`);
      return f;
    };
    const apply = (t: string, fix: { edits: { range: Finding['range']; newText: string }[] }) => applyEdits(t, fix.edits).text;

    it('for this line: a comment above a list item, at its indentation; only that item is silenced', () => {
      const f = at(review, 'vague-action', 'CAP-5-1');
      const [line, file] = suppressionFixes(review, f);
      assert.deepEqual([line.title, file.title, !!line.isPreferred], ['Disable vague-action for this line', 'Disable vague-action for this file', false]);
      const fixed = apply(review, line);
      assert.match(fixed, /\n\n<!-- pir-disable-next-line vague-action -->\n- \[ \] CAP-5-1: Improve monitoring\n/);
      const left = lintOf(fixed).filter(x => x.rule === 'vague-action').map(x => x.message);
      assert.ok(!left.some(m => m.includes('Improve monitoring')) && left.some(m => m.includes('Be more careful')));
      // the item is still an action item of the review, with its owner
      assert.equal(analyze(fixed).review.actions.find(a => a.id === 'CAP-5-1')?.fields.get('owner')?.value, '@ana');
      // a second rule on the same line joins the same comment
      const item = fixed.split('\n').findIndex(l => l.includes('CAP-5-1'));
      const again = suppressionFixes(fixed, { rule: 'action-fields', range: { start: { line: item, character: 6 }, end: { line: item, character: 13 } } })[0];
      assert.match(apply(fixed, again), /<!-- pir-disable-next-line vague-action action-fields -->\n- \[ \] CAP-5-1/);
    });

    it('for this line inside a paragraph: a comment at the end of the line, the paragraph not split', () => {
      const f = at(review, 'blameful-language', 'should have');
      const fixed = apply(review, suppressionFixes(review, f)[0]);
      assert.match(fixed, /on a Friday and\nthe engineer should have checked the dashboard first\. <!-- pir-disable-line blameful-language -->\n/);
      assert.ok(!lintOf(fixed).some(x => x.rule === 'blameful-language' && x.range.start.line === f.range.start.line));
    });

    it('for this file: below the front matter (the front matter still reads), joined to an existing comment', () => {
      const f = at(review, 'vague-action', 'CAP-5-1');
      const fixed = apply(review, suppressionFixes(review, f)[1]);
      assert.match(fixed, /^---\n[\s\S]*?\n---\n<!-- pir-disable-file vague-action -->\n# T\n/);
      assert.equal(analyze(fixed).review.frontMatter?.data?.id, 'INC-5');
      assert.ok(!lintOf(fixed).some(x => x.rule === 'vague-action'));
      const both = apply(fixed, suppressionFixes(fixed, { rule: 'blameful-language', range: f.range })[1]);
      assert.match(both, /\n---\n<!-- pir-disable-file vague-action blameful-language -->\n# T\n/);
    });

    it('no line fix where a comment line would change the document: a table row, the front matter', () => {
      const row = review.split('\n').findIndex(l => l.startsWith('| CAP-5-3'));
      assert.deepEqual(suppressionFixes(review, { rule: 'vague-action', range: { start: { line: row, character: 0 }, end: { line: row, character: 5 } } }).map(x => x.title), ['Disable vague-action for this file']);
      assert.deepEqual(suppressionFixes(review, { rule: 'front-matter-schema', range: { start: { line: 4, character: 0 }, end: { line: 4, character: 5 } } }).map(x => x.title), ['Disable front-matter-schema for this file']);
      assert.deepEqual(suppressionFixes('---\nid: x\n# never closed\n', { rule: 'r', range: { start: { line: 1, character: 0 }, end: { line: 1, character: 1 } } }), []);
    });
  });

  describe('the tree: Set Owner and Set Due choices, tooltips', () => {
    it('Set Owner offers pir.me first, then the workspace\'s owners, most used first, each once', () => {
      const actions = ['@bo', '@ana', '@bo', '@checkout-platform', '', '@bo', '@ana'].map(owner => ({ owner }));
      assert.deepEqual(ownerChoices(actions, ['ana'], '@bo'), [
        { owner: '@ana', description: 'you (pir.me) · 2 actions' },
        { owner: '@bo', description: 'current · 3 actions' },
        { owner: '@checkout-platform', description: '1 action' },
      ]);
      assert.deepEqual(ownerChoices([], ['me']), [{ owner: '@me', description: 'you (pir.me)' }]);
    });

    it('Set Due offers this Friday and 1 / 2 / 4 weeks from today (UTC day), then a custom date', () => {
      const monday = dueChoices(new Date('2026-11-30T23:30:00Z'));
      assert.deepEqual(monday.map(c => [c.label, c.date]), [['This Friday', '2026-12-04'], ['In 1 week', '2026-12-07'], ['In 2 weeks', '2026-12-14'], ['In 4 weeks', '2026-12-28'], ['Custom date…', undefined]]);
      assert.equal(monday[0].description, '2026-12-04, Fri');
      assert.equal(dueChoices(new Date('2026-12-04T08:00:00Z'))[0].date, '2026-12-04', 'on a Friday: today');
      assert.equal(dueChoices(new Date('2026-12-05T08:00:00Z'))[0].date, '2026-12-11', 'on a Saturday: the coming Friday');
    });

    it('tooltips keep IDs on one line: non-breaking hyphens inside action and review IDs only', () => {
      const shown = keepIdsTogether('CAP-42-1: roll back the cache-warmer (INC-2026-044, depends CAP-7)');
      assert.equal(shown, 'CAP\u201142\u20111: roll back the cache-warmer (INC\u20112026\u2011044, depends CAP\u20117)');
      assert.equal(keepIdsTogether('postmortem-42'), 'postmortem\u201142');
      assert.equal(keepIdsTogether('a self-service re-run'), 'a self-service re-run');
    });
  });

  describe('the timeline picture', () => {
    const review = (times: string[]) => parseReview(`---\nid: INC-7\ntitle: T\n---\n## Timeline\n\n- 2026-11-20 ${times[0]} UTC — Deploy starts [started]\n- ${times[1]} UTC — Alert fires [detected]\n- ${times[2]} UTC — Rolled back [mitigated]\n- ${times[3]} UTC — Errors back to normal [resolved]\n- 03:30 UTC — Incident closed\n`);
    const labels = (times: string[], width = 900) => {
      const r = review(times);
      const scene = layoutPicture(buildTimelineView(r, [], 1, 'x.pir.md'), width);
      return { scene, labels: scene.shapes.filter(sh => sh.cls.startsWith('milestone-label')).map(sh => {
        const x = sh.attrs.x as number, w = labelWidth(sh.text!), a = sh.attrs['text-anchor'];
        const x0 = a === 'start' ? x : a === 'end' ? x - w : x - w / 2;
        return { text: sh.text!, y: sh.attrs.y as number, x0, x1: x0 + w };
      }) };
    };
    it('milestone labels never overlap, however close the milestones ("mitigated 02:03" and "resolved 02:05")', () => {
      for (const times of [['01:00', '01:30', '02:03', '02:05'], ['02:00', '02:01', '02:02', '02:03'], ['00:10', '02:04', '02:05', '02:05']]) {
        for (const width of [360, 600, 900]) {
          const { scene, labels: ls } = labels(times, width);
          assert.equal(ls.length, 4);
          for (const a of ls) for (const b of ls) {
            if (a === b || a.y !== b.y) continue;
            assert.ok(a.x1 <= b.x0 || b.x1 <= a.x0, `${a.text} and ${b.text} overlap at ${width}px: ${JSON.stringify(ls)}`);
          }
          for (const l of ls) assert.ok(l.y > 0 && l.x0 >= 0 && l.x1 <= width, `${l.text} inside the picture`);
          // the band and the axis stay under the labels
          const band = scene.shapes.find(sh => sh.cls.startsWith('phase '))!;
          assert.ok(Math.max(...ls.map(l => l.y)) < (band.attrs.y as number));
        }
      }
    });

    it('far apart milestones keep one row of labels', () => {
      const { labels: ls } = labels(['00:00', '01:00', '02:00', '03:00']);
      assert.equal(new Set(ls.map(l => l.y)).size, 1);
    });
  });
});
