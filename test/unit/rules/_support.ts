/** Shared by the rule tests: lint a text like the fixtures are linted, apply a finding's fix, re-lint. */
import assert from 'node:assert/strict';
import { analyze, applyEdits, parseConfig, snippetToText, type Config, type Finding, type WorkspaceFacts } from '../../../src/core';
import { expectedFindings, foundFindings, FIXTURE_NOW, readFixture } from '../helpers/fixtures';

export interface LintOpts { config?: Config | string; uri?: string; workspace?: WorkspaceFacts; now?: Date }

export function lint(text: string, opts: LintOpts = {}): Finding[] {
  const config = typeof opts.config === 'string' ? parseConfig(opts.config).config : opts.config;
  return analyze(text, { uri: opts.uri ?? 'test.pir.md', config, now: opts.now ?? FIXTURE_NOW, workspace: opts.workspace }).findings;
}

export function findingsOf(text: string, rule: string, opts: LintOpts = {}): Finding[] {
  return lint(text, opts).filter(f => f.rule === rule);
}

/** The text after applying one fix of a finding (snippet placeholders replaced by their text). */
export function applyFix(text: string, f: Finding, which = 0): string {
  const fix = f.fixes?.[which];
  assert.ok(fix, `${f.rule} on line ${f.range.start.line + 1} has a fix #${which}`);
  const edits = fix.snippet ? fix.edits.map(e => ({ ...e, newText: snippetToText(e.newText) })) : fix.edits;
  return applyEdits(text, edits).text;
}

/** The one finding of a rule that starts on a line (1-based). */
export function findingAt(text: string, rule: string, line: number, opts: LintOpts = {}): Finding {
  const found = findingsOf(text, rule, opts).filter(f => f.range.start.line + 1 === line);
  assert.equal(found.length, 1, `one ${rule} finding on line ${line}; got: ${lint(text, opts).map(f => `${f.range.start.line + 1} ${f.rule}`).join(', ')}`);
  return found[0];
}

/** The 1-based line of the first line that contains a string. */
export function lineOf(text: string, needle: string): number {
  const i = text.split(/\r?\n/).findIndex(l => l.includes(needle));
  assert.ok(i >= 0, `"${needle}" is in the text`);
  return i + 1;
}

/** checkFixture with a workspace: the fixture's inline expectations against every finding. */
export function checkFixtureWith(name: string, opts: LintOpts): Finding[] {
  const text = readFixture(name);
  const findings = lint(text, { uri: name, ...opts });
  assert.deepEqual(foundFindings(findings), expectedFindings(text), `findings of ${name}:\n${findings.map(f => `  ${f.range.start.line + 1} ${f.rule}: ${f.message}`).join('\n')}`);
  return findings;
}

export { readFixture, FIXTURE_NOW };
