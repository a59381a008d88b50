// Reading plan files: their bytes (through file-io.ts, the one place plan files are read and
// written), decoded, and built into the plan model.

import { ScrumdownError } from '../errors.js';
import { buildPlan } from '../engine/build.js';
import { decodeBytes, looksBinary } from '../engine/decode.js';
import type { DecodedText } from '../engine/decode.js';
import { indexPlan } from '../engine/model.js';
import type { Plan, PlanIndex } from '../engine/model.js';
import { readPlanBytes } from './file-io.js';

export interface PlanFile {
  /** The path as the caller gave it, used in every message. */
  path: string;
  bytes: Uint8Array;
  decoded: DecodedText;
  text: string;
  /** Permission bits of the file, kept when it is rewritten. */
  mode: number;
}

export interface LoadedPlan extends PlanFile {
  plan: Plan;
  index: PlanIndex;
}

/** Reads and decodes a plan file without building the plan. */
export async function readPlanFile(path: string): Promise<PlanFile> {
  const { bytes, mode } = await readPlanBytes(path);
  if (looksBinary(bytes)) {
    throw new ScrumdownError('binary_file', `${path} looks like a binary file, not Markdown. Give the path of the plan's .md file.`, { path });
  }
  const decoded = decodeBytes(bytes);
  return { path, bytes, decoded, text: decoded.text, mode };
}

/** Reads, decodes and builds a plan file. */
export async function loadPlan(path: string): Promise<LoadedPlan> {
  const file = await readPlanFile(path);
  const plan = buildPlan(file.text, path);
  return { ...file, plan, index: indexPlan(plan) };
}

/** Loads several plans, in the order given. */
export async function loadPlans(paths: readonly string[]): Promise<LoadedPlan[]> {
  const plans: LoadedPlan[] = [];
  for (const path of paths) plans.push(await loadPlan(path));
  return plans;
}
