// A stored document's version read by the engine: the bytes, their decoded text, the plan and its
// index. Building a plan costs time proportional to the document (a 10k-item plan takes a few
// hundred milliseconds), so the server keeps the versions it has read (see cache.ts) and derives
// everything else from them.

import { buildPlan } from '../../engine/build.js';
import { decodeBytes } from '../../engine/decode.js';
import type { DecodedText } from '../../engine/decode.js';
import { indexPlan } from '../../engine/model.js';
import type { Plan, PlanIndex } from '../../engine/model.js';

export interface ParsedDocument {
  id: string;
  projectId: string;
  name: string;
  version: number;
  bytes: Uint8Array;
  decoded: DecodedText;
  plan: Plan;
  index: PlanIndex;
  /**
   * Values derived from this version (filtered lists, the dependency graph), dropped whenever the
   * version changes. Keys are chosen by the caller.
   */
  memo: Map<string, unknown>;
  /** Box characters by kind, counted when an edit first needs them (see fast-update.ts). */
  boxCounts?: BoxCounts;
}

export interface BoxCounts {
  upper: number;
  lower: number;
  tilde: number;
  dash: number;
}

export interface DocumentSource {
  id: string;
  projectId: string;
  name: string;
  version: number;
  bytes: Uint8Array;
}

export function parseDocument(source: DocumentSource): ParsedDocument {
  const decoded = decodeBytes(source.bytes);
  const plan = buildPlan(decoded.text, source.name);
  return { ...source, decoded, plan, index: indexPlan(plan), memo: new Map() };
}

/** A per-version memo: computes once per document version. */
export function memoized<T>(document: ParsedDocument, key: string, compute: () => T): T {
  if (document.memo.has(key)) return document.memo.get(key) as T;
  const value = compute();
  // Lists for many filter combinations must not grow without bound.
  if (document.memo.size >= 64) document.memo.clear();
  document.memo.set(key, value);
  return value;
}
