// The action-quality analysis as a table, in the style of eslint's RuleTester: items that are
// concrete (valid) and items that are vague (invalid) with what they lack, one group per kind the
// guideline names. Every example is written for this project; none is copied from a real review.
import assert from 'node:assert/strict';
import { assessAction, type Missing } from '../../../src/core/analysis/action-quality';

interface Invalid { text: string; missing: Missing[] }

const valid: Record<string, string[]> = {
  'a change to a named system or component': [
    'Add a read replica for the orders database in eu-west-1',
    'Replace the cron-based cleanup in billing-worker with a Kubernetes CronJob',
    'Deploy connection draining on the edge proxies',
    'Set up a standby payments gateway in the second region',
    'Pin the version of libfoo in the build image',
    'Migrate session storage from memcached to Redis Cluster',
  ],
  'a direction with its value, or a setting to turn': [
    'Reduce the session TTL to 15 minutes',
    'Increase the replicas of the API gateway',
  ],
  'a change to a setting or threshold': [
    'Lower the checkout request timeout to 3 seconds',
    'Increase the connection pool of the inventory service to 200',
    'Enable rate limiting on the public search endpoint',
    'Turn on request hedging in the RPC client config',
  ],
  'an artifact: runbook, test, dashboard, check': [
    'Write a runbook for rotating the TLS certificates of the ingress',
    'Add an integration test that restarts the queue broker during a publish',
    'Create a dashboard of replication lag per shard',
    'Add a pre-merge check that rejects migrations without a down step',
    'Document the failover procedure for the message broker in the ops runbook',
  ],
  'monitoring with its signal or condition': [
    'Alert when the payment queue depth stays above 5,000 for 10 minutes',
    // "alert" read as an adjective by the tagger: before "when" it is the imperative
    'Alert when handshake failures between workers and the gateway exceed 1% for 2 minutes',
    'Alert when the newest indexed document is older than 15 minutes in any region',
    'Page the on-call when disk usage on the log volume passes 85%',
    'Add monitoring for certificate expiry on every public hostname',
    'Automated alerts for sustained replication lag on the primary',
  ],
  'a bounded check of a named hypothesis, or of a named option': [
    'Investigate whether the JVM heap limit causes the GC pauses seen on ingest nodes',
    'Find out why kube-proxy drops connections during node drains',
    'Evaluate PgBouncer as a replacement for the application-side pool',
    'Look into switching the build cache to S3',
  ],
  'training with a named artifact': [
    'Train the support rotation on the new escalation runbook',
    'Run a game day on the database failover drill each quarter',
  ],
  'hedged, passive or written as a sentence': [
    'Consider moving the nightly export off the primary database',
    'We will add a circuit breaker between the API gateway and the recommendations service',
    'The deploy pipeline should refuse an image without a signed SBOM',
    'Ensure that the backup job verifies each snapshot by restoring it to a scratch instance',
    'Do not run schema migrations from developer laptops against production',
    'Added a retry with backoff to the webhook sender',
  ],
};

const invalid: Record<string, Invalid[]> = {
  'behaviour instead of a change': [
    { text: 'Be more careful when deploying', missing: ['change', 'target'] },
    { text: 'Engineers need to stay vigilant during releases', missing: ['change', 'target'] },
    { text: 'More closely watch the dashboards after a deploy', missing: ['change', 'target'] },
    { text: 'Communicate better with the support team', missing: ['change', 'target'] },
  ],
  'improvement with no mechanism': [
    { text: 'Improve monitoring', missing: ['signal'] },
    { text: 'Improve the deploy tooling', missing: ['change'] },
    { text: 'Enhance the reliability of the platform', missing: ['change'] },
    { text: 'Strengthen our release process', missing: ['change'] },
    { text: 'Make deployments safer going forward', missing: ['change'] },
    { text: 'Strive for zero downtime deploys', missing: ['change'] },
    { text: 'Raise awareness of the rate limits among partner teams', missing: ['change'] },
  ],
  'more of something, none named': [
    { text: 'Add more tests', missing: ['target'] },
    { text: 'We need better alerting', missing: ['signal'] },
    { text: 'Write more documentation', missing: ['target'] },
  ],
  'a direction with no value or mechanism': [
    { text: 'Reduce the blast radius of config pushes', missing: ['change'] },
    { text: 'Tighten access controls', missing: ['change'] },
  ],
  'upkeep and knowledge asked of people': [
    { text: 'Keep documentation up to date', missing: ['change', 'target'] },
    { text: 'Make sure everyone knows the escalation path', missing: ['change', 'target'] },
  ],
  'a discussion, meeting or question': [
    { text: 'Discuss the on-call load with the team', missing: ['change'] },
    { text: 'Have a meeting about deploy freezes', missing: ['change'] },
    { text: 'How do we avoid this next time?', missing: ['change'] },
  ],
  'a process, plan or guideline with no content': [
    { text: 'Create a process for database changes', missing: ['change', 'artifact'] },
    { text: 'Define guidelines for incident communication', missing: ['change', 'artifact'] },
  ],
  'training with no artifact': [
    { text: 'Train engineers on the deploy tooling', missing: ['artifact'] },
    { text: 'Educate teams about rate limits', missing: ['artifact'] },
  ],
  'monitoring that names no signal': [
    { text: 'Add monitoring for the payments service', missing: ['signal'] },
    { text: 'Set up alerting', missing: ['signal'] },
    { text: 'Implement health monitoring to respond faster', missing: ['signal'] },
  ],
  'open-ended investigation': [
    { text: 'Investigate further options for resilience', missing: ['bound'] },
    { text: 'Explore ways to reduce toil', missing: ['bound'] },
    { text: 'Find a solution for the flaky builds', missing: ['bound'] },
  ],
  'a review that says nothing should change': [
    { text: 'Review the alerting configuration', missing: ['change'] },
  ],
  'a principle, a topic or a problem instead of a change': [
    { text: 'All services should be resilient', missing: ['change', 'target'] },
    { text: 'Database connection issues', missing: ['change'] },
    { text: 'Fix the issues', missing: ['target'] },
    { text: 'Ticket raised', missing: ['change', 'target'] },
  ],
};

describe('action-quality analysis', () => {
  for (const [kind, items] of Object.entries(valid)) {
    describe(`concrete: ${kind}`, () => {
      for (const text of items) it(text, () => {
        const a = assessAction(text);
        assert.equal(a.vague, false, `judged vague: ${a.because}`);
      });
    });
  }
  for (const [kind, items] of Object.entries(invalid)) {
    describe(`vague: ${kind}`, () => {
      for (const { text, missing } of items) it(text, () => {
        const a = assessAction(text);
        assert.equal(a.vague, true, 'judged concrete');
        assert.deepEqual(a.missing, missing, a.because);
      });
    });
  }

  it('a phrase the team marked as vague makes an item vague', () => {
    assert.equal(assessAction('Add a canary for the search API, as a best effort', ['best effort']).vague, true);
  });

  it('links, ticket references and done markers are not what the item names', () => {
    assert.equal(assessAction('[Improve monitoring](https://tracker.example/T-12)').vague, true);
    assert.equal(assessAction('Add an alert on 5xx rate above 2% for the checkout API ([T-13](https://tracker.example/T-13)) ✅').vague, false);
  });

  it('an item of a kind never seen is judged on what it names: concrete with a specific target, vague without', () => {
    assert.equal(assessAction('Quarantine the flaky contract tests of the ledger service behind a nightly job').vague, false);
    assert.equal(assessAction('Quarantine things').vague, true);
  });
});
