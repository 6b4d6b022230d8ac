import assert from 'node:assert/strict';
import { validateWebviewMessage, isSafeLink, LIMITS } from '../../../src/core/timeline/protocol';
import { layoutPicture, sceneToSvg, longGaps } from '../../../src/core/timeline/picture';
import { buildTimelineView } from '../../../src/core/timeline/view';
import { analyze } from '../../../src/core';

const ref = { line: 3, text: '- 14:02 UTC — x' };

describe('timeline protocol: validateWebviewMessage', () => {
  const good: unknown[] = [
    { type: 'ready' },
    { type: 'exportSvg' },
    { type: 'openLink', url: 'https://tracker.example.com/X-1' },
    { type: 'openText', line: 4 },
    { type: 'intent', requestId: 1, version: 3, intent: { type: 'addEntry', entry: { time: '2026-11-20 14:10', description: 'x', milestone: null, link: '' } } },
    { type: 'intent', requestId: 2, version: 3, intent: { type: 'addEntry', entry: { time: '2026-11-20 14:10', description: 'x' }, after: ref } },
    { type: 'intent', requestId: 3, version: 3, intent: { type: 'editEntry', ref, changes: { milestone: 'detected' } } },
    { type: 'intent', requestId: 4, version: 3, intent: { type: 'deleteEntry', ref } },
    { type: 'intent', requestId: 5, version: 3, intent: { type: 'moveEntry', ref, delta: -1 } },
    { type: 'intent', requestId: 6, version: 3, intent: { type: 'sortEntries' } },
    { type: 'intent', requestId: 7, version: 3, intent: { type: 'convertEntry', ref, zone: 'Europe/Berlin' } },
    { type: 'intent', requestId: 8, version: 3, intent: { type: 'convertAll' } },
  ];
  for (const m of good) {
    it(`accepts ${JSON.stringify(m).slice(0, 90)}`, () => {
      const r = validateWebviewMessage(m);
      assert.ok(r.ok, r.ok ? '' : r.error);
      assert.deepEqual(JSON.parse(JSON.stringify(r.ok && r.value)), JSON.parse(JSON.stringify(m)));
    });
  }

  const bad: [string, unknown][] = [
    ['not an object', 'ready'],
    ['null', null],
    ['an array', [{ type: 'ready' }]],
    ['unknown type', { type: 'runCommand', command: 'x' }],
    ['extra field', { type: 'ready', html: '<b>' }],
    ['javascript: link', { type: 'openLink', url: 'javascript:alert(1)' }],
    ['command: link', { type: 'openLink', url: 'command:workbench.action.terminal.new' }],
    ['file: link', { type: 'openLink', url: 'file:///etc/passwd' }],
    ['link with credentials', { type: 'openLink', url: 'https://user:pw@example.com/' }],
    ['link with a space', { type: 'openLink', url: 'https://example.com/a b' }],
    ['oversize link', { type: 'openLink', url: 'https://example.com/' + 'a'.repeat(LIMITS.link) }],
    ['string line', { type: 'openText', line: '4' }],
    ['negative line', { type: 'openText', line: -1 }],
    ['fractional requestId', { type: 'intent', requestId: 1.5, version: 1, intent: { type: 'sortEntries' } }],
    ['missing version', { type: 'intent', requestId: 1, intent: { type: 'sortEntries' } }],
    ['unknown intent', { type: 'intent', requestId: 1, version: 1, intent: { type: 'eval', code: '1' } }],
    ['intent with extra field', { type: 'intent', requestId: 1, version: 1, intent: { type: 'sortEntries', all: true } }],
    ['oversize description', { type: 'intent', requestId: 1, version: 1, intent: { type: 'addEntry', entry: { time: '2026-11-20 14:10', description: 'x'.repeat(LIMITS.description + 1) } } }],
    ['numeric description', { type: 'intent', requestId: 1, version: 1, intent: { type: 'addEntry', entry: { time: '2026-11-20 14:10', description: 5 } } }],
    ['missing time', { type: 'intent', requestId: 1, version: 1, intent: { type: 'addEntry', entry: { description: 'x' } } }],
    ['bad milestone', { type: 'intent', requestId: 1, version: 1, intent: { type: 'editEntry', ref, changes: { milestone: 'fixed' } } }],
    ['empty changes', { type: 'intent', requestId: 1, version: 1, intent: { type: 'editEntry', ref, changes: {} } }],
    ['ref without text', { type: 'intent', requestId: 1, version: 1, intent: { type: 'deleteEntry', ref: { line: 1 } } }],
    ['oversize ref text', { type: 'intent', requestId: 1, version: 1, intent: { type: 'deleteEntry', ref: { line: 1, text: 'x'.repeat(LIMITS.lineText + 1) } } }],
    ['move by 5', { type: 'intent', requestId: 1, version: 1, intent: { type: 'moveEntry', ref, delta: 5 } }],
    ['zone with markup', { type: 'intent', requestId: 1, version: 1, intent: { type: 'convertAll', zone: '<script>' } }],
    ['prototype pollution', JSON.parse('{"type":"ready","__proto__":{"x":1}}')],
    ['class instance', new (class { type = 'ready'; })()],
  ];
  for (const [what, m] of bad) {
    it(`rejects ${what}`, () => {
      const r = validateWebviewMessage(m);
      assert.equal(r.ok, false);
    });
  }

  it('allows only http(s) links', () => {
    assert.ok(isSafeLink('http://a.example/x?y=1#z'));
    for (const u of ['javascript:alert(1)', 'data:text/html,x', 'vscode://x', 'https://', '//example.com', 'https://a.example/"onmouseover=x']) assert.equal(isSafeLink(u), false, u);
  });
});

describe('timeline picture', () => {
  const DOC = `---
started: 2026-11-20T13:55:00Z
detected: 2026-11-20T14:02:00Z
mitigated: 2026-11-20T14:40:00Z
resolved: 2026-11-20T15:30:00Z
---
# x

## Timeline

- 2026-11-20 13:55 UTC — start
- 13:57 UTC — a
- 14:02 UTC — alert [detected]
- 14:05 UTC — b
- 14:40 UTC — fixed </script><img src=x onerror=alert(1)> [mitigated]
- 15:30 UTC — closed [resolved]
`;
  it('labels time to detect, mitigate and resolve, and highlights long gaps', () => {
    const { review, findings } = analyze(DOC);
    const view = buildTimelineView(review, findings, 1, 'x.pir.md');
    const scene = layoutPicture(view, 900);
    assert.equal(scene.summary, 'Time to detect 7 min · Time to mitigate 45 min · Time to resolve 1 h 35 min');
    assert.ok(scene.shapes.some(s => s.cls.includes('phase-detect')));
    assert.ok(scene.shapes.some(s => s.cls === 'gap'), 'the 35 and 50 minute gaps are long');
    assert.equal(longGaps([0, 60_000, 120_000, 180_000]).length, 0);
  });
  it('exports SVG with every document string escaped', () => {
    const { review, findings } = analyze(DOC);
    const view = buildTimelineView(review, findings, 1, 'x.pir.md');
    const svg = sceneToSvg(layoutPicture(view, 900), 'INC <x> & "y"');
    assert.ok(!svg.includes('<img'));
    assert.ok(!svg.includes('</script>'));
    assert.ok(svg.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(svg.includes('INC &lt;x&gt; &amp; &quot;y&quot;'));
    assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'));
  });
});
