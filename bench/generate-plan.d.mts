// Types of the plan generator (bench/generate-plan.mjs) for TypeScript tests.
export type GeneratedDialect = 'checklist' | 'spec-kit' | 'kiro' | 'backlog' | 'tracker';
export interface GeneratePlanOptions {
  /** Number of plan items to write (acceptance checks are part of their item, not counted). */
  items: number;
  /** Seed of the pseudo-random sequence (default 1). */
  seed?: number;
  /** Dialects to mix (default: all of them). */
  dialects?: GeneratedDialect[];
  /** Line ending (default `\n`). */
  eol?: '\n' | '\r\n';
}
export const GENERATED_DIALECTS: GeneratedDialect[];
export function createRandom(seed: number): () => number;
export function mojibake(text: string): string;
export function generatePlan(options: GeneratePlanOptions): string;
