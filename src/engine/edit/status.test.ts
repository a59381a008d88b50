import { describe, expect, it } from 'vitest';
import { contentHash } from '../hash.js';
import type { Item, Plan, PlanStyle } from '../model.js';
import { buildPlan } from '../build.js';
import { applyEdits } from './apply.js';
import { setStatus } from './status.js';

// Hand-built plans: each test states the items as the builder would report them, with offsets
// found in the text, so the edit engine is checked on its own.

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

function makePlan(text: string, items: Item[], style: Partial<PlanStyle> = {}): Plan {
  return {
    path: 'plan.md',
    title: 'Plan',
    dialects: [],
    fields: {},
    sections: [],
    items,
    sprints: [],
    tables: [],
    roleCapacity: [],
    velocityHistory: [],
    declaredTotals: [],
    writtenSums: [],
    matrix: [],
    summaries: [],
    findings: [],
    hash: contentHash(text),
    lineCount: text.split('\n').length,
    style: { eol: '\n', bom: false, doneChar: 'x', progressChar: '-', statusWords: {}, ...style },
  };
}

function baseItem(text: string, id: string, marker: string, extra: Partial<Item> = {}): Item {
  const at = text.indexOf(marker);
  if (at < 0) throw new Error(`marker ${marker} not in text`);
  let end = at;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  const line = lineOf(text, at);
  return {
    id,
    aliases: [],
    title: id,
    kind: 'task',
    status: 'todo',
    statusSource: 'rollup',
    roles: [],
    tags: [],
    deps: [],
    parent: null,
    children: [],
    section: 's',
    line,
    endLine: line,
    headerEnd: end,
    dialect: 'checklist',
    fields: {},
    hasAcceptance: false,
    ...extra,
  };
}

/** A list item whose checkbox sits on the line containing `marker`. */
function boxItem(text: string, id: string, marker: string, extra: Partial<Item> = {}): Item {
  const at = text.indexOf(marker);
  const open = text.lastIndexOf('[', at + marker.length);
  const char = text[open + 1];
  const status = char === ' ' ? 'todo' : char === '-' || char === '~' ? 'in_progress' : 'done';
  return baseItem(text, id, marker, { checkbox: { char, offset: open + 1, optional: false }, status, statusSource: 'checkbox', ...extra });
}

/** Adds a status field whose value is the text `value` found after `after`. */
function withStatusField(text: string, item: Item, after: string, value: string): Item {
  const start = text.indexOf(value, text.indexOf(after));
  const field = { value, line: lineOf(text, start), span: { start, end: start + value.length }, label: 'Status' };
  return { ...item, statusField: field, statusSource: 'field', fields: { ...item.fields, status: field } };
}

function run(plan: Plan, text: string, ids: string[], status: Parameters<typeof setStatus>[3]): string {
  return applyEdits(text, setStatus(plan, text, ids, status), plan.hash);
}

