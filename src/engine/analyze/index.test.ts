import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPlan } from '../build.js';
import { indexPlan } from '../model.js';
import { analyzePlan, dependencyGraph, findCycles, forecastPlan, nextItems, remainingPoints, sprintReport } from './index.js';
import { makePlan, makeSprint } from './testing.js';

const SPEC_KIT = `# Tasks: Billing Export

## Phase 1: Setup

- [x] T001 Create the export module skeleton
- [ ] T002 [P] Add the CSV writer dependency
- [ ] T003 [P] Add the export configuration keys

## Phase 2: Foundational (blocks all user stories)

- [ ] T004 Define the export record type
- [ ] T005 Wire the export job queue

## Phase 3: User Story 1 - Download a monthly export (Priority: P1)

- [ ] T006 [P] [US1] Write the monthly ledger query
- [ ] T007 [P] [US1] Write the CSV row formatter
- [ ] T008 [US1] Add the download endpoint (depends on T006, T007)
- [ ] T009 [US1] Add the download button

## Dependencies & Execution Order

- Setup (Phase 1) must be complete before Foundational (Phase 2)
- Foundational (Phase 2) blocks all user stories
`;

const BACKLOG = `# Payments Backlog

## Phase 1: Groundwork (13 Story Points)

### PAY-001: Provision the payments database
**Priority:** HIGH | **Points:** 5 | **Effort:** 10 hours
**Status:** Done
**Dependencies:** None

### PAY-002: Add the ledger schema
**Priority:** Medium | **Points:** 3 | **Effort:** 6 hours
**Dependencies:** PAY-001

**Acceptance Criteria:**
- [x] Ledger tables created
- [ ] Migrations reversible

### PAY-003: Seed currency tables
**Priority:** HIGH | **Points:** 2 | **Effort:** 4 hours
**Dependencies:** PAY-001

### PAY-006: Write the runbook
**Priority:** Low | **Points:** 3 | **Effort:** 3 hours
**Dependencies:** None

## Phase 2: Settlement (8 Story Points)

### PAY-004: Nightly settlement job
**Priority:** HIGH | **Points:** 5 | **Effort:** 8 hours
**Dependencies:** PAY-002

### PAY-005: Settlement report
**Priority:** Medium | **Points:** 3 | **Effort:** 2 hours
**Dependencies:** PAY-003, PAY-004

## Sprint 1 (Weeks 1-2): Groundwork

**Capacity:** 10 story points
**Team Velocity:** 9 points (actual)

### Committed Stories:
1. **PAY-001: Provision the payments database** (5 pts) - Backend
2. **PAY-002: Add the ledger schema** (3 pts) - Backend
3. **PAY-003: Seed currency tables** (2 pts) - Backend
4. **PAY-006: Write the runbook** (3 pts) - DevOps
`;

const TANGLE = `# Search Backlog

### SRCH-001: Index the catalogue
**Points:** 3
**Dependencies:** SRCH-003

### SRCH-002: Rank results
**Points:** 5
**Dependencies:** SRCH-001

### SRCH-003: Tune the analyser
**Points:** 2
**Dependencies:** SRCH-002

### SRCH-004: Search page
**Points:** 3
**Dependencies:** None
`;

const AGILE = `# Ticketing Platform - Agile Breakdown

## TEAM CAPACITY

| Role | Availability | Weekly Hours | Sprint Capacity (2 weeks) |
|------|-------------|--------------|---------------------------|
| Platform Engineer | 100% | 40 hrs | 80 hrs |
| Backend Developer | 50% | 20 hrs | 40 hrs |
| QA Engineer | 25% | 10 hrs | 20 hrs |

---

# EPIC 1: CHECKOUT

**Epic ID:** EPIC-001
**Story Points:** 40 points

### Story 1.1: Seat reservation service
**Story ID:** US-001
**Story Points:** 8
**Priority:** High
**Dependencies:** None

**Tasks:**
1. **Create the reservation table** (6 hrs) - Backend
2. **Expose the hold endpoint** (10 hrs) - Backend

### Story 1.2: Payment capture
**Story ID:** US-002
**Story Points:** 13
**Priority:** Critical
**Dependencies:** US-001 (needs held seats)

**Tasks:**
1. **Integrate the card gateway** (12 hrs) - Backend
2. **Load test the capture path** (8 hrs) - QA

---

## Sprint 1 (Weeks 1-2): Reservations

**Sprint Goal:** Hold seats reliably
**Capacity:** 20 story points

### Committed Stories:
1. **US-001: Seat reservation service** (8 pts) - Backend
   - Create the reservation table (6 hrs) - Backend
   - Expose the hold endpoint (10 hrs) - Backend
   - **Total: 16 hrs** - Backend

2. **US-002: Payment capture** (13 pts) - Backend/QA
   - Integrate the card gateway (12 hrs) - Backend
   - Write capture contract tests (14 hrs) - Backend
   - Load test the capture path (8 hrs) - QA
   - **Total: 34 hrs** - Backend + QA
`;

