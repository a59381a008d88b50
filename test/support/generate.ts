// Typed entry point to the seeded plan generator shared with the benchmarks, for tests.
export { createRandom, generatePlan, GENERATED_DIALECTS, mojibake } from '../../bench/generate-plan.mjs';
export type { GeneratedDialect, GeneratePlanOptions } from '../../bench/generate-plan.mjs';
