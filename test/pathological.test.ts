// Hostile and degenerate plans through the whole builder: deep nesting, huge lines, unterminated
// fences, NUL bytes, and repetition that would make a careless builder quadratic. Each must
// finish quickly, without a stack overflow, and give a plan that still makes sense.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { analyzePlan } from '../src/engine/analyze/index.js';
import { buildPlan } from '../src/engine/build.js';
import { decodeBytes } from '../src/engine/decode.js';
import { lintPlan } from '../src/engine/lint/index.js';
import { indexPlan, type Plan } from '../src/engine/model.js';
import { GENERATED_DIALECTS, generatePlan } from './support/generate.js';

/** Builds and returns the plan with the elapsed milliseconds. */
function timed(text: string): { plan: Plan; ms: number } {
  const started = performance.now();
  const plan = buildPlan(text, 'hostile.md');
  return { plan, ms: performance.now() - started };
}

// Bounds that catch quadratic time (tens of seconds here), not a slow or busy machine.
const LIMIT_MS = 5000;

describe('hostile input through buildPlan', () => {
  it('100,000 nested list markers on one line', () => {
    const { plan, ms } = timed('- '.repeat(100_000) + '[ ] x');
    expect(plan.items.length).toBeLessThanOrEqual(1);
    expect(ms).toBeLessThan(LIMIT_MS);
  });

  it('100,000 nested blockquotes, with a task inside', () => {
    const { plan, ms } = timed('>'.repeat(100_000) + ' - [ ] T001 quoted\n' + '> '.repeat(100_000));
    expect(plan.items).toEqual([]);
    expect(ms).toBeLessThan(LIMIT_MS);
  });

  it('a staircase of tasks 4,000 levels deep and back', () => {
    const lines: string[] = [];
    for (let i = 0; i < 4000; i++) lines.push('\t'.repeat(i) + '- [ ] down');
    for (let i = 3999; i >= 0; i--) lines.push('\t'.repeat(i) + '- [x] up');
    const { plan, ms } = timed(lines.join('\n'));
    expect(plan.items.length).toBe(8000);
    // Each item on the way down is the parent of the next; parents always come first.
    expect(plan.items[1].parent).toBe(plan.items[0].id);
    expect(plan.items[3999].parent).toBe(plan.items[3998].id);
    expect(plan.items[7999].parent).toBeNull();
    const position = new Map(plan.items.map((item, i) => [item.id, i]));
    expect(new Set(plan.items.map((item) => item.id)).size).toBe(8000);
    for (const [i, item] of plan.items.entries()) {
      if (item.parent !== null) expect(position.get(item.parent)).toBeLessThan(i);
    }
    expect(ms).toBeLessThan(LIMIT_MS);
  });

  it('100,000 top-level tasks', () => {
    const { plan, ms } = timed('# Plan\n\n' + '- [ ] x\n- [x] y\n'.repeat(50_000));
    expect(plan.items.length).toBe(100_000);
    expect(plan.items.filter((item) => item.status === 'done').length).toBe(50_000);
    expect(ms).toBeLessThan(LIMIT_MS);
  });

  it('a 10 MB single line, in several shapes', () => {
    const size = 10_000_000;
    const shapes: Array<[string, number]> = [
      ['a'.repeat(size), 0],
      ['- [ ] ' + 'x'.repeat(size), 1],
      ['# ' + 'x'.repeat(size), 0],
      ['### OPS-001: ' + 'x'.repeat(size), 1],
      ['**Priority:** ' + 'HIGH | '.repeat(size / 7), 0],
      ['| ' + 'cell | '.repeat(size / 7), 0],
      ['`'.repeat(size), 0],
    ];
    for (const [text, items] of shapes) {
      const { plan, ms } = timed(text);
      expect(plan.items.length).toBe(items);
      expect(ms).toBeLessThan(LIMIT_MS);
    }
  });

  it('an unterminated fence swallowing 100,000 task lines', () => {
    const { plan, ms } = timed('- [ ] T001 real\n```\n' + '- [ ] T002 code\n'.repeat(100_000));
    expect(plan.items.map((item) => item.id)).toEqual(['T001']);
    expect(ms).toBeLessThan(LIMIT_MS);
  });

  it('1 MB of NUL bytes, and NULs inside a plan', () => {
    expect(timed('\0'.repeat(1_000_000)).plan.items).toEqual([]);
    const { plan } = timed('# P\0lan\n- [ ] T001 a\0b\n- [x] T002 \0\n');
    expect(plan.items.map((item) => [item.id, item.status])).toEqual([
      ['T001', 'todo'],
      ['T002', 'done'],
    ]);
  });

  it('reads plans with invalid UTF-8 through decoding, analysis and lint without throwing', () => {
    const fragments = ['- [ ] T001 a\n', '### OPS-1: x\n**Points:** 3\n', '```\n', '| a |\n', '  - [x] 1.2 b\n', '> q\n', '\r\n'];
    const piece = fc.oneof(
      fc.uint8Array({ maxLength: 12 }),
      fc.constantFrom(...fragments).map((fragment) => new TextEncoder().encode(fragment)),
      fc.constantFrom(new Uint8Array([0xff]), new Uint8Array([0xc3]), new Uint8Array([0xed, 0xa0, 0x80]), new Uint8Array([0xf0, 0x9f])),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const bytes = new Uint8Array(pieces.reduce((sum, p) => sum + p.length, 0));
        let at = 0;
        for (const p of pieces) {
          bytes.set(p, at);
          at += p.length;
        }
        const plan = buildPlan(decodeBytes(bytes).text, 'bytes.md');
        const index = indexPlan(plan);
        analyzePlan(plan, { index, seed: 1 });
        lintPlan(plan, index);
      }),
      { numRuns: 300, seed: 20261122 },
    );
  });

  it('never throws on stray bytes, lone surrogates and replacement characters', () => {
    const text = '\uD800# \uDFFF\n- [ ] T001 \uFFFD\uD83D\n### OPS-\uD800: x\n**Status:** \uFFFD\n| a\uDC00 |\n';
    expect(() => buildPlan(text)).not.toThrow();
  });
});

