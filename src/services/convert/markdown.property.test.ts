// Property: any converted plan (random tasks, subtask trees, statuses, priorities, points, labels,
// dependencies, prose) written as Markdown reads back with every task and every field intact.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STATUSES } from '../../engine/model.js';
import { writePlanMarkdown } from './markdown.js';
import type { ConvertedPlan, ConvertedTask } from './model.js';
import { verifyReadBack } from './verify.js';

const word = fc.stringMatching(/^[a-z]{1,8}$/);
const title = fc.array(word, { minLength: 1, maxLength: 6 }).map((words) => words.join(' ')).map((text) => text.charAt(0).toUpperCase() + text.slice(1));
const prose = fc.array(fc.oneof(fc.constant('## A heading'), fc.constant('- [ ] a box'), fc.constant('**Status:** Done'), fc.constant('```'), fc.constant(''), title), { maxLength: 5 }).map((lines) => lines.join('\n'));

interface Shape {
  title: string;
  status: (typeof STATUSES)[number];
  priority: string | null;
  points: number | null;
  labels: string[];
  note: string;
  children: number;
}

const shape: fc.Arbitrary<Shape> = fc.record({
  title,
  status: fc.constantFrom(...STATUSES),
  priority: fc.option(fc.constantFrom('High', 'Medium', 'Low', 'P1'), { nil: null }),
  points: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }),
  labels: fc.array(word, { maxLength: 3 }),
  note: prose,
  children: fc.integer({ min: 0, max: 3 }),
});

/** Builds a task tree from a flat list of shapes, breadth first, without recursion. */
function buildPlanFrom(shapes: Shape[], depPicks: number[][]): ConvertedPlan {
  const all: ConvertedTask[] = [];
  const make = (id: string, s: Shape): ConvertedTask => {
    const task: ConvertedTask = {
      id,
      sourceId: id,
      title: s.title,
      status: s.status,
      priority: s.priority ?? undefined,
      points: s.points ?? undefined,
      labels: [...new Set(s.labels)],
      dependsOn: [],
      notes: s.note.trim() ? [{ label: null, text: s.note }] : [],
      acceptance: [],
      subtasks: [],
    };
    all.push(task);
    return task;
  };
  const top: ConvertedTask[] = [];
  const queue: Array<{ task: ConvertedTask; want: number; depth: number }> = [];
  let next = 0;
  while (next < shapes.length) {
    const task = make(`TASK-${top.length + 1}`, shapes[next]);
    queue.push({ task, want: shapes[next].children, depth: 0 });
    top.push(task);
    next++;
    while (queue.length > 0 && next < shapes.length) {
      const parent = queue.shift()!;
      if (parent.depth >= 3) continue;
      for (let k = 0; k < parent.want && next < shapes.length; k++) {
        const child = make(`${parent.task.id}.${parent.task.subtasks.length + 1}`, shapes[next]);
        parent.task.subtasks.push(child);
        queue.push({ task: child, want: shapes[next].children, depth: parent.depth + 1 });
        next++;
      }
    }
  }
  all.forEach((task, i) => {
    const picks = depPicks[i] ?? [];
    task.dependsOn = [...new Set(picks.map((p) => all[p % all.length].id))].filter((id) => id !== task.id);
  });
  return { title: 'Random plan', origin: 'Generated.', groups: [{ epicId: null, title: 'Tasks', tasks: top }], warnings: [] };
}

describe('writePlanMarkdown (property)', () => {
  it('every task and field reads back', () => {
    fc.assert(
      fc.property(fc.array(shape, { minLength: 1, maxLength: 25 }), fc.array(fc.array(fc.nat(), { maxLength: 3 }), { maxLength: 25 }), (shapes, picks) => {
        const converted = buildPlanFrom(shapes, picks);
        const result = verifyReadBack(converted, writePlanMarkdown(converted));
        expect(result).toEqual({ missing: [], differences: [] });
      }),
      { numRuns: 150 },
    );
  });
});
