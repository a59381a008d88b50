// Deterministic generator of realistic plan documents for benchmarks and property tests. A
// seed fully decides the output, so a benchmark number or a failing test can be reproduced.
// The plans mix the dialects scrumdown reads (checklist outlines, spec-kit tasks, Kiro tasks,
// backlog items, tracker items) with the prose, fenced code, tables, blockquotes and comments
// that real plans carry between their items. All wording here is written for this generator.

/** @typedef {'checklist' | 'spec-kit' | 'kiro' | 'backlog' | 'tracker'} GeneratedDialect */

/**
 * @typedef {object} GeneratePlanOptions
 * @property {number} items Number of plan items to write (tasks, sub-tasks, backlog and tracker
 *   items; acceptance checks are part of their item and are not counted).
 * @property {number} [seed] Seed of the pseudo-random sequence (default 1).
 * @property {GeneratedDialect[]} [dialects] Dialects to mix (default: all of them).
 * @property {'\n' | '\r\n'} [eol] Line ending (default `\n`).
 */

/** @type {GeneratedDialect[]} */
export const GENERATED_DIALECTS = ['checklist', 'spec-kit', 'kiro', 'backlog', 'tracker'];

/**
 * A small, fast, seedable PRNG (mulberry32). Returns floats in [0, 1).
 * @param {number} seed
 * @returns {() => number}
 */