describe('setStatus on checkboxes', () => {
  const text = '# Plan\r\n\r\n## Phase 1\r\n- [ ] Set up repo  \r\n\t- [x] Add README\r\n- [ ] Write CI\r\n';
  const items = [
    boxItem(text, '1.1', 'Set up repo', { children: ['1.1.1'] }),
    boxItem(text, '1.1.1', 'Add README', { parent: '1.1', status: 'done' }),
    boxItem(text, '1.2', 'Write CI'),
  ];

  it('flips only the checkbox character, keeping CRLF, tabs and trailing spaces', () => {
    const plan = makePlan(text, items, { eol: '\r\n' });
    expect(run(plan, text, ['1.1'], 'done')).toBe(text.replace('- [ ] Set up', '- [x] Set up'));
    expect(run(plan, text, ['1.1.1'], 'todo')).toBe(text.replace('\t- [x]', '\t- [ ]'));
  });

  it('uses the plan’s own done and progress characters', () => {
    const plan = makePlan(text, items, { doneChar: 'X', progressChar: '~' });
    expect(run(plan, text, ['1.2', '1.1'], 'done')).toBe(text.replace('- [ ] Set up', '- [X] Set up').replace('- [ ] Write', '- [X] Write'));
    expect(run(plan, text, ['1.2'], 'in_progress')).toBe(text.replace('- [ ] Write', '- [~] Write'));
  });

  it('returns no edits when the item already reads that way', () => {
    const plan = makePlan(text, items);
    expect(setStatus(plan, text, ['1.1.1'], 'done').edits).toEqual([]);
  });

  it('refuses statuses a bare checkbox cannot show, naming the ones it can', () => {
    const plan = makePlan(text, items);
    for (const status of ['review', 'blocked', 'deferred', 'cancelled'] as const) {
      expect(() => setStatus(plan, text, ['1.2'], status)).toThrowError(
        expect.objectContaining({ code: 'status_not_expressible', message: expect.stringContaining('todo, in_progress, done') }),
      );
    }
  });

  it('carries the item, line and plan hash on every edit', () => {
    const plan = makePlan(text, items);
    const set = setStatus(plan, text, ['1.2', '1.1'], 'done');
    expect(set.hash).toBe(plan.hash);
    expect(set.edits.map((edit) => [edit.itemId, edit.line, edit.text])).toEqual([
      ['1.1', 4, 'x'],
      ['1.2', 6, 'x'],
    ]);
  });

  it('keeps a BOM in front of the text', () => {
    const withBom = '\uFEFF- [ ] T001 Create skeleton\n';
    const plan = makePlan(withBom, [boxItem(withBom, 'T001', 'T001')], { bom: true });
    expect(run(plan, withBom, ['T001'], 'done')).toBe('\uFEFF- [x] T001 Create skeleton\n');
  });
});

