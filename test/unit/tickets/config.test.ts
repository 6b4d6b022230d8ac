import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { parseConfig, ticketFor, trackerOrigin, trackingUrl, ticketRef, type TrackerConfig } from '../../../src/core';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas/pir-config.schema.json'), 'utf8'));
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(schema);

const messages = (yaml: string) => parseConfig(yaml).findings.map(f => f.message);

describe('the tracker: block of .pir.yaml', () => {
  it("every .pir.yaml block in docs/tickets.md is valid for the schema and the parser (they are meant to be copied)", () => {
    const doc = fs.readFileSync(path.join(ROOT, 'docs/tickets.md'), 'utf8');
    const blocks = [...doc.matchAll(/```yaml\n([^]*?)```/g)].map(m => m[1]).filter(b => b.startsWith('tracker:'));
    assert.equal(blocks.length, 4, 'GitHub, GitHub Enterprise, Jira Cloud, Jira Data Center');
    const kinds = new Set<string>();
    for (const b of blocks) {
      assert.ok(validate(parse(b)), `${b}\n${JSON.stringify(validate.errors)}`);
      const { config, findings } = parseConfig(b);
      assert.deepEqual(findings.map(f => f.message), [], b);
      assert.ok(config.tracker, b);
      kinds.add(config.tracker.kind === 'jira' ? `jira-${config.tracker.deployment}` : `github-${trackerOrigin(config.tracker)}`);
    }
    assert.deepEqual([...kinds].sort(), ['github-https://api.github.com', 'github-https://github.example.com', 'jira-cloud', 'jira-data-center']);
  });

  it('reports each mistake on one line, and a credential in an address is refused', () => {
    assert.deepEqual(messages('tracker:\n  github:\n    repository: acme\n'), ['"repository" must be owner/name, e.g. acme/incident-actions.']);
    assert.deepEqual(messages('tracker:\n  github:\n    repository: acme/x\n  jira:\n    url: https://x.atlassian.net\n'), ['"tracker" must have exactly one key, github or jira (found github, jira).']);
    assert.deepEqual(messages('tracker:\n  jira:\n    url: https://bot:secret@jira.example.com\n    project: OPS\n'), ['"url" must not carry a user name or password: credentials never go in .pir.yaml.']);
    assert.deepEqual(messages('tracker:\n  jira:\n    url: https://acme.atlassian.net\n    project: OPS\n'), ['Jira Cloud needs "email": the account the API token belongs to (the token itself never goes in .pir.yaml).']);
    assert.deepEqual(messages('tracker:\n  jira:\n    url: https://jira.example.com\n    project: ops\n    token: abc\n'), ['Unknown setting "token" in tracker.jira.', '"project" must be a Jira project key such as OPS.']);
    assert.deepEqual(messages('tracker:\n  github:\n    repository: acme/x\n    apiUrl: file:///etc/passwd\n'), ['"apiUrl" must be an http(s) address, not file:.']);
    // the schema says the same
    assert.equal(validate(parse('tracker:\n  jira:\n    url: https://jira.example.com\n    project: OPS\n    token: abc\n')), false);
    assert.equal(validate(parse('tracker:\n  github:\n    repository: acme/x\n  jira:\n    url: https://x.atlassian.net\n    project: OPS\n')), false);
  });

  it('a tracking value is read as the address it holds; only the configured repository or site counts as a ticket', () => {
    const gh = parseConfig('tracker:\n  github:\n    repository: acme/incident-actions\n').config.tracker as TrackerConfig;
    assert.equal(trackingUrl('[acme/incident-actions#7](https://github.com/acme/incident-actions/issues/7)'), 'https://github.com/acme/incident-actions/issues/7');
    assert.equal(trackingUrl('<https://github.com/acme/incident-actions/issues/7>'), 'https://github.com/acme/incident-actions/issues/7');
    assert.equal(trackingUrl('see https://github.com/acme/incident-actions/issues/7.'), 'https://github.com/acme/incident-actions/issues/7');
    assert.equal(trackingUrl('PLAT-2291'), undefined);
    assert.deepEqual(ticketRef('https://github.com/ACME/incident-actions/issues/7', gh), { key: 'acme/incident-actions#7', number: 7 });
    assert.equal(ticketRef('https://github.com/acme/incident-actions/pull/7', gh), undefined);
    assert.equal(ticketRef('https://github.com/acme/other/issues/7', gh), undefined);
    assert.equal(ticketRef('https://evil.example/acme/incident-actions/issues/7', gh), undefined);
    const jira = parseConfig('tracker:\n  jira:\n    url: https://jira.example.com/jira\n    project: OPS\n').config.tracker as TrackerConfig;
    assert.deepEqual(ticketRef('https://jira.example.com/jira/browse/OPS-12', jira), { key: 'OPS-12' });
    assert.equal(ticketRef('https://jira.example.com/browse/OPS-12', jira), undefined);
  });

  it('a ticket never carries an owner Jira would have to guess; a team of several owners is assigned its first', () => {
    const jira = parseConfig('tracker:\n  jira:\n    url: https://jira.example.com\n    project: OPS\n    owners: { "@Ana": apereira }\n').config.tracker as TrackerConfig;
    const item = { id: 'CAP-1-1', title: 'Alert on lag', status: 'open' as const, owner: '@li', due: 'next sprint', type: 'detect', domain: '', validation: '', tracking: '', evidence: '', depends: '', line: 0 };
    const review = { id: 'INC-1', title: 'Lag', link: 'reviews/lag.pir.md' };
    assert.equal(ticketFor(item, review, jira).assignee, undefined);
    assert.equal(ticketFor(item, review, jira).due, undefined, 'a due that is not a date is not sent');
    assert.equal(ticketFor({ ...item, owner: '@ana, @li' }, review, jira).assignee, 'apereira');
  });
});
