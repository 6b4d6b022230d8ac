#!/usr/bin/env node
// `npm run test:electron`: the same integration suites in desktop VS Code,
// downloaded by @vscode/test-electron (needs Microsoft's update servers, so it
// works on a developer's machine, not on the offline CI machine; on a Linux
// box without a display run it under xvfb-run).
//
// Usage: node test/integration/runner/electron.mjs [--suite <name>]... [--version <stable|insiders|1.x.y>]

import { rmSync } from 'node:fs';
import { dirname } from 'node:path';

import { buildIntegrationTests } from '../build.mjs';
import { copyWorkspace, selectSuites } from './suites.mjs';

function parseArgs(argv) {
  const o = { suites: [], version: process.env.VSCODE_VERSION || 'stable' };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--suite') o.suites.push(argv[++i]);
    else if (argv[i] === '--version') o.version = argv[++i];
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  return o;
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const { runTests } = await import('@vscode/test-electron');
  await buildIntegrationTests();
  const suites = selectSuites(o.suites);
  const failedSuites = [];
  for (const suite of suites) {
    console.log(`\n=== suite ${suite.name} (desktop VS Code ${o.version}) ===`);
    const workspace = copyWorkspace(suite);
    try {
      const launchArgs = [
        workspace,
        '--disable-extensions', // only the extension under development
        '--skip-welcome',
        '--skip-release-notes',
      ];
      if (!suite.trust) launchArgs.push('--disable-workspace-trust');
      if (suite.web) launchArgs.push('--extensionDevelopmentKind=web');
      // runTests rejects (TestRunFailedError) when run() rejected, i.e. a test failed
      await runTests({
        version: o.version,
        extensionDevelopmentPath: suite.extension,
        extensionTestsPath: suite.tests,
        launchArgs,
        extensionTestsEnv: { PIR_TEST_SUITE: suite.name },
      });
      console.log(`[electron] ${suite.name}: passed`);
    } catch (e) {
      failedSuites.push(suite.name);
      console.error(`[electron] ${suite.name}: FAILED: ${e.message}`);
    } finally {
      rmSync(dirname(workspace), { recursive: true, force: true });
    }
  }
  if (failedSuites.length) {
    console.error(`\nfailed suites: ${failedSuites.join(', ')}`);
    process.exit(1);
  }
}

main().catch((e) => {
  console.error(e.stack || e.message);
  process.exit(1);
});
