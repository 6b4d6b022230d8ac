// Extension tests module for the web suite: VS Code loads it in the web worker extension host
// (run-code-server.mjs adds `extensionDevelopmentKind: web` to the workbench payload), where the
// extension runs from its `browser` entry, dist/web/extension.js. Built as one browser bundle by
// test/integration/build.mjs: the tests are imported here, not found on disk.
import { runSuite } from './runner';
import './web.test';

export function run(): Promise<void> {
  return runSuite('web');
}
