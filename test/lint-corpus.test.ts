// Lint on real plans written by other teams (../shared/corpus). Every finding expected here was
// checked by hand against the document: each is a genuine inconsistency, and nothing else may be
// reported (a finding on a correct part of a document is a bug). Skips, saying so, where the
// corpus is not present.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPlan } from '../src/engine/build.js';
import { lintPlan } from '../src/engine/lint/index.js';
import type { Finding } from '../src/engine/model.js';

const corpusDir = join(import.meta.dirname, '../../shared/corpus');
const present = existsSync(corpusDir);
if (!present) console.warn(`lint corpus tests skipped: ${corpusDir} does not exist`);

const lint = (prefix: string): Finding[] => {
  const name = readdirSync(corpusDir).find((file) => file.startsWith(prefix));
  if (!name) throw new Error(`no corpus file starting with ${prefix}`);
  return lintPlan(buildPlan(readFileSync(join(corpusDir, name), 'utf8'), name));
};

const of = (findings: Finding[], rule: string) => findings.filter((f) => f.rule === rule);
const brief = (f: Finding) => [f.line, f.rule, f.itemId ?? null, f.expected ?? null, f.actual ?? null];

describe.skipIf(!present)('lint on the corpus', () => {
  it('000 checklist outline: one done parent with an open child, and nothing else', () => {
    const findings = lint('000_');
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect(finding).toMatchObject({ rule: 'parent-child-status', severity: 'warning', line: 19, expected: 0, actual: 1 });
    expect(finding.message).toContain('"Set up repository governance"');
    expect(finding.message).toContain('"Configure branch protection rules for main branch" (line 20');
  });

  it('001 tracker: its sprint metrics are right (34 = 8 + 5 + 8 + 13 without the icebox, 0 done, 8 in progress)', () => {
    expect(lint('001_')).toEqual([]);
  });

  it('002 agile breakdown: epic totals, Sprint 1 and Sprint 6 over capacity, the matrix against the stories', () => {
    const findings = lint('002_');
    // The four epics declare 155, 145, 150 and 170; their stories add up to 89, 97, 102 and 123.
    // Line 4's 620 is the stories' total too (411); line 1551's 615 is the sprint table's (605).
    expect(of(findings, 'declared-total').map(brief)).toEqual([
      [4, 'declared-total', null, 620, 411],
      [30, 'declared-total', 'EPIC-001', 155, 89],
      [362, 'declared-total', 'EPIC-002', 145, 97],
      [734, 'declared-total', 'EPIC-003', 150, 102],
      [1102, 'declared-total', 'EPIC-004', 170, 123],
      [1551, 'declared-total', null, 615, 605],
    ]);
    // Sprint 1 commits 21+13+8+13+8+13+13 = 89 against 85. Sprint 6 gives Backend
    // 8+10 + 4+8 + 6+8+6 + 4+6+4 = 64 hours against 60 (its own capacity check left four out).
    expect(of(findings, 'over-capacity').map(brief)).toEqual([
      [1558, 'over-capacity', null, 85, 89],
      [1747, 'over-capacity', null, 60, 64],
    ]);
    // The capacity-check sums (52, 42, 6, 32, 35, 16, …) all add up.
    expect(of(findings, 'arithmetic')).toEqual([]);
    // The velocity history is right: 605 and 590 are the sums, 74 rounds 73.75, every rate is
    // completed / planned within a point.
    expect(of(findings, 'velocity-table')).toEqual([]);
    const matrix = of(findings, 'matrix-mismatch');
    for (const id of ['US-009', 'US-017', 'US-022', 'US-024']) {
      expect(matrix.some((f) => f.itemId === id && f.message.includes(`says ${id} depends on`))).toBe(true);
    }
    expect(matrix.map((f) => [f.line, f.itemId, f.expected, f.actual])).toEqual([
      [1984, 'US-008', 'US-008', 'none'], // blocks US-013, whose Dependencies say None
      [1984, 'US-008', 'US-008', 'none'], // blocks US-014, likewise
      [1985, 'US-009', 'US-001', 'none'],
      [1987, 'US-012', 'US-012', 'US-011'], // blocks US-017, which names only US-011
      [1987, 'US-012', 'US-012', 'US-017'], // blocks US-020, which names only US-017
      [1989, 'US-017', 'US-011 and US-012', 'US-011'],
      [1990, 'US-018', 'US-018', 'none'], // blocks US-022, whose Dependencies say None
      [1991, 'US-019', 'US-019', 'none'], // likewise
      [1992, 'US-022', 'US-018 and US-019', 'none'],
      [1993, 'US-024', 'US-022 and US-023', 'EPIC-003'],
    ]);
    expect(findings).toHaveLength(18);
  });

  it('003 spec-kit: a finished, consistent plan has nothing to report', () => {
    expect(lint('003_')).toEqual([]);
  });

  it('004 backlog: phase and document totals, priority summaries and sprint totals that do not add up', () => {
    const findings = lint('004_');
    expect(findings.map(brief)).toEqual([
      // ~120 declared; the 32 items add up to 108, more than 10% off.
      [17, 'declared-total', null, 120, 108],
      // Phases 1-3 declare 20, 40 and 35; their items add up to 18, 34 and 31 (phase 4's 25 is right).
      [21, 'declared-total', 'phase-1', 20, 18],
      // DEVOPS-002 to DEVOPS-008 all state Dependencies; DEVOPS-001 does not.
      [23, 'missing-field', 'DEVOPS-001', 'Dependencies', null],
      [263, 'declared-total', 'phase-2', 40, 34],
      [562, 'declared-total', 'phase-3', 35, 31],
      // "High Priority: DEVOPS-001 through DEVOPS-007", but DEVOPS-007 is MEDIUM.
      [945, 'summary-mismatch', 'DEVOPS-007', 'high', 'medium'],
      // The fourteen items listed as high add up to 46, not 56.
      [949, 'declared-total', null, 56, 46],
      // DEVOPS-008 is LOW and DEVOPS-029 is HIGH, both listed as medium.
      [952, 'summary-mismatch', 'DEVOPS-008', 'medium', 'low'],
      [955, 'summary-mismatch', 'DEVOPS-029', 'medium', 'high'],
      // The thirteen items listed as medium add up to 45, not 43 (the low list's 15 is right).
      [957, 'declared-total', null, 43, 45],
      // Sprints 1, 3 and 4 declare 20, 25 and 24; their items add up to 18, 26 and 22.
      [972, 'declared-total', null, 20, 18],
      [982, 'declared-total', null, 25, 26],
      [987, 'declared-total', null, 24, 22],
      // The velocity section repeats the ~120.
      [1001, 'declared-total', null, 120, 108],
    ]);
  });
});
