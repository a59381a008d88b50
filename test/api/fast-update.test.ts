// The carried-over plan after a status edit must be exactly the plan a full build of the edited
// text gives: checked on the project's fixtures and generated plans, one and several items at a
// time, for every status each item can take.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../src/engine/build.js';
import { encodeWithEdits } from '../../src/engine/decode.js';
import { spliceEdits } from '../../src/engine/edit/apply.js';
import { contentHash } from '../../src/engine/hash.js';
import type { Status } from '../../src/engine/model.js';
import { createRandom, generatePlan } from '../support/generate.js';
import { planFastUpdate } from '../../src/services/documents/fast-update.js';
import { editsForRequests } from '../../src/services/documents/item-edits.js';
import { parseDocument } from '../../src/services/documents/parsed.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const CORPUS = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus');
const corpus = existsSync(CORPUS) ? readdirSync(CORPUS).filter((file) => file.endsWith('.txt')) : [];
const TARGETS: Status[] = ['todo', 'in_progress', 'done', 'blocked', 'review'];

function documentOf(name: string, text: string) {
  return parseDocument({ id: name, projectId: 'p', name, version: 1, bytes: new TextEncoder().encode(text) });
}

/** Applies a batch of status changes; returns how many went through the fast path. */
function check(name: string, text: string, changes: Array<[string, Status]>): boolean {
  const document = documentOf(name, text);
  const requests = changes.map(([id, status]) => ({ item: document.index.byId.get(id)!, changes: [{ field: 'status' as const, value: status }] }));
  const results = editsForRequests(document, requests);
  const edits = results.flatMap((result) => (result.ok ? result.edits : [])).sort((a, b) => a.start - b.start);
  if (edits.length === 0) return false;
  const targets = new Map<string, Status>();
  results.forEach((result, i) => {
    if (result.ok) targets.set(changes[i][0], changes[i][1]);
  });
  const fast = planFastUpdate(document, edits, targets);
  if (!fast) return false;
  const bytes = encodeWithEdits(document.decoded, { hash: document.plan.hash, edits });
  const newText = spliceEdits(document.decoded.text, edits);
  expect(new TextDecoder().decode(bytes)).toBe(newText);
  const after = fast.apply({ version: 2, bytes, decoded: { ...document.decoded, text: newText }, hash: contentHash(newText) });
  expect(after.plan).toEqual(buildPlan(newText, name));
  return true;
}

describe('planFastUpdate', () => {
  const fixtures = readdirSync(FIXTURES).filter((file) => file.endsWith('.md'));
  for (const file of fixtures) {
    it(`matches a full build for every single status change in ${file}`, () => {
      const text = readFileSync(join(FIXTURES, file), 'utf8');
      const plan = buildPlan(text, file);
      let fastCount = 0;
      for (const item of plan.items) {
        if (item.statusSource === 'rollup') continue;
        for (const status of TARGETS) {
          if (status === item.status) continue;
          try {
            if (check(file, text, [[item.id, status]])) fastCount++;
          } catch (error) {
            if ((error as { code?: string }).code === 'status_not_expressible') continue;
            throw error;
          }
        }
      }
      // A plan with checkboxes or status fields has edits the fast path carries over.
      if (plan.items.some((item) => item.checkbox || item.statusField)) expect(fastCount).toBeGreaterThan(0);
    });
  }

  it('matches a full build for batches of changes on generated plans', () => {
    for (const seed of [1, 2, 3]) {
      const text = generatePlan({ items: 300, seed });
      const plan = buildPlan(text, 'generated.md');
      const random = createRandom(seed);
      const candidates = plan.items.filter((item) => item.statusSource !== 'rollup' && item.kind !== 'check');
      for (let round = 0; round < 10; round++) {
        const picked = new Map<string, Status>();
        for (let i = 0; i < 8; i++) {
          const item = candidates[Math.floor(random() * candidates.length)];
          picked.set(item.id, item.checkbox && !item.statusField ? (['todo', 'in_progress', 'done'] as Status[])[Math.floor(random() * 3)] : TARGETS[Math.floor(random() * TARGETS.length)]);
        }
        check('generated.md', text, [...picked]);
      }
    }
  });

  describe.skipIf(corpus.length === 0)('on the real plans', () => {
    for (const file of corpus) {
      it(`matches a full build for sampled status changes in ${file}`, () => {
        const text = readFileSync(join(CORPUS, file), 'utf8');
        const plan = buildPlan(text, file);
        const settable = plan.items.filter((item) => item.statusSource !== 'rollup');
        const step = Math.max(1, Math.floor(settable.length / 25));
        for (let i = 0; i < settable.length; i += step) {
          for (const status of ['todo', 'in_progress', 'done'] as Status[]) {
            if (status === settable[i].status) continue;
            try {
              check(file, text, [[settable[i].id, status]]);
            } catch (error) {
              if ((error as { code?: string }).code === 'status_not_expressible') continue;
              throw error;
            }
          }
        }
      });
    }
  });

  it('refuses an edit that inserts a line', () => {
    const text = ['# Plan', '', '### T-1: Heading item without a status', 'Some text.', ''].join('\n');
    const document = documentOf('plan.md', text);
    const item = document.plan.items[0];
    const [result] = editsForRequests(document, [{ item, changes: [{ field: 'status', value: 'done' }] }]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.edits[0].text).toContain('\n');
    expect(planFastUpdate(document, result.edits, new Map([[item.id, 'done']]))).toBeNull();
  });
});
