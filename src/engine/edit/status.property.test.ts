// Property: for generated plans in several dialects and random sequences of status edits, every
// character outside the edit spans survives, and reading the result back gives the edited items
// their new status while every other item keeps its id and status (roll-up ancestors aside).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isScrumdownError } from '../../errors.js';
import { buildPlan } from '../build.js';
import { indexPlan, STATUSES, type Status } from '../model.js';
import { applyEdits } from './apply.js';
import { setStatus } from './status.js';
import { ancestorsOf, expectOnlySpansChanged } from './testing.js';

const eolArb = fc.constantFrom('\n', '\r\n');
const trailingArb = fc.constantFrom('', '', ' ', '  ', '\t');
const wordArb = fc.constantFrom('cache', 'login', 'deploy', 'metrics', 'schema', 'backup', 'search', 'tokens', 'queue', 'docs');
const titleArb = fc.array(wordArb, { minLength: 1, maxLength: 3 }).map((words) => words.join(' '));
const boxArb = fc.constantFrom(' ', ' ', 'x', 'X', '-', '~');
const statusWordArb = fc.constantFrom(
  'Todo',
  'In Progress',
  '🟡 In Progress',
  'ðŸŸ¡ In Progress',
  '📋 Todo',
  'ðŸ“‹ Todo',
  'âœ… Done',
  '**DONE**',
  'blocked',
  '🧊 Icebox',
  'In Review',
);

/** Lines of one dialect's plan; `eol` and trailing spaces are chosen per plan. */
type Lines = string[];

const checklistArb: fc.Arbitrary<Lines> = fc
  .array(fc.tuple(titleArb, fc.array(fc.tuple(boxArb, titleArb, fc.array(fc.tuple(boxArb, titleArb), { maxLength: 3 })), { minLength: 1, maxLength: 4 })), {
    minLength: 1,
    maxLength: 3,
  })
  .map((phases) => {
    const lines = ['# Rollout Tasks', ''];
    phases.forEach(([phase, tasks], p) => {
      lines.push(`## Phase ${p + 1}: ${phase}`, '', `### ${p + 1}.1 ${phase} work`);
      for (const [box, title, subs] of tasks) {
        lines.push(`- [${box}] ${title}`);
        for (const [subBox, subTitle] of subs) lines.push(`  - [${subBox}] ${subTitle}`);
      }
      lines.push('');
    });
    return lines;
  });

const specKitArb: fc.Arbitrary<Lines> = fc
  .array(fc.array(fc.tuple(fc.constantFrom(' ', 'x', 'X'), fc.boolean(), titleArb), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 3 })
  .map((phases) => {
    const lines = ['# Tasks: Feature', ''];
    let n = 1;
    phases.forEach((tasks, p) => {
      lines.push(`## Phase ${p + 1}: User Story ${p + 1}`, '');
      for (const [box, parallel, title] of tasks) {
        lines.push(`- [${box}] T${String(n++).padStart(3, '0')} ${parallel ? '[P] ' : ''}[US${p + 1}] ${title}`);
      }
      lines.push('');
    });
    return lines;
  });

const kiroArb: fc.Arbitrary<Lines> = fc
  .array(fc.tuple(boxArb, titleArb, fc.array(fc.tuple(boxArb, titleArb), { maxLength: 3 })), { minLength: 1, maxLength: 4 })
  .map((tasks) => {
    const lines = ['# Implementation Plan', ''];
    tasks.forEach(([box, title, subs], t) => {
      lines.push(`- [${box}] ${t + 1}. ${title}`);
      subs.forEach(([subBox, subTitle], s) => {
        lines.push(`  - [${subBox}] ${t + 1}.${s + 1} ${subTitle}`, `    - _Requirements: ${t + 1}.${s + 1}_`);
      });
      lines.push('');
    });
    return lines;
  });

const backlogArb: fc.Arbitrary<Lines> = fc
  .array(fc.tuple(titleArb, fc.nat(8), fc.option(statusWordArb, { nil: undefined }), fc.array(fc.tuple(fc.constantFrom(' ', 'x'), titleArb), { maxLength: 3 })), {
    minLength: 1,
    maxLength: 5,
  })
  .map((items) => {
    const lines = ['# Platform Backlog', '', '## Phase 1: Quick Wins', ''];
    items.forEach(([title, points, status, checks], i) => {
      lines.push(`### PLAT-${String(i + 1).padStart(3, '0')}: ${title}`, `**Priority:** HIGH | **Points:** ${points + 1} | **Effort:** ${points * 2 + 2} hours`);
      if (status) lines.push(`**Status:** ${status}`);
      lines.push('');
      if (checks.length > 0) {
        lines.push('**Acceptance Criteria:**');
        for (const [box, check] of checks) lines.push(`- [${box}] ${check}`);
        lines.push('');
      }
      lines.push('---', '');
    });
    return lines;
  });

