/**
 * Fixture documents carry their expected findings inline, as markdownlint's fixtures do:
 *   <!-- expect: rule-id [rule-id…] -->   on its own line: the next line that is not an expect
 *                                         comment has a finding of each rule (start line)
 *   key: value  # expect: rule-id         at the end of a front matter line: that line
 * A fixture passes when the set of (line, rule) pairs found equals the set expected.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import assert from 'node:assert/strict';
import { analyze, parseConfig, type Finding, type Config } from '../../../src/core';

export const FIXTURES = path.join(__dirname, '..', 'fixtures');

export function expectedFindings(text: string): string[] {
  const lines = text.split(/\r\n|\n|\r/);
  const out: string[] = [];
  let pending: string[] = [];
  lines.forEach((line, i) => {
    const html = /^\s*<!--\s*expect:\s*([\w\s-]+?)\s*-->\s*$/.exec(line);
    if (html) { pending.push(...html[1].split(/\s+/)); return; }
    for (const r of pending) out.push(`${i + 1} ${r}`);
    pending = [];
    const yaml = /\s#\s*expect:\s*([\w\s-]+?)\s*$/.exec(line);
    if (yaml) for (const r of yaml[1].split(/\s+/)) out.push(`${i + 1} ${r}`);
  });
  return out.sort();
}

export function foundFindings(findings: Finding[]): string[] {
  return findings.map(f => `${f.range.start.line + 1} ${f.rule}`).sort();
}

export function readFixture(name: string): string { return fs.readFileSync(path.join(FIXTURES, name), 'utf8'); }

/** Fixtures run with `now` fixed, so date rules (overdue, deadlines) give stable results. */
export const FIXTURE_NOW = new Date('2026-11-23T12:00:00Z');

/** `only`: compare just these rules' findings (a fixture written for some rules, not the whole catalogue). */
export function checkFixture(name: string, config?: Config | string, only?: string[]): Finding[] {
  const text = readFixture(name);
  const cfg = typeof config === 'string' ? parseConfig(config).config : config;
  const { findings: all } = analyze(text, { uri: name, config: cfg, now: FIXTURE_NOW });
  const findings = only ? all.filter(f => only.includes(f.rule)) : all;
  assert.deepEqual(foundFindings(findings), expectedFindings(text), `findings of ${name}:\n${findings.map(f => `  ${f.range.start.line + 1} ${f.rule}: ${f.message}`).join('\n')}`);
  return findings;
}
