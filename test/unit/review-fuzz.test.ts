/**
 * The pipeline fuzz suite (issue 17): see helpers/fuzzReviews.ts for the generators and the
 * properties. FUZZ_RUNS sets the number of cases, split between the two properties (default 2,000,
 * as `npm test` runs it);
 * `npm run fuzz -- --runs 100000` is the long run (test/fuzz/review-fuzz.test.ts).
 */
import fc from 'fast-check';
import { generatedReview, holds, mutatedReview } from './helpers/fuzzReviews';

/** FUZZ_RUNS cases in all, half generated and half mutated (default 2,000). */
const RUNS = Math.max(2, Math.round((Number(process.env.FUZZ_RUNS) || 2000) / 2));

describe('fuzz: the pipeline over generated and mutated reviews', function () {
  this.timeout(0);
  it(`generated reviews (${RUNS} cases)`, () => {
    fc.assert(fc.property(generatedReview, t => holds(t, true)), { numRuns: RUNS });
  });
  it(`mutated reviews (${RUNS} cases)`, () => {
    fc.assert(fc.property(mutatedReview, t => holds(t, false)), { numRuns: RUNS });
  });
});