describe('setStatus on status fields', () => {
  const tracker = [
    '#### TASK-010: Ship the thing',
    '- **Status**: 🟡 In Progress',
    '- **Story Points**: 5',
    '',
    '#### TASK-011: Harden the thing',
    '- **Status**: ðŸ“‹ Todo   ',
    '',
  ].join('\n');
  const trackerItems = [
    withStatusField(tracker, baseItem(tracker, 'TASK-010', 'TASK-010', { dialect: 'tracker', endLine: 4 }), 'TASK-010', '🟡 In Progress'),
    withStatusField(tracker, baseItem(tracker, 'TASK-011', 'TASK-011', { dialect: 'tracker', endLine: 7 }), 'TASK-011', 'ðŸ“‹ Todo'),
  ];

  it('follows the shape of the value it replaces when the plan never writes the status', () => {
    const plan = makePlan(tracker, trackerItems);
    expect(run(plan, tracker, ['TASK-010'], 'done')).toBe(tracker.replace('🟡 In Progress', '✅ Done'));
    expect(run(plan, tracker, ['TASK-010'], 'review')).toBe(tracker.replace('🟡 In Progress', '👀 In Review'));
  });

  it('writes mojibake emoji where the value is mojibake, keeping trailing spaces', () => {
    const plan = makePlan(tracker, trackerItems);
    expect(run(plan, tracker, ['TASK-011'], 'done')).toBe(tracker.replace('ðŸ“‹ Todo   ', 'âœ… Done   '));
    expect(run(plan, tracker, ['TASK-011'], 'deferred')).toBe(tracker.replace('ðŸ“‹ Todo', 'ðŸ§Š Icebox'));
  });

  it('uses the plan’s own word for a status when it has one', () => {
    const plan = makePlan(tracker, trackerItems, { statusWords: { done: 'âœ… Done', blocked: 'Waiting' } });
    expect(run(plan, tracker, ['TASK-010'], 'done')).toBe(tracker.replace('🟡 In Progress', 'âœ… Done'));
    // "Waiting" reads as blocked, so it is the plan's word for blocked.
    expect(run(plan, tracker, ['TASK-010'], 'blocked')).toBe(tracker.replace('🟡 In Progress', 'Waiting'));
  });

  it('ignores a plan word that would not read back as the status', () => {
    const plan = makePlan(tracker, trackerItems, { statusWords: { done: 'Finalising' } });
    expect(run(plan, tracker, ['TASK-010'], 'done')).toBe(tracker.replace('🟡 In Progress', '✅ Done'));
  });

  it('keeps bold, capitals and separators of the value it replaces', () => {
    const text = '### A-1: One\n**Status:** **DONE**\n\n### A-2: Two\n**Status:** in_progress\n\n### A-3: Three\n**Status:** Blocked ⛔\n';
    const items = [
      withStatusField(text, baseItem(text, 'A-1', 'A-1'), 'A-1', '**DONE**'),
      withStatusField(text, baseItem(text, 'A-2', 'A-2'), 'A-2', 'in_progress'),
      withStatusField(text, baseItem(text, 'A-3', 'A-3'), 'A-3', 'Blocked ⛔'),
    ];
    const plan = makePlan(text, items);
    expect(run(plan, text, ['A-1'], 'in_progress')).toBe(text.replace('**DONE**', '**IN PROGRESS**'));
    expect(run(plan, text, ['A-2'], 'review')).toBe(text.replace('in_progress', 'in_review'));
    expect(run(plan, text, ['A-3'], 'done')).toBe(text.replace('Blocked ⛔', 'Done ✅'));
  });

  it('keeps a checkbox consistent with the field', () => {
    const text = '- [ ] T001 Wire the API — Status: Todo\n- [-] T002 Docs — Status: In Progress\n';
    const t1 = withStatusField(text, boxItem(text, 'T001', 'T001'), 'T001', 'Todo');
    const t2 = withStatusField(text, boxItem(text, 'T002', 'T002'), 'T002', 'In Progress');
    const plan = makePlan(text, [t1, t2]);
    expect(run(plan, text, ['T001'], 'done')).toBe(text.replace('[ ] T001 Wire the API — Status: Todo', '[x] T001 Wire the API — Status: Done'));
    // The plan writes `[-]`, so in progress shows in the box too.
    expect(run(plan, text, ['T001'], 'in_progress')).toBe(text.replace('[ ] T001 Wire the API — Status: Todo', '[-] T001 Wire the API — Status: In Progress'));
    expect(run(plan, text, ['T002'], 'blocked')).toBe(text.replace('[-] T002 Docs — Status: In Progress', '[ ] T002 Docs — Status: Blocked'));
  });

  it('leaves an `[ ]` box alone for in progress when the plan never writes `[-]`', () => {
    const text = '- [ ] T001 Wire the API — Status: Todo\n';
    const plan = makePlan(text, [withStatusField(text, boxItem(text, 'T001', 'T001'), 'T001', 'Todo')]);
    expect(run(plan, text, ['T001'], 'in_progress')).toBe('- [ ] T001 Wire the API — Status: In Progress\n');
  });
});

