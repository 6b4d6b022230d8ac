// The blame analysis as a table, in the style of eslint's RuleTester: sentences that put the cause
// on a person or the team (invalid, with the words reported) and sentences that do not (valid), one
// group per kind the guideline names. Every sentence is written for this project.
import assert from 'node:assert/strict';
import { BLAME_PATTERNS, findMatches, SHALLOW_CAUSES, subjectBefore } from '../../../src/core/analysis/blame';

/** The words reported in a sentence, by any blame or shallow-cause pattern. */
function reported(text: string): string[] {
  return [...BLAME_PATTERNS, ...SHALLOW_CAUSES].flatMap(p => findMatches(text, p).map(m => m.text));
}

const invalid: Record<string, [string, string][]> = {
  'hindsight about a person\'s decision': [
    ['The on-call engineer should have checked the replica lag first.', 'should have checked'],
    ['In hindsight, we should have asked the vendor for the change log.', 'should have asked'],
    ['- Too many hosts restarted at once - should have done the upgrade on one host first', 'should have done'],
    ['The platform team should have been involved in the rollout plan.', 'should have'],
    ['Mara should not have merged on a Friday.', 'should not have'],
  ],
  'idioms of blame and self-blame': [
    ['Looking back, we made one critical mistake: staging shared the production token.', 'made one critical mistake'],
    ['Frankly, the release team dropped the ball on the announcement.', 'dropped the ball'],
    ['It was our fault that the certificate expired.', 'our fault'],
    ['Frankly, the on-call engineer was at fault.', 'at fault'],
    ['The rollout was careless about partial indexes.', 'careless'],
  ],
  'a person or role as the cause': [
    ['The outage was caused by a junior engineer running the script.', 'caused by a junior engineer'],
    ['A new member of the infra team inadvertently overwrote the shared keypair.', 'inadvertently overwrote'],
    ['Our maintainers assumed the flag was off by default.', 'assumed'],
    ['@sam broke the deploy by pushing to main.', '@sam broke'],
  ],
  '"failed to", said of people': [
    ['We failed to take into consideration that partners use the test network daily.', 'failed to take into consideration'],
    ['| Partners | No | Failed to proactively notify users of the downtime |', 'Failed to proactively notify'],
    ['Unfortunately we failed to restart the workers after the change.', 'failed to restart'],
    ['The main gap was the failure to notify customers before the maintenance.', 'failure to notify'],
  ],
  'omissions framed as a person\'s': [
    ['He did not check the free space after the import.', 'did not check'],
    ['A problem we knew was coming, but did not keep a close eye on.', 'did not keep a close eye'],
  ],
  '"human error", "by mistake", "an oversight" as the whole cause': [
    ['The root cause was human error.', 'human error'],
    ['The production database was dropped by mistake.', 'by mistake'],
    ['Missing fee support in the CLI was an honest oversight.', 'was an honest oversight'],
    ['The engineer forgot to renew the certificate.', 'forgot to'],
  ],
};

const valid: Record<string, string[]> = {
  'negation': [
    'This review is not about blaming anyone.',
    'No one is at fault for what the job allowed.',
    'This was not human error: the job gave no sign that the index was partial.',
  ],
  'quotation: a phrase mentioned, not asserted': [
    'The channel asked "who should have checked this?" and the lead moved the discussion on.',
    'We avoid “human error” as a cause in our reviews.',
  ],
  'a system\'s expected behaviour, not a decision': [
    'Given the load, the gas price should have increased within two blocks.',
    'The health check should have caught the bad release, but it only checks the port.',
    'Critical pods should have priority over batch jobs.',
  ],
  'systems that "failed to" do something': [
    'The alert failed to page, and the pods failed to start.',
    'The exporter failed to flush its buffer.',
  ],
  'a thing at fault, or one people were told was': [
    'Agents told some customers their bank was at fault.',
    'The load balancer was at fault, not the application.',
  ],
  'the responders\' reasoning at the time, in their own words': [
    'We assumed the errors came from the proxy and started debugging there.',
    'Carol assumed the incident commander role at 10:56.',
  ],
  'impact on users, not an omission of the responders': [
    'Existing sessions kept working, so most users did not notice.',
  ],
  'an oversight body and a flaw in code, not a person\'s slip': [
    'The security council provides oversight of upgrades.',
    'An oversight in the code meant that keys for departing nodes were fetched too.',
  ],
};

describe('blame analysis', () => {
  for (const [kind, rows] of Object.entries(invalid)) {
    describe(`reported: ${kind}`, () => {
      for (const [text, words] of rows) it(text, () => assert.ok(reported(text).includes(words), `reported: ${JSON.stringify(reported(text))}`));
    });
  }
  for (const [kind, rows] of Object.entries(valid)) {
    describe(`not reported: ${kind}`, () => {
      for (const text of rows) it(text, () => assert.deepEqual(reported(text), []));
    });
  }

  it('reads the subject of a clause: a person, a thing, or none (a fragment)', () => {
    const at = (s: string) => subjectBefore(s, s.indexOf('should'));
    assert.equal(at('In hindsight, we should'), 'person');
    assert.equal(at('The on-call engineer should'), 'person');
    assert.equal(at('Li Wei should'), 'person');
    assert.equal(at('The multisend blocks should'), 'thing');
    assert.equal(at('The monitoring of docs.example.dev should'), 'thing');
    assert.equal(at('- should'), 'none');
  });

  it('rewords toward what the system prompted, as well as plainly', () => {
    const hindsight = BLAME_PATTERNS[0];
    const [m] = findMatches('The engineer should have checked the lag.', hindsight);
    assert.deepEqual(hindsight.reword!(m.m), ['did not check', 'had no prompt to check']);
  });
});