export function createRandom(seed) {
  let state = seed >>> 0;
  return function next() {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VERBS = [
  'Add', 'Configure', 'Implement', 'Write', 'Document', 'Refactor', 'Migrate', 'Validate',
  'Set up', 'Harden', 'Wire', 'Benchmark', 'Review', 'Automate', 'Publish', 'Replace',
];
const OBJECTS = [
  'the login form', 'rate limiting on the public API', 'the nightly export job', 'a health probe',
  'structured request logs', 'the invoice renderer', 'database connection pooling',
  'the release pipeline', 'feature flags for checkout', 'the search index', 'audit trail storage',
  'retry policy for webhooks', 'container image scanning', 'the onboarding checklist page',
  'backup rotation', 'the metrics dashboard', 'session expiry handling', 'a staging environment',
  'the CSV importer', 'role-based access checks', 'TLS certificates renewal', 'the cache layer',
];
const QUALIFIERS = [
  '', '', '', ' for the mobile client', ' behind a flag', ' with unit tests', ' in the EU region',
  ' using the shared helper', ' (follow-up from the review)', ' without downtime',
];
const PHASE_NAMES = [
  'Foundation', 'Core Services', 'Data Migration', 'Hardening', 'Observability', 'Launch',
  'Integrations', 'Performance', 'Polish', 'Security Review', 'Rollout', 'Cleanup',
];
const ROLES = ['developer', 'release manager', 'support agent', 'team lead', 'operator', 'new customer'];
const PEOPLE = ['Ada', 'Bruno', 'Chen', 'Dalia', 'Emeka', 'Freya', 'Goran', 'Hana', 'Backend Team'];
const EPICS = ['Platform', 'Billing', 'Identity', 'Reporting', 'Infrastructure Setup', 'Mobile'];
const PREFIXES = ['OPS', 'API', 'WEB', 'DATA', 'SEC'];
const PATHS = ['src/api/routes', 'src/store/orders', 'web/pages/settings', 'deploy/chart', 'src/jobs/export'];
const PRIORITIES = ['HIGH', 'MEDIUM', 'LOW', 'High', 'Critical', 'P1', 'P2'];
const TRACKER_STATUSES = [
  '🟢 Done', '🟡 In Progress', '🔴 Blocked', '⚪ To Do', '🧊 Icebox', 'Done', 'In Review', 'Not Started',
];
const CODE_LANGS = ['bash', 'yaml', 'json', 'ts', ''];

/** Bytes 0x80–0x9F as Windows-1252 reads them (undefined ones stay as their C1 code point). */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152,
  0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122,
  0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/**
 * The text as it reads when its UTF-8 bytes are decoded as Windows-1252 (e.g. 🟡 → ðŸŸ¡).
 * @param {string} text
 * @returns {string}
 */
export function mojibake(text) {
  const bytes = new TextEncoder().encode(text);
  let out = '';
  for (const b of bytes) out += String.fromCharCode(b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : b);
  return out;
}

/**
 * Generates a plan document of about `items` items.
 * @param {GeneratePlanOptions} options
 * @returns {string}
 */
export function generatePlan(options) {
  const total = Math.max(0, Math.floor(options.items));
  const random = createRandom(options.seed ?? 1);
  const dialects = options.dialects && options.dialects.length > 0 ? options.dialects : GENERATED_DIALECTS;
  const eol = options.eol ?? '\n';

  /** @type {string[]} */
  const out = [];
  let written = 0;
  const counters = { phase: 0, speckit: 0, story: 0, kiro: 0, backlog: /** @type {Record<string, number>} */ ({}), tracker: 0 };
  /** Ids already written per dialect, so dependencies point backwards and always resolve. */
  const recent = { speckit: /** @type {string[]} */ ([]), kiro: /** @type {string[]} */ ([]), backlog: /** @type {string[]} */ ([]), tracker: /** @type {string[]} */ ([]) };

  /** @param {number} n */
  const int = (n) => Math.floor(random() * n);
  /** @template T @param {readonly T[]} list @returns {T} */
  const pick = (list) => list[int(list.length)];
  /** @param {number} p */
  const chance = (p) => random() < p;
  const title = () => `${pick(VERBS)} ${pick(OBJECTS)}${pick(QUALIFIERS)}`;
  /** @param {string} line */
  const emit = (line) => out.push(line);
  const left = () => total - written;
  /** @param {string[]} ids @param {number} max */
  const earlier = (ids, max) => {
    const found = [];
    const n = Math.min(ids.length, 1 + int(max));
    for (let i = 0; i < n; i++) {
      const id = ids[ids.length - 1 - int(Math.min(ids.length, 12))];
      if (!found.includes(id)) found.push(id);
    }
    return found;
  };
  /** @param {string[]} ids @param {string} id */
  const remember = (ids, id) => {
    ids.push(id);
    if (ids.length > 64) ids.splice(0, 32);
  };

  emit(`# ${pick(PHASE_NAMES)} Programme - Delivery Plan`);
  emit('');
  emit(`**Owner:** ${pick(PEOPLE)}`);
  emit(`**Status:** Active`);
  emit('');

  while (written < total) {
    const dialect = pick(dialects);
    if (dialect === 'checklist') checklistBlock();
    else if (dialect === 'spec-kit') specKitBlock();
    else if (dialect === 'kiro') kiroBlock();
    else if (dialect === 'backlog') backlogBlock();
    else trackerBlock();
    if (chance(0.35)) interlude();
  }
  return out.join(eol) + eol;

  function box() {
    return chance(0.45) ? 'x' : ' ';
  }

  function checklistBlock() {
    counters.phase++;
    const phase = counters.phase;
    emit(`## Phase ${phase}: ${pick(PHASE_NAMES)} (Sprint ${1 + (phase % 9)})`);
    emit('');
    const step = chance(0.7) ? '  ' : '    ';
    const sections = 1 + int(3);
    for (let s = 1; s <= sections && left() > 0; s++) {
      emit(`### ${phase}.${s} ${pick(PHASE_NAMES)} ${pick(['Work', 'Tasks', 'Setup', 'Checks'])}`);
      const tasks = 2 + int(5);
      for (let t = 0; t < tasks && left() > 0; t++) {
        const parentBox = box();
        emit(`- [${parentBox}] ${title()}`);
        written++;
        const subs = int(4);
        for (let k = 0; k < subs && left() > 0; k++) {
          emit(`${step}- [${chance(0.1) ? 'X' : box()}] ${title()}`);
          written++;
          if (chance(0.15) && left() > 0) {
            emit(`${step}${step}- [${box()}] ${title()}`);
            written++;
          }
        }
      }
      emit('');
    }
  }

  function specKitBlock() {
    counters.story++;
    counters.phase++;
    const story = counters.story;
    emit(`## Phase ${counters.phase}: User Story ${story} - ${pick(OBJECTS)} (Priority: P${1 + int(3)})`);
    emit('');
    emit(`**Goal**: ${pick(ROLES)} can rely on ${pick(OBJECTS)}.`);
    emit('');
    emit(`**Independent Test**: ${title()} and check the result by hand.`);
    emit('');
    emit(`### Tasks for User Story ${story}`);
    emit('');
    const tasks = 3 + int(8);
    for (let t = 0; t < tasks && left() > 0; t++) {
      counters.speckit++;
      const id = `T${String(counters.speckit).padStart(3, '0')}`;
      const parallel = chance(0.4) ? ' [P]' : '';
      const deps = chance(0.25) && recent.speckit.length > 0 ? ` (depends on ${earlier(recent.speckit, 2).join(', ')})` : '';
      emit(`- [${chance(0.5) ? 'X' : ' '}] ${id}${parallel} [US${story}] ${title()} in ${pick(PATHS)}/${pick(['index', 'service', 'schema'])}.ts${deps}`);
      remember(recent.speckit, id);
      written++;
    }
    emit('');
    if (chance(0.4) && story > 1) {
      emit('### Dependencies');
      emit('');
      emit(`- US${story - 1} must be completed before US${story}`);
      emit(`- Phase ${Math.max(1, counters.phase - 1)} → Phase ${counters.phase}`);
      emit('');
    }
  }

  function kiroBlock() {
    emit('## Implementation Plan');
    emit('');
    const tops = 1 + int(4);
    for (let t = 0; t < tops && left() > 0; t++) {
      counters.kiro++;
      const top = counters.kiro;
      emit(`- [${box()}] ${top}. ${title()}`);
      remember(recent.kiro, String(top));
      written++;
      const subs = int(5);
      for (let k = 1; k <= subs && left() > 0; k++) {
        const id = `${top}.${k}`;
        const mark = pick([' ', ' ', 'x', 'x', '-', '~']);
        const optional = chance(0.15) ? '*' : '';
        emit(`  - [${mark}]${optional} ${id} ${title()}`);
        written++;
        if (chance(0.6)) emit(`    - ${pick(VERBS)} ${pick(OBJECTS)} and keep the existing behaviour`);
        emit(`    - _Requirements: ${1 + int(6)}.${1 + int(4)}, ${1 + int(6)}.${1 + int(4)}_`);
        if (chance(0.3) && recent.kiro.length > 1) emit(`    - _Depends: ${earlier(recent.kiro, 2).join(', ')}_`);
        remember(recent.kiro, id);
      }
    }
    emit('');
  }

  function backlogBlock() {
    counters.phase++;
    const count = Math.min(left(), 2 + int(5));
    const prefix = pick(PREFIXES);
    emit(`## Phase ${counters.phase}: ${pick(PHASE_NAMES)} (${count * 3} Story Points)`);
    emit('');
    for (let i = 0; i < count; i++) {
      counters.backlog[prefix] = (counters.backlog[prefix] ?? 0) + 1;
      const id = `${prefix}-${String(counters.backlog[prefix]).padStart(3, '0')}`;
      const points = pick([1, 2, 3, 5, 8]);
      emit(`### ${id}: ${title()}`);
      emit(`**Priority:** ${pick(PRIORITIES)} | **Points:** ${points} | **Effort:** ${points * 2} hours`);
      emit('');
      emit('**User Story:**');
      emit(`As a ${pick(ROLES)}, I want ${pick(OBJECTS)} so that ${pick(OBJECTS)} keeps working.`);
      emit('');
      emit('**Acceptance Criteria:**');
      const checks = 2 + int(4);
      for (let c = 0; c < checks; c++) emit(`- [${box()}] ${title()}`);
      emit('');
      if (chance(0.4)) {
        emit('**Technical Notes:**');
        emit(`- Keep \`${pick(PATHS)}\` backwards compatible`);
        emit(`- ${title()}`);
        emit('');
      }
      const deps = recent.backlog.length > 0 && chance(0.6) ? earlier(recent.backlog, 2).join(', ') : pick(['None', 'None', `All Phase ${Math.max(1, counters.phase - 1)} items`]);
      emit(`**Dependencies:** ${deps}`);
      emit('');
      emit('---');
      emit('');
      remember(recent.backlog, id);
      written++;
    }
  }

  function trackerBlock() {
    emit(`### ${pick(['🔥 High Priority Tasks', '📋 Sprint Backlog', 'Medium Priority Tasks'])}`);
    emit('');
    const count = Math.min(left(), 1 + int(4));
    for (let i = 0; i < count; i++) {
      counters.tracker++;
      const id = `TASK-${String(counters.tracker).padStart(3, '0')}`;
      const status = pick(TRACKER_STATUSES);
      emit(`#### ${id}: ${title()}`);
      emit(`- **Status**: ${chance(0.15) ? mojibake(status) : status}`);
      emit(`- **Assignee**: ${pick(PEOPLE)}`);
      emit(`- **Epic**: ${pick(EPICS)}`);
      emit(`- **Story Points**: ${pick([1, 2, 3, 5, 8, 13])}`);
      emit('');
      emit(`**Description**: ${title()} so the ${pick(ROLES)} no longer has to do it by hand.`);
      emit('');
      emit('**Acceptance Criteria**:');
      const checks = 1 + int(4);
      for (let c = 0; c < checks; c++) emit(`- [${box()}] ${title()}`);
      emit('');
      if (chance(0.4)) {
        emit('**Technical Tasks**:');
        for (let c = 0; c < 2; c++) emit(`- [${box()}] ${title()}`);
        emit('');
      }
      if (chance(0.3) && recent.tracker.length > 0) {
        emit(`**Blockers**: Requires ${earlier(recent.tracker, 1)[0]} completion`);
        emit('');
      }
      remember(recent.tracker, id);
      written++;
    }
  }

  /** Non-item material between blocks: code, tables, quotes, comments, prose. */
  function interlude() {
    const kind = int(5);
    if (kind === 0) {
      const fence = chance(0.8) ? '```' : '~~~';
      emit(`${fence}${pick(CODE_LANGS)}`);
      emit(`# ${pick(VERBS).toLowerCase()} ${pick(OBJECTS)}`);
      emit(`- [ ] this line is code, not a task`);
      emit(`kubectl rollout status deploy/${pick(['api', 'web', 'worker'])} --timeout=${30 + int(90)}s`);
      emit(fence);
    } else if (kind === 1) {
      emit('| Role | Hours per week | Sprint capacity |');
      emit('|------|---------------:|----------------:|');
      const rows = 2 + int(3);
      for (let r = 0; r < rows; r++) {
        const hours = 10 * (1 + int(4));
        emit(`| ${pick(ROLES)} | ${hours} hrs | ${hours * 2} hrs |`);
      }
    } else if (kind === 2) {
      emit(`> **Note:** ${title()} before the next release.`);
      emit('> - [ ] quoted checklists are not tasks');
    } else if (kind === 3) {
      emit(`<!-- ${pick(PEOPLE)}: revisit ${pick(OBJECTS)} -->`);
    } else {
      const asker = pick(ROLES);
      emit(`${asker[0].toUpperCase()}${asker.slice(1)}s asked for ${pick(OBJECTS)}; ${pick(VERBS).toLowerCase()} ${pick(OBJECTS)} first.`);
      emit(`This keeps ${pick(OBJECTS)} stable while the team works on ${pick(OBJECTS)}.`);
    }
    emit('');
  }
}
