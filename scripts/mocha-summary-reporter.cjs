// Mocha reporter for the unit tests run by scripts/test-all.mjs: prints like
// `spec` and, at the end, writes {passed, failed, pending, failures} as JSON to
// the file named by PIR_MOCHA_SUMMARY_FILE, so the totals need no parsing.
'use strict';

const fs = require('fs');
const mochaModule = require('mocha');

const Mocha = mochaModule.default ?? mochaModule.Mocha ?? mochaModule;
const Spec = (mochaModule.reporters ?? Mocha.reporters).Spec;
const { EVENT_RUN_END, EVENT_TEST_FAIL, EVENT_TEST_PASS, EVENT_TEST_PENDING } = (mochaModule.Runner ?? Mocha.Runner).constants;

function errorText(err) {
  const text = (err && (err.stack || err.message)) || String(err);
  return text.length > 4000 ? `${text.slice(0, 4000)}…` : text;
}

class SummaryReporter extends Spec {
  constructor(runner, options) {
    super(runner, options);
    const summary = { passed: 0, failed: 0, pending: 0, failures: [] };
    runner.on(EVENT_TEST_PASS, () => {
      summary.passed++;
    });
    runner.on(EVENT_TEST_PENDING, () => {
      summary.pending++;
    });
    runner.on(EVENT_TEST_FAIL, (test, err) => {
      summary.failed++;
      summary.failures.push({ title: test.fullTitle(), error: errorText(err) });
    });
    runner.once(EVENT_RUN_END, () => {
      const file = process.env.PIR_MOCHA_SUMMARY_FILE;
      if (file) fs.writeFileSync(file, JSON.stringify(summary));
    });
  }
}

module.exports = SummaryReporter;