describe('a spec-kit plan', () => {
  const plan = buildPlan(SPEC_KIT);
  const analysis = analyzePlan(plan, { seed: 1 });
  const { graph } = analysis;

  it('makes every task wait for the phases its phase depends on', () => {
    expect(graph.nodes).toEqual(['T001', 'T002', 'T003', 'T004', 'T005', 'T006', 'T007', 'T008', 'T009']);
    expect(graph.edges.get('T004')).toEqual(['T001', 'T002', 'T003']);
    expect(graph.edges.get('T009')).toEqual(['T004', 'T005']);
    expect(graph.edges.get('T008')).toEqual(['T006', 'T007', 'T004', 'T005']);
    expect(graph.ready).toEqual(['T002', 'T003']);
    expect(graph.blocked).toEqual(['T004', 'T005', 'T006', 'T007', 'T008', 'T009']);
  });

  it('batches the open work into waves and finds the longest chain', () => {
    expect(graph.waves).toEqual([['T002', 'T003'], ['T004', 'T005'], ['T006', 'T007', 'T009'], ['T008']]);
    expect(graph.critical.unit).toBe('items');
    expect(graph.critical.length).toBe(4);
    expect(graph.critical.path).toEqual(['T002', 'T004', 'T006', 'T008']);
    expect(graph.critical.slack.get('T009')).toBe(1);
    expect(graph.critical.slack.get('T003')).toBe(0);
  });

  it('suggests the parallel setup tasks', () => {
    expect(analysis.next.map((n) => [n.id, n.unblocks])).toEqual([
      ['T002', 6],
      ['T003', 6],
    ]);
    const index = indexPlan(plan);
    expect(nextItems(plan, index, graph, { concurrency: 2 }).map((n) => n.id)).toEqual(['T002', 'T003']);
  });

  it('rolls progress up per phase', () => {
    expect(analysis.rollups.overall.actionable).toBe(9);
    expect(analysis.rollups.overall.items.done).toBe(1);
    const setup = plan.items.find((item) => item.title.includes('Setup'));
    expect(setup && analysis.rollups.byItem.get(setup.id)?.items).toMatchObject({ done: 1, todo: 2 });
  });
});

describe('a backlog with dependencies, hours and a sprint', () => {
  const plan = buildPlan(BACKLOG);
  const analysis = analyzePlan(plan, { seed: 1 });

  it('computes the critical path by hours, skipping done work', () => {
    // Open: 002 (6 h) -> 004 (8 h) -> 005 (2 h) = 16 h; 003 (4 h) feeds 005; 006 (3 h) stands alone.
    const { critical } = analysis.graph;
    expect(critical.unit).toBe('hours');
    expect(critical.length).toBe(16);
    expect(critical.path).toEqual(['PAY-002', 'PAY-004', 'PAY-005']);
    expect(Object.fromEntries(critical.slack)).toEqual({ 'PAY-002': 0, 'PAY-003': 10, 'PAY-006': 13, 'PAY-004': 0, 'PAY-005': 0 });
    expect(critical.earliestStart.get('PAY-005')).toBe(14);
    expect(analysis.graph.waves).toEqual([['PAY-002', 'PAY-003', 'PAY-006'], ['PAY-004'], ['PAY-005']]);
  });

  it('ranks the next items by slack before priority', () => {
    expect(analysis.next.map((n) => [n.id, n.slack, n.unblocks])).toEqual([
      ['PAY-002', 0, 2],
      ['PAY-003', 10, 1],
      ['PAY-006', 13, 0],
    ]);
    expect(analysis.next[0].onCriticalPath).toBe(true);
  });

  it('counts points and hours once, and checks separately', () => {
    const { overall } = analysis.rollups;
    expect(overall.points).toMatchObject({ total: 21, done: 5 });
    expect(overall.hours).toMatchObject({ total: 33, done: 10 });
    expect(overall.checks).toEqual({ done: 1, total: 2 });
  });

  it('weighs the sprint against its capacity and forecasts from its velocity', () => {
    const [sprint] = analysis.sprints.sprints;
    expect(sprint).toMatchObject({ committed: 13, capacity: 10, overBy: 3, overCapacity: true, done: 5 });
    expect(analysis.velocity).toMatchObject({ source: 'recorded', values: [9] });
    // 21 points, 5 done: 16 left at 9 a sprint is two sprints.
    expect(remainingPoints(plan, indexPlan(plan))).toBe(16);
    expect(analysis.forecast).toMatchObject({ remainingPoints: 16, p50: 2, p85: 2, p95: 2, basis: 'recorded' });
  });
});

describe('a backlog with a dependency cycle', () => {
  const plan = buildPlan(TANGLE);
  const index = indexPlan(plan);

  it('reports the cycle in order and keeps going', () => {
    expect(findCycles(plan, index)).toEqual([['SRCH-001', 'SRCH-003', 'SRCH-002']]);
    const graph = dependencyGraph(plan, index);
    expect(graph.ready).toEqual(['SRCH-004']);
    expect(graph.waves).toEqual([['SRCH-004']]);
    expect(graph.order).toHaveLength(4);
  });
});

