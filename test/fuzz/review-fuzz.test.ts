// The long run of the pipeline fuzz suite (test/unit/review-fuzz.test.ts) with FUZZ_RUNS cases per
// property: `npm run fuzz -- --runs 100000`.
import '../unit/review-fuzz.test';