describe('setStatus on items with neither checkbox nor status field', () => {
  it('appends to a `|`-separated bold field line', () => {
    const text = '### OPS-004: Cache builds\r\n**Priority:** HIGH | **Points:** 3 | **Effort:** 6 hours  \r\n\r\n**Acceptance Criteria:**\r\n- [ ] Cache hits\r\n';
    const item = baseItem(text, 'OPS-004', 'OPS-004', { kind: 'story', dialect: 'backlog', endLine: 5, children: ['OPS-004.ac1'] });
    const check = boxItem(text, 'OPS-004.ac1', 'Cache hits', { kind: 'check', parent: 'OPS-004' });
    const plan = makePlan(text, [item, check], { eol: '\r\n' });
    expect(run(plan, text, ['OPS-004'], 'done')).toBe(text.replace('6 hours  \r\n', '6 hours | **Status:** Done  \r\n'));
  });

  it('adds a line after the last header field line, in its style and line ending', () => {
    const text = '### Story 2.1: Login page\r\n**Story ID:** US-007\r\n**Story Points:** 8\r\n\r\n**Tasks:**\r\n';
    const item = baseItem(text, 'US-007', 'Story 2.1', { kind: 'story', dialect: 'agile', endLine: 5, aliases: ['Story 2.1'] });
    const plan = makePlan(text, [item], { eol: '\r\n' });
    expect(run(plan, text, ['US-007'], 'in_progress')).toBe(text.replace('**Story Points:** 8\r\n', '**Story Points:** 8\r\n**Status:** In Progress\r\n'));
    // An alias names the item too.
    expect(run(plan, text, ['Story 2.1'], 'review')).toBe(text.replace('**Story Points:** 8\r\n', '**Story Points:** 8\r\n**Status:** In Review\r\n'));
  });

  it('writes bullet fields for items whose fields are bullets', () => {
    const text = '#### TASK-020: Rotate keys\n- **Assignee**: Ops\n- **Story Points**: 2\n\n**Description**: rotate.\n';
    const item = baseItem(text, 'TASK-020', 'TASK-020', { dialect: 'tracker', endLine: 5 });
    const plan = makePlan(text, [item], { statusWords: { done: '✅ Done' } });
    expect(run(plan, text, ['TASK-020'], 'done')).toBe(text.replace('- **Story Points**: 2\n', '- **Story Points**: 2\n- **Status**: ✅ Done\n'));
  });

  it('adds the field right under a heading that has no field lines', () => {
    const text = '### OPS-009: Tidy up\nSome words.\n';
    const plan = makePlan(text, [baseItem(text, 'OPS-009', 'OPS-009', { dialect: 'backlog', endLine: 2 })]);
    expect(run(plan, text, ['OPS-009'], 'blocked')).toBe('### OPS-009: Tidy up\n**Status:** Blocked\nSome words.\n');
  });

  it('refuses an item whose status rolls up from tracked children', () => {
    const text = '## Phase 1: Setup\n- [ ] T001 Init\n';
    const phase = baseItem(text, 'phase-1', 'Phase 1', { kind: 'phase', children: ['T001'] });
    const task = boxItem(text, 'T001', 'T001', { parent: 'phase-1' });
    const plan = makePlan(text, [phase, task]);
    expect(() => setStatus(plan, text, ['phase-1'], 'done')).toThrowError(
      expect.objectContaining({ code: 'invalid_argument', message: expect.stringContaining('takes its status from its children (T001); set their statuses instead') }),
    );
  });

  it('sets a story whose children are plain task lines, and refuses the epic above it', () => {
    const text = '# EPIC 1: Core\n\n### Story 1.1: Login\n**Story ID:** US-001\n\n**Tasks:**\n1. **Form** (4 hrs) - Frontend\n';
    const epic = baseItem(text, 'EPIC-001', 'EPIC 1', { kind: 'epic', endLine: 7, children: ['US-001'] });
    const story = baseItem(text, 'US-001', 'Story 1.1', { kind: 'story', parent: 'EPIC-001', endLine: 7, children: ['US-001.1'] });
    const task = baseItem(text, 'US-001.1', '1. **Form**', { parent: 'US-001' });
    const plan = makePlan(text, [epic, story, task]);
    expect(run(plan, text, ['US-001'], 'done')).toBe(text.replace('US-001\n', 'US-001\n**Status:** Done\n'));
    expect(() => setStatus(plan, text, ['EPIC-001'], 'done')).toThrowError(expect.objectContaining({ code: 'invalid_argument', details: expect.objectContaining({ children: ['US-001'] }) }));
  });

  it('gives a numbered story task a checkbox after its list marker, keeping its id', () => {
    const text = '### Story 1.1: Login\n**Story ID:** US-001\n\n**Tasks:**\n1. **Form** (4 hrs) - Frontend\n2. **API** (6 hrs) - Backend\n';
    const plan = buildPlan(text);
    const set = setStatus(plan, text, ['US-001.2'], 'done');
    const after = applyEdits(text, set, plan.hash);
    expect(after).toBe(text.replace('2. **API**', '2. [x] **API**'));
    const reread = buildPlan(after);
    expect(reread.items.map((item) => [item.id, item.status])).toEqual([
      ['US-001', 'in_progress'],
      ['US-001.1', 'todo'],
      ['US-001.2', 'done'],
    ]);
    expect(() => setStatus(plan, text, ['US-001.1'], 'blocked')).toThrowError(expect.objectContaining({ code: 'status_not_expressible' }));
  });

  it('refuses a list item with no checkbox and no field', () => {
    const text = '1. **Deploy the proxy** (8 hrs) - DevOps\n';
    const plan = makePlan(text, [baseItem(text, 'US-001.1', 'Deploy')]);
    expect(() => setStatus(plan, text, ['US-001.1'], 'done')).toThrowError(expect.objectContaining({ code: 'invalid_argument' }));
  });
});

