// The long run of the time property test (test/unit/time-property.test.ts) with FUZZ_RUNS cases:
// `npm run fuzz -- --runs 100000`.
import '../unit/time-property.test';
