// Extension tests module for the commands suite (see test/integration/runner/mocha-index.ts).
import { runMochaSuite } from '../../runner/mocha-index';

export function run(): Promise<void> {
  return runMochaSuite(__dirname);
}