const trackerArb: fc.Arbitrary<Lines> = fc
  .array(fc.tuple(titleArb, fc.option(statusWordArb, { nil: undefined }), fc.nat(13), fc.array(fc.tuple(fc.constantFrom(' ', 'x'), titleArb), { maxLength: 3 })), {
    minLength: 1,
    maxLength: 5,
  })
  .map((items) => {
    const lines = ['# App - Task Tracker', '', '## Current Sprint: Hardening', ''];
    items.forEach(([title, status, points, checks], i) => {
      lines.push(`#### TASK-${String(i + 1).padStart(3, '0')}: ${title}`);
      if (status) lines.push(`- **Status**: ${status}`);
      lines.push('- **Assignee**: Core Team', `- **Story Points**: ${points + 1}`, '');
      if (checks.length > 0) {
        lines.push('**Acceptance Criteria**:');
        for (const [box, check] of checks) lines.push(`- [${box}] ${check}`);
        lines.push('');
      }
      lines.push('---', '');
    });
    return lines;
  });

const agileArb: fc.Arbitrary<Lines> = fc
  .array(fc.tuple(titleArb, fc.nat(20), fc.option(statusWordArb, { nil: undefined })), { minLength: 1, maxLength: 4 })
  .map((stories) => {
    const lines = ['# Modernisation - Agile Breakdown', '', '# EPIC 1: FOUNDATION', '', '## User Stories', ''];
    stories.forEach(([title, points, status], i) => {
      lines.push(`### Story 1.${i + 1}: ${title}`, `**Story ID:** US-${String(i + 1).padStart(3, '0')}`, `**Story Points:** ${points + 1}`);
      if (status) lines.push(`**Status:** ${status}`);
      lines.push('**Priority:** High', '', '---', '');
    });
    return lines;
  });

const planArb = fc
  .tuple(fc.oneof(checklistArb, specKitArb, kiroArb, backlogArb, trackerArb, agileArb), eolArb, fc.array(trailingArb, { minLength: 1, maxLength: 7 }), fc.boolean())
  .map(([lines, eol, trailing, bom]) => (bom ? '\uFEFF' : '') + lines.map((line, i) => (line === '' ? line : line + trailing[i % trailing.length])).join(eol) + eol);

/** Steps of one or more items set to one status together. */
const editsArb = fc.array(fc.tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), fc.constantFrom(...STATUSES)), { minLength: 1, maxLength: 6 });



describe('setStatus on generated plans', () => {
  it('changes only the edited spans, and the plan reads back with the new statuses', () => {
    let applied = 0;
    fc.assert(
      fc.property(planArb, editsArb, (original, edits) => {
        let text = original;
        let plan = buildPlan(text, 'plan.md');
        const ids = plan.items.map((item) => item.id);
        if (ids.length === 0) return;
        for (const [picks, status] of edits) {
          const index = indexPlan(plan);
          const chosen = [...new Set(picks.map((pick) => plan.items[pick % plan.items.length]))];
          // Items that cannot take the status are refused for the right reason, then left out.
          const items = chosen.filter((item) => {
            try {
              setStatus(plan, text, [item.id], status, index);
              return true;
            } catch (error) {
              if (!isScrumdownError(error)) throw error;
              if (error.code === 'status_not_expressible') {
                expect(item.statusField).toBeUndefined();
                expect(['todo', 'in_progress', 'done']).not.toContain(status);
              } else {
                expect(error.code).toBe('invalid_argument');
                expect(item.checkbox ?? item.statusField).toBeUndefined();
              }
              return false;
            }
          });
          if (items.length === 0) continue;
          const set = setStatus(plan, text, items.map((item) => item.id), status, index);
          const before = new Map(plan.items.map((other) => [other.id, other.status]));
          const after = applyEdits(text, set, plan.hash);
          expectOnlySpansChanged(text, after, set.edits);
          const reread = buildPlan(after, 'plan.md');
          expect(reread.items.map((other) => other.id)).toEqual(ids);
          const edited = new Set(items.map((item) => item.id));
          const exempt = new Set(items.flatMap((item) => [...ancestorsOf(index, item.id)]));
          for (const other of reread.items) {
            if (edited.has(other.id)) expect(other.status, `${other.id} set to ${status}\n${after}`).toBe(status);
            else if (!exempt.has(other.id)) expect(other.status, `${other.id} after ${[...edited].join(', ')} set to ${status}\n${after}`).toBe(before.get(other.id));
          }
          text = after;
          plan = reread;
          applied++;
        }
      }),
      { numRuns: 300 },
    );
    expect(applied).toBeGreaterThan(100);
  });

  it('keeps the BOM, line endings and trailing spaces of every untouched line', () => {
    fc.assert(
      fc.property(planArb, fc.nat(), (text, pick) => {
        const plan = buildPlan(text, 'plan.md');
        const candidates = plan.items.filter((item) => item.checkbox || item.statusField);
        if (candidates.length === 0) return;
        const item = candidates[pick % candidates.length];
        const target: Status = item.status === 'done' ? 'todo' : 'done';
        const after = applyEdits(text, setStatus(plan, text, [item.id], target), plan.hash);
        expect(after.startsWith('\uFEFF')).toBe(text.startsWith('\uFEFF'));
        expect(after.split('\r\n').length).toBe(text.split('\r\n').length);
        expect(after.length - text.length).toBeLessThanOrEqual(20);
      }),
      { numRuns: 200 },
    );
  });
});
