// Extension tests module for the smoke suite: VS Code calls run() in the
// extension host (see test/integration/runner/mocha-index.ts).
import { runMochaSuite } from '../../runner/mocha-index';

export function run(): Promise<void> {
  return runMochaSuite(__dirname);
}
