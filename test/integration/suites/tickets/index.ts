// Extension tests module for the tickets suite (see test/integration/runner/mocha-index.ts).
import { runMochaSuite } from '../../runner/mocha-index';

export function run(): Promise<void> {
  return runMochaSuite(__dirname, { timeout: 90_000 });
}