describe('ids, hashes and overlaps', () => {
  const text = '### DEVOPS-004: One\n**Status:** Todo\n\n### DEVOPS-014: Two\n**Status:** Todo\n\n### QA-001: Three\n**Status:** Todo\n';
  const items = ['DEVOPS-004', 'DEVOPS-014', 'QA-001'].map((id) => withStatusField(text, baseItem(text, id, id), id, 'Todo'));
  const plan = makePlan(text, items);

  it('names the nearest ids for an unknown id', () => {
    let error: unknown;
    try {
      setStatus(plan, text, ['devops-04'], 'done');
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({
      code: 'unknown_id',
      message: "Unknown item 'devops-04' in plan.md. Did you mean: DEVOPS-004, DEVOPS-014?",
      details: { suggestions: ['DEVOPS-004', 'DEVOPS-014'] },
    });
  });

  it('refuses text the plan was not built from', () => {
    expect(() => setStatus(plan, text + '\n', ['QA-001'], 'done')).toThrowError(expect.objectContaining({ code: 'stale_edit' }));
  });

  it('takes a known hash of the text instead of hashing it, and refuses one that is not the plan hash', () => {
    const byHashing = setStatus(plan, text, ['QA-001'], 'done');
    expect(setStatus(plan, text, ['QA-001'], 'done', undefined, contentHash(text))).toEqual(byHashing);
    expect(() => setStatus(plan, text, ['QA-001'], 'done', undefined, contentHash(text + '\n'))).toThrowError(expect.objectContaining({ code: 'stale_edit' }));
  });

  it('refuses to apply a set to text with another hash', () => {
    const set = setStatus(plan, text, ['QA-001'], 'done');
    expect(() => applyEdits(text, set, contentHash(text + ' '))).toThrowError(expect.objectContaining({ code: 'stale_edit' }));
  });

  it('refuses overlapping edits', () => {
    const set = {
      hash: plan.hash,
      edits: [
        { start: 10, end: 14, text: 'a', itemId: 'A', line: 1 },
        { start: 12, end: 13, text: 'b', itemId: 'B', line: 1 },
      ],
    };
    expect(() => applyEdits(text, set, plan.hash)).toThrowError(expect.objectContaining({ code: 'invalid_argument' }));
  });

  it('refuses an unknown status', () => {
    expect(() => setStatus(plan, text, ['QA-001'], 'finished' as never)).toThrowError(expect.objectContaining({ code: 'unknown_status' }));
  });

  it('edits each item once even when named twice', () => {
    expect(setStatus(plan, text, ['QA-001', 'QA-001'], 'done').edits).toHaveLength(1);
  });
});
