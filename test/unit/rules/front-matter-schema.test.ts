import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkFixture } from '../helpers/fixtures';
import { applyFix, findingAt, findingsOf, lineOf, lint, readFixture } from './_support';

const NAME = 'rules/front-matter-schema.pir.md';
const BASE = readFixture('rules/review-meeting-deadline.pir.md').replace('review_meeting: 2026-11-20  # expect: review-meeting-deadline', 'review_meeting: 2026-11-13');

describe('front-matter-schema', () => {
  it('reports each bad value, misspelt key and missing attendee role on its line', () => {
    checkFixture(NAME);
  });

  it('every fix of the fixture is preferred, and applying them all leaves the front matter valid', () => {
    let text = readFixture(NAME);
    const found = findingsOf(text, 'front-matter-schema');
    const expected: [string, string][] = [
      ['status: In-Review', 'status: in-review'], ['severity: sev3', 'severity: SEV3'], ['major: no', 'major: false'],
      ['started: 2026-11-10T09:00:00+01:00', 'started: 2026-11-10T08:00:00Z'], ['detcted:', 'detected:'],
      ['role: responders', 'role: responder'], ['services: suggest-api', 'services: [suggest-api]'],
    ];
    for (const [before, after] of expected) {
      const f = findingAt(text, 'front-matter-schema', lineOf(text, before));
      assert.ok(f.fixes![0].isPreferred, `${before}: preferred fix`);
      const fixed = applyFix(text, f);
      assert.ok(fixed.includes(after), `${before} → ${after}`);
    }
    // the attendee without a role gets one, under its name
    const noRole = findingAt(text, 'front-matter-schema', lineOf(text, '- name: Tomasz Nowak'));
    assert.match(applyFix(text, noRole), /- name: Tomasz Nowak {2}# expect: front-matter-schema\n {4}role: responder\n/);
    // all at once, one at a time
    for (let i = 0; i < found.length; i++) {
      const next = findingsOf(text, 'front-matter-schema')[0];
      if (!next) break;
      text = applyFix(text, next);
    }
    assert.deepEqual(findingsOf(text, 'front-matter-schema'), []);
  });

  it('reports a missing id or title on the first line, with a fix that adds the key before the closing fence', () => {
    const text = BASE.replace('id: INC-2026-060\n', '');
    const f = findingAt(text, 'front-matter-schema', 1);
    assert.equal(f.severity, 'error');
    assert.match(f.message, /no "id"/);
    const fixed = applyFix(text, f);
    assert.match(fixed, /authors: \[Ana Pereira\]\nid: INC-YYYY-NNN\n---\n/);
    assert.deepEqual(findingsOf(fixed, 'front-matter-schema'), []);
    assert.equal(findingsOf(text.replace('status: in-review', 'status: draft'), 'front-matter-schema')[0].severity, 'info');
  });

  it('leaves a missing major to major-incident', () => {
    const text = BASE.replace('major: false\n', '');
    assert.deepEqual(findingsOf(text, 'front-matter-schema'), []);
    assert.equal(findingsOf(text, 'major-incident').length, 1);
  });

  it('no front matter: one finding on line 1 with a skeleton that makes the front matter valid', () => {
    const text = BASE.slice(BASE.indexOf('# INC-2026-060'));
    const f = findingAt(text, 'front-matter-schema', 1);
    assert.match(f.message, /no front matter/);
    const fixed = applyFix(text, f);
    assert.ok(fixed.startsWith('---\nid: INC-YYYY-NNN\ntitle: Search suggestions empty after an index swap\nstatus: draft\nseverity: SEV3\nmajor: false\n---\n\n# INC-2026-060'));
    assert.deepEqual(findingsOf(fixed, 'front-matter-schema'), []);
  });

  it('the skeleton quotes a title that YAML would misread', () => {
    const text = '# Checkout: 5xx for 45 minutes after a settings push\n\n## Summary\n\nText.\n';
    const f = findingAt(text, 'front-matter-schema', 1);
    const fixed = applyFix(text, f);
    assert.match(fixed, /\ntitle: "Checkout: 5xx for 45 minutes after a settings push"\n/);
    assert.ok(!lint(fixed).some(x => x.rule === 'front-matter-syntax' || x.rule === 'front-matter-schema'));
  });

  it('knows the team severities and roles from .pir.yaml', () => {
    const text = BASE.replace('severity: SEV3', 'severity: P2').replace('role: responder', 'role: sre');
    assert.equal(findingsOf(text, 'front-matter-schema').length, 2);
    assert.equal(findingsOf(text, 'front-matter-schema', { config: 'severities: [P1, P2, P3]\nroles: [incident-commander, sre]' }).length, 0);
  });

  it('a misspelt key of an attendee or residual risk, and a key in another case, are renamed', () => {
    const text = BASE.replace('    role: responder', '    rloe: responder').replace('major: false', 'Major: false');
    const found = findingsOf(text, 'front-matter-schema');
    assert.deepEqual(found.map(f => f.message.slice(0, 40)), ['"Major" looks like a misspelling of "maj', '"rloe" looks like a misspelling of "role']);
    assert.deepEqual(findingsOf(text, 'major-incident'), [], 'the misspelt major is reported once');
  });

  it('skips broken YAML (front-matter-syntax reports it) and stays quiet on unknown keys', () => {
    const broken = BASE.replace('severity: SEV3', 'severity: [SEV3');
    assert.deepEqual(findingsOf(broken, 'front-matter-schema'), []);
    assert.ok(lint(broken).some(f => f.rule === 'front-matter-syntax'));
    assert.deepEqual(findingsOf(BASE.replace('severity: SEV3', 'severity: SEV3\nslack_channel: "#inc-060"\nteam: search'), 'front-matter-schema'), []);
  });

  it('schemas/review.schema.json is a draft-07 schema with the keys of the format', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../schemas/review.schema.json'), 'utf8'));
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    assert.deepEqual(schema.required, ['id', 'title', 'major']);
    for (const k of ['id', 'title', 'status', 'severity', 'major', 'major_rationale', 'approver', 'timezone', 'started', 'detected', 'mitigated', 'resolved', 'review_meeting', 'attendees', 'third_parties', 'services', 'authors', 'residual_risks']) {
      assert.ok(k in schema.properties, k);
    }
  });
});