describe('an agile breakdown with roles and a sprint', () => {
  const plan = buildPlan(AGILE);
  const analysis = analyzePlan(plan, { seed: 1 });

  it('makes tasks wait for their story’s dependencies', () => {
    expect(analysis.graph.ready).toEqual(['US-001.1', 'US-001.2']);
    expect(analysis.graph.blocked).toEqual(['US-002.1', 'US-002.2']);
    expect(analysis.graph.edges.get('US-002.2')).toEqual(['US-001.1', 'US-001.2']);
  });

  it('finds the critical path through the stories by task hours', () => {
    // US-001: 6 h and 10 h side by side; US-002 after it: 12 h and 8 h side by side.
    const { critical } = analysis.graph;
    expect(critical.length).toBe(22);
    expect(critical.path).toEqual(['US-001.2', 'US-002.1']);
    expect(Object.fromEntries(critical.slack)).toEqual({ 'US-001.1': 4, 'US-001.2': 0, 'US-002.1': 0, 'US-002.2': 4 });
  });

  it('lets tasks inherit their story’s priority', () => {
    expect(analysis.next.map((n) => [n.id, n.priority, n.slack])).toEqual([
      ['US-001.2', 'High', 0],
      ['US-001.1', 'High', 4],
    ]);
  });

  it('counts story points, not the epic’s declared total, and task hours', () => {
    expect(analysis.rollups.overall.points.total).toBe(21);
    expect(analysis.rollups.overall.hours.total).toBe(36);
  });

  it('matches role names to the capacity table and flags the overload', () => {
    const [sprint] = analysis.sprints.sprints;
    expect(sprint).toMatchObject({ committed: 21, capacity: 20, overBy: 1 });
    expect(sprint.roles.map((r) => [r.role, r.hours, r.capacity, r.overCapacity])).toEqual([
      ['Backend Developer', 42, 40, true],
      ['QA Engineer', 8, 20, false],
    ]);
    // No velocity recorded: the declared capacity (20 a sprint) stands in; 21 points is two sprints.
    expect(analysis.forecast).toMatchObject({ basis: 'declared-capacity', remainingPoints: 21, p50: 2, p95: 2 });
  });
});

describe('analyzePlan', () => {
  it('forecasts from declared capacity when there is no velocity', () => {
    const plan = makePlan({
      items: [
        { id: 'A', points: 30 },
        { id: 'B', points: 10, status: 'done' },
      ],
      sprints: [makeSprint('s1', { capacity: 20 }), makeSprint('s2', { capacity: 20 })],
    });
    const analysis = analyzePlan(plan, { seed: 3 });
    expect(analysis.velocity.source).toBe('none');
    expect(analysis.forecast).toMatchObject({ basis: 'declared-capacity', remainingPoints: 30, p50: 2, p95: 2 });
  });

  it('is the same for the same seed', () => {
    const plan = buildPlan(BACKLOG);
    const a = analyzePlan(plan, { seed: 9 });
    const b = analyzePlan(plan, { seed: 9 });
    expect(a.forecast).toEqual(b.forecast);
    expect(a.next).toEqual(b.next);
    expect(forecastPlan(plan, indexPlan(plan), { seed: 9 })).toEqual(a.forecast);
  });
});

const CORPUS = join(process.cwd(), '..', 'shared', 'corpus');
const corpusFile = (prefix: string) => {
  const name = existsSync(CORPUS) ? readdirSync(CORPUS).find((f) => f.startsWith(prefix)) : undefined;
  return name ? join(CORPUS, name) : undefined;
};
const specKitCorpus = corpusFile('003_');
const agileCorpus = corpusFile('002_');
if (!specKitCorpus || !agileCorpus) console.warn(`analysis corpus checks skipped: no corpus at ${CORPUS}`);

describe.skipIf(!specKitCorpus)('corpus: a finished spec-kit plan', () => {
  it('has nothing left to do', () => {
    const plan = buildPlan(readFileSync(specKitCorpus as string, 'utf8'));
    const analysis = analyzePlan(plan);
    expect(analysis.rollups.overall.actionable).toBeGreaterThan(0);
    expect(analysis.rollups.overall.items.done).toBe(analysis.rollups.overall.actionable);
    expect(analysis.next).toEqual([]);
    expect(analysis.graph.waves).toEqual([]);
    expect(analysis.graph.critical.path).toEqual([]);
  });
});

describe.skipIf(!agileCorpus)('corpus: an agile breakdown with sprints', () => {
  it('commits 89 points against 85 in Sprint 1, with a velocity history', () => {
    const plan = buildPlan(readFileSync(agileCorpus as string, 'utf8'));
    const index = indexPlan(plan);
    const report = sprintReport(plan, index);
    expect(report.sprints[0]).toMatchObject({ committed: 89, capacity: 85, overBy: 4, overCapacity: true });
    expect(report.velocity.source).toBe('history');
    expect(report.velocity.count).toBe(8);
    expect(report.velocity.min).toBe(63);
    expect(report.velocity.max).toBe(83);
    expect(findCycles(plan, index)).toEqual([]);
  });
});