/** Repetition the builder must take in linear time: unique suffixes must not be counted up from 2 each time. */
describe('repetition', () => {
  // Sizes where quadratic work takes tens of seconds and linear work a fraction of one, so the
  // bound holds on a busy machine and still catches the regression.
  it('16,000 sections with the same title', () => {
    const text = Array.from({ length: 16_000 }, (_, i) => `## Tasks\n\n- [ ] T${i + 1} step`).join('\n\n');
    const { plan, ms } = timed(text);
    expect(plan.sections.length).toBe(16_000);
    expect(new Set(plan.sections.map((section) => section.id)).size).toBe(16_000);
    expect(ms).toBeLessThan(4000);
  });

  it('16,000 items with the same explicit id', () => {
    const { plan, ms } = timed(Array.from({ length: 16_000 }, () => '- [ ] T001 Write unit tests').join('\n'));
    expect(new Set(plan.items.map((item) => item.id)).size).toBe(16_000);
    expect(plan.findings.filter((finding) => finding.rule === 'duplicate-id')).toHaveLength(15_999);
    expect(ms).toBeLessThan(4000);
  });
});

/** Long dependency chains and deep trees through analysis and lint: no recursion may overflow. */
describe('deep plans through analysis and lint', () => {
  it('a dependency chain 100,000 tasks long', () => {
    const lines = ['# Plan', '', '## Phase 1: Chain', ''];
    const id = (n: number) => `T${String(n).padStart(3, '0')}`;
    for (let i = 1; i <= 100_000; i++) lines.push(`- [${i <= 10 ? 'x' : ' '}] ${id(i)} step${i > 1 ? ` (depends on ${id(i - 1)})` : ''}`);
    const started = performance.now();
    const plan = buildPlan(lines.join('\n'));
    const index = indexPlan(plan);
    const analysis = analyzePlan(plan, { index, seed: 1 });
    const findings = lintPlan(plan, index);
    const ms = performance.now() - started;
    const tasks = plan.items.filter((item) => item.kind === 'task');
    expect(tasks.length).toBe(100_000);
    expect(tasks[99_999].id).toBe('T100000');
    // T001–T010 are done, so T011 is the only ready task and everything after it waits.
    expect(analysis.graph.ready).toEqual(['T011']);
    expect(analysis.graph.cycles).toEqual([]);
    expect(analysis.graph.critical.path.length).toBe(99_990);
    expect(findings.filter((finding) => finding.severity === 'error')).toEqual([]);
    expect(ms).toBeLessThan(4 * LIMIT_MS);
  });

  it('a staircase 3,000 levels deep', () => {
    const lines: string[] = [];
    for (let i = 0; i < 3000; i++) lines.push('\t'.repeat(i) + `- [${i % 2 ? 'x' : ' '}] level ${i}`);
    const started = performance.now();
    const plan = buildPlan(lines.join('\n'));
    const index = indexPlan(plan);
    const analysis = analyzePlan(plan, { index, seed: 1 });
    lintPlan(plan, index);
    expect(plan.items.length).toBe(3000);
    // Only the innermost item has no children, so it is the only actionable one.
    expect(analysis.graph.nodes).toEqual([plan.items[2999].id]);
    expect(performance.now() - started).toBeLessThan(LIMIT_MS);
  });
});

describe('generated plans', () => {
  it('never make buildPlan throw, and give unique ids with parents first', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 250 }),
        fc.subarray([...GENERATED_DIALECTS], { minLength: 1 }),
        fc.constantFrom('\n' as const, '\r\n' as const),
        (seed, items, dialects, eol) => {
          const plan = buildPlan(generatePlan({ items, seed, dialects, eol }), 'generated.md');
          const position = new Map(plan.items.map((item, i) => [item.id, i]));
          expect(position.size).toBe(plan.items.length);
          for (const [i, item] of plan.items.entries()) {
            if (item.parent !== null) expect(position.get(item.parent)).toBeLessThan(i);
          }
          // The generator writes at least `items` tasks, stories and subtasks besides the checks.
          expect(plan.items.filter((item) => item.kind !== 'check').length).toBeGreaterThanOrEqual(items);
        },
      ),
      { numRuns: 60 },
    );
  });
});
