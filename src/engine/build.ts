// The plan builder: turns scanned lines into the plan model. One pass reads headings, list items,
// field lines, tables and sprint sections in whatever dialect they are written (several may mix);
// a second pass settles ids, resolves references, and rolls statuses up.

import type {
  Checkbox,
  Commitment,
  DeclaredTotal,
  Dialect,
  FieldValue,
  Finding,
  Item,
  ItemKind,
  MatrixRow,
  Plan,
  PlanStyle,
  Reference,
  RoleCapacity,
  Section,
  Sprint,
  Status,
  SummaryClaim,
  Table,
  VelocityEntry,
  WrittenSum,
} from './model.js';
import { isShelved } from './model.js';
import { contentHash } from './hash.js';
import { K, kindOf, lineText, markerStart, OPTIONAL, scan, type ScanLine, type ScanResult } from './scan.js';
import { cleanCell, isHourUnit, parseHours, parseNumber } from './read/cells.js';
import { readBoldFields, readEmphasisField, readPlainField, type LabelMemo, type RawField } from './read/fields.js';
import { classifyHeading, headingNumber, type HeadingInfo } from './read/headings.js';
import { parseRefs, refKey, type ParsedRef } from './read/refs.js';
import { parseStatus } from './read/status.js';
import { isDelimiterRow, isTotalRow, splitRow, tableColumns } from './read/tables.js';

interface DepText {
  raw: string;
  line: number;
  numeric: boolean;
}

/**
 * What the builder knows of an item beyond the item itself while the document is being read,
 * kept as columns indexed like the items (one array per property, not one object per item):
 * a plan of 100,000 items then makes 100,000 objects fewer, and ids are settled from these
 * once everything is known.
 */
interface ReadingColumns {
  /** Index of the parent item, -1 for none. */
  parent: Int32Array;
  children: number[][];
  explicitId: Array<string | undefined>;
  /** How to derive an id when there is no explicit one: parent item or section key, and a suffix. */
  deriveParent: Int32Array;
  deriveBase: string[];
  deriveSuffix: string[];
  depTexts: DepText[][];
  /** Level of the heading that declares the item; 0 for list items. */
  headingLevel: Int32Array;
  /** Index of the sprint section the item was read in, -1 for none. */
  sprintIndex: Int32Array;
  /** Points and hours written in the title ("(3 pts)", "(8 hrs)"); NaN when not written. */
  inlinePoints: Float64Array;
  inlineHours: Float64Array;
  inlineAssignee: Array<string | undefined>;
  sectionPriority: Array<string | undefined>;
}

/** Columns for at most `capacity` items; the array columns grow as items are pushed. */
function readingColumns(capacity: number): ReadingColumns {
  return {
    parent: new Int32Array(capacity),
    children: [],
    explicitId: [],
    deriveParent: new Int32Array(capacity),
    deriveBase: [],
    deriveSuffix: [],
    depTexts: [],
    headingLevel: new Int32Array(capacity),
    sprintIndex: new Int32Array(capacity),
    inlinePoints: new Float64Array(capacity).fill(NaN),
    inlineHours: new Float64Array(capacity).fill(NaN),
    inlineAssignee: [],
    sectionPriority: [],
  };
}

/** Items start on headings and list lines only, so their count bounds the plan's items. */
function itemCapacity(scanned: ScanResult): number {
  let lines = 0;
  const kinds = scanned.kind;
  for (let i = 0; i < scanned.count; i++) if (kinds[i] === K.heading || kinds[i] === K.list) lines++;
  return lines;
}

/** A column's number, undefined where the document wrote none. */
function numberOrUndefined(value: number): number | undefined {
  return Number.isNaN(value) ? undefined : value;
}

type LabelContext = 'checks' | 'tasks' | 'subtasks' | 'committed' | 'other';

interface SectionFrame {
  index: number;
  level: number;
  info: HeadingInfo;
}

interface TotalLine {
  line: number;
  label: string;
  value: number;
  approximate: boolean;
  measure: 'points' | 'hours';
  section: string;
  statuses?: Status[];
  afterTable: number;
  summary?: number;
}

interface RawMatrixRow {
  line: number;
  item: string;
  dependsOn: string;
  blocks: string;
}

interface RawSummary {
  line: number;
  value: string;
  refs: ParsedRef;
  section: string;
}

interface RawCommitment {
  line: number;
  label: string;
  refs: ParsedRef;
  points?: number;
  continued: boolean;
  hoursByRole: Record<string, number>;
  role?: string;
}

interface SprintDraft {
  sprint: Sprint;
  level: number;
  raw: RawCommitment[];
  itemRefs: Array<{ refs: ParsedRef; line: number }>;
}

const CHECK_LABEL = /(acceptance|criteria|definition of (done|ready)|\bdod\b|\bdor\b|checklist|technical tasks|checks|verification|test plan)/i;
const ACCEPTANCE_LABEL = /(acceptance|criteria|definition of done|\bdod\b|test plan|verification|independent test)/i;
const TASKS_LABEL = /^(tasks|implementation tasks|work items|technical breakdown)$/i;
const SUBTASKS_LABEL = /^(subtasks|sub-tasks)$/i;
const COMMITTED_LABEL = /^(committed (stories|items|work)|sprint backlog|commitment)$/i;
const SPEC_ID = /^(T\d{3,})\b[:.]?\s*/;
const KIRO_ID = /^(\d+(?:\.\d+)*)\.?\s+/;
const LIST_EXPLICIT_ID = /^\**\[?([A-Z][A-Z0-9]*-\d+)\]?\**\s*[:.\-–—]?\s+/;
const BRACKET_TAG = /^\[([A-Za-z][\w .-]{0,20})\]\s*/;
const INLINE_DEPENDS = /\((?:depends on|after|requires|blocked by)[:\s]+([^)]*)\)|\b(?:depends on|blocked by)[:\s]+((?:[A-Z][A-Z0-9]*-\d+|T\d{3,}|US\d+)(?:\s*(?:,|and|&)\s*(?:[A-Z][A-Z0-9]*-\d+|T\d{3,}|US\d+))*)/i;
const INLINE_HOURS = /\((\d+(?:\.\d+)?)\s*(?:h|hr|hrs|hours?)\)/i;
const INLINE_POINTS = /[([](\d+(?:\.\d+)?)\s*(?:pts?|points?|sp)[)\]]/i;
const TRAILING_ROLE = /\)\s*[-–—]\s*([A-Za-z][A-Za-z/ +&]{0,40})$/;
const MENTION = /(?:^|\s)@([A-Za-z][\w.-]{0,38})/;
const AGILE_SUBTASK = /^subtask\s+(\d+(?:\.\d+)*)\s*[:.\-–—]\s*(.*)$/i;
const AGILE_TASK = /^\*\*([^*]+)\*\*\s*(.*)$/;
const WRITTEN_SUM = /(\d+(?:\.\d+)?(?:\s*\+\s*\d+(?:\.\d+)?)+)\s*=\s*\**\s*(\d+(?:\.\d+)?)/g;
const TOTAL_LABEL = /^total\b|^(completed|done|remaining|open|in progress)\s+(story\s+)?points\b/i;
const POINTS_WORD = /\b(story points|points|pts|sp)\b/i;
const CONTINUED = /\b(continued|remaining work|carry[- ]?over|carried over)\b/i;
const PROSE_BEFORE = /\b(?:must be (?:completed|done|finished) before|before|blocks|unblocks|precedes|is required (?:for|by)|enables)\b/i;
const PROSE_AFTER = /\b(?:depends on|requires|needs|after|is blocked by|blocked by|waits for)\b/i;
const ARROW = /\s*(?:→|->|⟶|=>)\s*/;


/**
 * Shared empty values: most items have no aliases, roles, dependencies or fields, and a plan of
 * 100,000 items should not carry 500,000 empty arrays. Frozen, so a stray write fails loudly.
 */
const NONE: never[] = Object.freeze([]) as unknown as never[];
const NO_FIELDS: Record<string, FieldValue> = Object.freeze({}) as Record<string, FieldValue>;

/** `list` with `value` added; a shared empty list is replaced, never written to. */
function append<T>(list: T[], value: T): T[] {
  if (list === NONE) return [value];
  list.push(value);
  return list;
}

/**
 * `read` with its answers kept for one document: labels, status words and field values repeat
 * through a plan, and each distinct one is read once. At most 10,000 answers are kept, so a
 * document of all-different values cannot make the memo grow without bound.
 */
function memoized<V>(read: (key: string) => V): (key: string) => V {
  const known = new Map<string, V>();
  return (key) => {
    const found = known.get(key);
    if (found !== undefined || known.has(key)) return found as V;
    const value = read(key);
    if (known.size < 10_000) known.set(key, value);
    return value;
  };
}

/** A short id from heading text: lower-case letters and digits joined by single dashes, cut
 *  after 32 characters (the last run may go one past, as "-x"). Whole runs are sliced, not
 *  built a character at a time, so the id is a flat string that hashes cheaply. */
function slug(text: string): string {
  let out = '';
  let run = -1;
  const length = text.length;
  for (let i = 0; i <= length && out.length < 32; i++) {
    const c = i < length ? text.charCodeAt(i) : 0;
    const alnum = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
    if (alnum) {
      if (run < 0) run = i;
      continue;
    }
    if (run < 0) continue;
    let from = run;
    run = -1;
    if (out !== '') {
      out += '-' + text[from];
      from++;
    }
    const take = Math.min(i - from, 32 - out.length);
    if (take > 0) out += text.slice(from, from + take);
  }
  return out === '' ? 'section' : out.toLowerCase();
}

/** "Acceptance Criteria" → "ac", "Definition of Done (DoD)" → "dd": the prefix of check ids. */
function abbreviate(label: string): string {
  const words = label
    .replace(/\([^)]*\)/g, '')
    .toLowerCase()
    .match(/[a-z]+/g);
  if (!words) return 'c';
  const initials = words.filter((w) => w !== 'of' && w !== 'and' && w !== 'the').map((w) => w[0]).join('');
  return initials.slice(0, 4) || 'c';
}

function statusOfBox(char: string): Status {
  if (char === 'x' || char === 'X') return 'done';
  if (char === '-' || char === '~') return 'in_progress';
  return 'todo';
}

/** Title text without `**`/`__` emphasis and with runs of whitespace made single spaces. */
function stripEmphasis(text: string): string {
  // Most titles have nothing to strip: native searches for the four triggers before any regex.
  const plain = !text.includes('*') && !text.includes('_') && !text.includes('\t') && !text.includes('  ');
  if (plain) return text.trim();
  return text.replace(/\*\*|__/g, '').replace(/\s+/g, ' ').trim();
}

/**
 * Builds the plan model from Markdown text. Never throws on any input: problems become findings.
 */
export function buildPlan(text: string, path = '<input>'): Plan {
  const scanned = scan(text);
  const lineCount = scanned.count;
  // Items are made as their lines are read; what only reading needs sits beside them in columns.
  const items: Item[] = [];
  const col = readingColumns(itemCapacity(scanned));
  const sections: Section[] = [];
  const sectionFrames: SectionFrame[] = [];
  const owners: Array<{ item: number; level: number }> = [];
  const sprintDrafts: SprintDraft[] = [];
  const tables: Table[] = [];
  const roleCapacity: RoleCapacity[] = [];
  const velocityHistory: VelocityEntry[] = [];
  const writtenSums: WrittenSum[] = [];
  const rawMatrix: RawMatrixRow[] = [];
  const rawSummaries: RawSummary[] = [];
  const totalLines: TotalLine[] = [];
  const proseDeps: Array<{ text: string; line: number }> = [];
  const findings: Finding[] = [];
  const docFields: Record<string, FieldValue> = {};
  const statusWords: Partial<Record<Status, string>> = {};
  const listItemAt = new Int32Array(lineCount).fill(-1);
  const childCounters = new Map<string, number>();
  const childCount: number[] = [];
  const abbreviationOf = memoized(abbreviate);
  // Labels and status words repeat through a document: each is read once.
  const labelKeys: LabelMemo = new Map();
  const statusOf = memoized(parseStatus);
  const namesAcceptance = memoized((label) => ACCEPTANCE_LABEL.test(label) || /test criteria/i.test(label));
  // Headings that declare no item repeat too ("Dependencies", "Implementation Plan").
  const sectionHeadings = new Map<string, HeadingInfo>();
  function classify(raw: string, isTitle: boolean): HeadingInfo {
    if (isTitle) return classifyHeading(raw, true);
    let info = sectionHeadings.get(raw);
    if (info === undefined) {
      info = classifyHeading(raw, false);
      // An item's info carries lists the item takes over: never shared between items.
      if (info.type !== 'item' && sectionHeadings.size < 10_000) sectionHeadings.set(raw, info);
    }
    return info;
  }
  const sectionNumbers: Array<string | undefined> = [];
  let label: { context: LabelContext; text: string } | null = null;
  let title = '';
  let sawHeading = false;
  let tableStart = -1;
  let lastTableEnd = -1;
  let lastTableIndex = -1;
  let commitmentOpen = -1;

  const currentSection = (): string => (sectionFrames.length > 0 ? sections[sectionFrames[sectionFrames.length - 1].index].id : '');
  const currentOwner = (): number => (owners.length > 0 ? owners[owners.length - 1].item : -1);
  const currentSprint = (): SprintDraft | null => (sprintDrafts.length > 0 && sprintStackOpen() ? sprintDrafts[sprintDrafts.length - 1] : null);
  const sectionHas = (type: HeadingInfo['type']): SectionFrame | undefined => {
    for (let i = sectionFrames.length - 1; i >= 0; i--) {
      const frame = sectionFrames[i];
      if (frame.info.type === type) return frame;
      // An item heading between starts a new scope: roles above it do not reach inside.
      if (frame.info.type === 'item') return undefined;
    }
    return undefined;
  };
  let sprintOpenLevel = 0;

  // Where the reader stands, as the heading stack decides it. Only headings change the stack, so
  // this is worked out once per heading instead of once per line that asks.
  let sectionNow = '';
  let ownerNow = -1;
  let sprintNow: SprintDraft | null = null;
  let sectionKeyNow = 'item';
  let criteriaFrame: SectionFrame | undefined;
  let legendFrame: SectionFrame | undefined;
  let dependenciesFrame: SectionFrame | undefined;
  let priorityFrame: SectionFrame | undefined;
  function settleContext(): void {
    sectionNow = currentSection();
    ownerNow = currentOwner();
    sprintNow = currentSprint();
    sectionKeyNow = sectionKey();
    criteriaFrame = sectionHas('criteria');
    legendFrame = sectionHas('legend');
    dependenciesFrame = sectionHas('dependencies');
    priorityFrame = sectionHas('priority');
  }

  /** Priority named by an enclosing "High Priority" heading, above the heading just opened. */
  function enclosingPriority(): string | undefined {
    for (let i = sectionFrames.length - 2; i >= 0; i--) {
      const info = sectionFrames[i].info;
      if (info.type === 'priority') return info.priority;
      if (info.type === 'item') return undefined;
    }
    return undefined;
  }
  function sprintStackOpen(): boolean {
    return sprintOpenLevel > 0;
  }

  // Top-level list items per section key, apart from the other counters: no key string per item.
  const sectionCounters = new Map<string, number>();
  function nextSectionCount(base: string): number {
    const n = (sectionCounters.get(base) ?? 0) + 1;
    sectionCounters.set(base, n);
    return n;
  }

  function nextCount(key: string): number {
    const n = (childCounters.get(key) ?? 0) + 1;
    childCounters.set(key, n);
    return n;
  }

  // Checks come in runs under one item and checklist: the run's counter stays in variables and
  // goes back to the map only when the run changes.
  let checkParent = -2;
  let checkList: string | undefined;
  let checkCount = 0;
  function nextCheck(parent: number, checklist: string | undefined): number {
    if (parent !== checkParent || checklist !== checkList) {
      if (checkParent !== -2) childCounters.set(`${checkParent}/${checkList}`, checkCount);
      checkParent = parent;
      checkList = checklist;
      checkCount = childCounters.get(`${parent}/${checklist}`) ?? 0;
    }
    return ++checkCount;
  }

  /** Next child number under an item (the common case, kept out of the string-keyed map). */
  function nextChild(parent: number): number {
    childCount[parent] = (childCount[parent] ?? 0) + 1;
    return childCount[parent];
  }

  /**
   * A new item, with every property in the same order so property access stays monomorphic;
   * id, status, parent, children and the numbers are filled in once the whole plan is read.
   * Positional arguments, not an options object: this runs once per item.
   */
  function newItem(
    title: string,
    kind: ItemKind,
    line: number,
    headerEnd: number,
    dialect: Dialect,
    parent: number,
    explicitId: string | undefined,
    deriveParent: number,
    deriveBase: string,
    deriveSuffix: string,
    checkbox: Checkbox | undefined,
    tags: string[],
    checklist: string | undefined,
  ): number {
    const index = items.length;
    items.push({
      id: '',
      aliases: NONE,
      title,
      kind,
      status: 'todo',
      statusSource: 'checkbox',
      checkbox,
      statusField: undefined,
      points: undefined,
      hours: undefined,
      priority: undefined,
      assignee: undefined,
      roles: NONE,
      tags,
      deps: NONE,
      parent: null,
      children: NONE,
      checklist,
      section: sectionNow,
      line,
      endLine: line,
      headerEnd,
      dialect,
      fields: NO_FIELDS,
      hasAcceptance: false,
    });
    // Every array column gets a value per item, so none has holes.
    col.parent[index] = parent;
    col.children.push(NONE);
    col.explicitId.push(explicitId);
    col.deriveParent[index] = deriveParent;
    col.deriveBase.push(deriveBase);
    col.deriveSuffix.push(deriveSuffix);
    col.depTexts.push(NONE);
    col.sprintIndex[index] = sprintOpenLevel > 0 ? sprintDrafts.length - 1 : -1;
    col.inlineAssignee.push(undefined);
    col.sectionPriority.push(undefined);
    if (parent >= 0) col.children[parent] = append(col.children[parent], index);
    return index;
  }

  function addField(index: number, field: RawField, line: number): void {
    const item = items[index];
    const value: FieldValue = { value: field.value, line, span: { start: field.valueStart, end: field.valueEnd }, label: field.label };
    if (item.fields === NO_FIELDS) item.fields = {};
    if (!Object.hasOwn(item.fields, field.key)) item.fields[field.key] = value;
    if (field.key === 'deps') col.depTexts[index] = append(col.depTexts[index], { raw: field.value, line, numeric: item.dialect === 'kiro' });
    if (field.key === 'id') {
      const id = cleanCell(field.value);
      if (/^[A-Za-z][\w.-]*$/.test(id)) {
        col.explicitId[index] = id;
      }
    }
    if (field.key === 'status') {
      const status = statusOf(field.value);
      if (status && !(status in statusWords)) statusWords[status] = field.value;
    }
    if (namesAcceptance(field.label)) item.hasAcceptance = true;
    if (field.key === 'role' && field.value) item.roles = [...item.roles, ...field.value.split(/[,/&+]|\band\b/).map((r) => r.trim()).filter(Boolean)];
  }

  function closeSectionsTo(level: number): void {
    while (sectionFrames.length > 0 && sectionFrames[sectionFrames.length - 1].level >= level) {
      const frame = sectionFrames.pop()!;
      sections[frame.index].endLine = Math.max(sections[frame.index].line, lastContentLine);
    }
    while (owners.length > 0 && owners[owners.length - 1].level >= level) {
      const owner = owners.pop()!;
      items[owner.item].endLine = Math.max(items[owner.item].endLine, lastContentLine);
    }
    if (sprintOpenLevel > 0 && sprintOpenLevel >= level) {
      const sprint = sprintDrafts[sprintDrafts.length - 1];
      sprint.sprint.endLine = Math.max(sprint.sprint.line, lastContentLine);
      sprintOpenLevel = 0;
    }
  }

  let lastContentLine = 0;

  function flushTable(endIndex: number): void {
    if (tableStart < 0) return;
    const rows = [];
    for (let i = tableStart; i < endIndex; i++) {
      rows.push({ line: i + 1, cells: splitRow(text.slice(scanned.textStart[i], scanned.end[i])) });
    }
    tableStart = -1;
    if (rows.length < 2 || !isDelimiterRow(rows[1].cells)) return;
    const table: Table = {
      line: rows[0].line,
      endLine: rows[rows.length - 1].line,
      section: sectionNow,
      header: rows[0].cells,
      rows: rows.slice(2),
    };
    tables.push(table);
    lastTableEnd = table.endLine;
    lastTableIndex = tables.length - 1;
    readTable(table, tables.length - 1);
  }

  function readTable(table: Table, tableIndex: number): void {
    const columns = tableColumns(table);
    if (columns.role === 'capacity' && roleCapacity.length === 0) {
      for (const row of table.rows) {
        if (isTotalRow(row.cells)) continue;
        const role = stripEmphasis(row.cells[columns.roleName] ?? '');
        if (!role) continue;
        roleCapacity.push({
          role,
          hoursPerWeek: columns.weekly >= 0 ? parseNumber(row.cells[columns.weekly] ?? '')?.value : undefined,
          hoursPerSprint: columns.sprintCapacity >= 0 ? parseNumber(row.cells[columns.sprintCapacity] ?? '')?.value : undefined,
          line: row.line,
        });
      }
    } else if (columns.role === 'velocity' && velocityHistory.length === 0) {
      for (const row of table.rows) {
        if (isTotalRow(row.cells)) continue;
        const completedCell = columns.completed >= 0 ? row.cells[columns.completed] : row.cells[columns.velocity];
        const completed = parseNumber(completedCell ?? '');
        if (!completed) continue;
        velocityHistory.push({
          sprint: stripEmphasis(row.cells[columns.sprint] ?? ''),
          planned: columns.planned >= 0 ? parseNumber(row.cells[columns.planned] ?? '')?.value : undefined,
          completed: completed.value,
          line: row.line,
        });
      }
    } else if (columns.role === 'matrix') {
      for (const row of table.rows) {
        rawMatrix.push({
          line: row.line,
          item: row.cells[columns.item] ?? '',
          dependsOn: row.cells[columns.dependsOn] ?? '',
          blocks: columns.blocks >= 0 ? row.cells[columns.blocks] ?? '' : '',
        });
      }
    }
    if (columns.role === 'velocity') return;
    // Totals rows of other tables are claims about their columns.
    for (const row of table.rows) {
      if (!isTotalRow(row.cells) || /avg|average/i.test(row.cells[0])) continue;
      for (let column = 1; column < table.header.length; column++) {
        const total = parseNumber(row.cells[column] ?? '');
        if (!total || total.unit === '%' || /avg|average|%/i.test(row.cells[column] ?? '')) continue;
        const dataRows = table.rows.filter((r) => r !== row && !isTotalRow(r.cells) && r.line < row.line);
        if (dataRows.length < 2) continue;
        const numeric = dataRows.every((r) => {
          const n = parseNumber(r.cells[column] ?? '');
          return n !== null && n.unit !== '%';
        });
        if (!numeric) continue;
        totalsFromTables.push({
          line: row.line,
          label: `${stripEmphasis(row.cells[0])} (${stripEmphasis(table.header[column])})`,
          measure: isHourUnit(total.unit) || /hour|hrs/i.test(table.header[column]) ? 'hours' : 'points',
          scope: { type: 'table', table: tableIndex, column },
          value: total.value,
          approximate: total.approximate,
        });
      }
    }
  }
  const totalsFromTables: DeclaredTotal[] = [];

  function readHeading(line: ScanLine): void {
    const raw = lineText(text, line);
    const isTitle = !sawHeading && line.level === 1;
    sawHeading = true;
    // A copyright or licence line set as a heading is not the plan's title.
    const heading = stripEmphasis(raw);
    if (line.level === 1 && !title && !/^(copyright|©|\(c\)|licen[cs]e|spdx)/i.test(raw)) title = heading;
    closeSectionsTo(line.level);
    label = null;
    commitmentOpen = -1;
    const info = classify(raw, isTitle);
    const parentSection = sectionFrames.length > 0 ? sections[sectionFrames[sectionFrames.length - 1].index].id : null;
    const section: Section = { id: uniqueSectionId(slug(heading)), title: heading, level: line.level, line: line.lineNo, endLine: line.lineNo, parent: parentSection };
    sections.push(section);
    sectionNumbers.push(headingNumber(raw));
    sectionFrames.push({ index: sections.length - 1, level: line.level, info });
    settleContext();
    if (info.type === 'item') {
      const owner = currentOwner();
      // The section was just opened, so the item's section is this heading's.
      const itemIndex = newItem(info.title, info.kind, line.lineNo, line.end, info.dialect, owner, info.id, -1, info.id ? '' : slug(info.title), '', undefined, info.tags.length > 0 ? info.tags : NONE, undefined);
      section.itemId = String(itemIndex);
      const item = items[itemIndex];
      if (info.aliases.length > 0) item.aliases = info.aliases;
      col.headingLevel[itemIndex] = line.level;
      const group = sectionFrames.length > 1 ? enclosingPriority() : undefined;
      col.sectionPriority[itemIndex] = info.priority ?? group;
      if (info.sprint) item.fields = { sprint: { value: info.sprint, line: line.lineNo, span: { start: line.start, end: line.start }, label: 'Sprint' } };
      if (info.declared) {
        declaredFromHeadings.push({ item: itemIndex, line: line.lineNo, label: raw, ...info.declared });
      }
      owners.push({ item: itemIndex, level: line.level });
    } else if (info.type === 'sprint') {
      const number = info.number;
      const sprint: Sprint = {
        id: number !== undefined ? `sprint-${number}` : slug(info.name),
        name: info.name,
        number,
        line: line.lineNo,
        endLine: line.lineNo,
        section: section.id,
        commitments: [],
        items: [],
      };
      sprintDrafts.push({ sprint, level: line.level, raw: [], itemRefs: [] });
      sprintOpenLevel = line.level;
    } else if (info.type === 'criteria') {
      const owner = currentOwner();
      if (owner >= 0 && /acceptance|test criteria|definition of done|\bdod\b/i.test(raw)) items[owner].hasAcceptance = true;
    }
    if (sprintStackOpen() && /committed (stories|items|work)|sprint backlog/i.test(raw)) label = { context: 'committed', text: raw };
    settleContext();
  }
  const declaredFromHeadings: Array<{ item: number; line: number; label: string; value: number; approximate: boolean; measure: 'points' | 'hours' }> = [];

  const sectionIds = new Set<string>();
  /** Next number to try per base, so a heading repeated thousands of times costs no search. */
  const sectionSuffix = new Map<string, number>();
  function uniqueSectionId(base: string): string {
    // Most titles are new: only a repeated one needs its suffix remembered.
    if (!sectionIds.has(base)) {
      sectionIds.add(base);
      return base;
    }
    let id = base;
    let n = sectionSuffix.get(base) ?? 2;
    while (sectionIds.has(id)) id = `${base}-${n++}`;
    sectionSuffix.set(base, n);
    sectionIds.add(id);
    return id;
  }

  /** Bold field lines outside list items: an item's fields, a sprint's, or the document's. */
  function readFieldLine(line: ScanLine, fields: RawField[]): void {
    const owner = ownerNow;
    const sprint = sprintNow;
    const first = fields[0];
    if (fields.length === 1 && first.value === '') {
      label = { context: labelContext(first.label), text: first.label };
      if (owner >= 0 && namesAcceptance(first.label)) items[owner].hasAcceptance = true;
      return;
    }
    if (sprint && (owner < 0 || col.sprintIndex[owner] !== sprintDrafts.length - 1 || items[owner].line < sprint.sprint.line)) {
      for (const field of fields) readSprintField(sprint, field, line);
      return;
    }
    if (owner >= 0 && !(sprint && label?.context === 'committed')) {
      for (const field of fields) addField(owner, field, line.lineNo);
      return;
    }
    for (const field of fields) readDocumentField(field, line);
  }

  function readSprintField(sprint: SprintDraft, field: RawField, line: ScanLine): void {
    const number = parseNumber(field.value);
    const value = { value: field.value, line: line.lineNo, span: { start: field.valueStart, end: field.valueEnd }, label: field.label };
    if (field.key === 'capacity' && number && !isHourUnit(number.unit)) sprint.sprint.capacityPoints ??= { ...value, number: number.value };
    else if (field.key === 'velocity' && number) sprint.sprint.velocity ??= { ...value, number: number.value };
    else if (field.key === 'goal') sprint.sprint.goal ??= field.value;
    else if (field.key === 'points' && number) sprint.sprint.declaredPoints ??= { ...value, number: number.value };
    else if (field.key === 'items') sprint.itemRefs.push({ refs: parseRefs(field.value), line: line.lineNo });
    else if (TOTAL_LABEL.test(field.label)) readDocumentField(field, line);
  }

  function readDocumentField(field: RawField, line: ScanLine): void {
    if (!Object.hasOwn(docFields, field.key)) docFields[field.key] = { value: field.value, line: line.lineNo, span: { start: field.valueStart, end: field.valueEnd }, label: field.label };
    if (!TOTAL_LABEL.test(field.label)) return;
    const number = parseNumber(field.value);
    if (!number) return;
    const pointsClaim = POINTS_WORD.test(field.label) || POINTS_WORD.test(field.value.slice(0, 40));
    if (!pointsClaim) return;
    const labelLower = field.label.toLowerCase();
    let statuses: Status[] | undefined;
    if (/completed|done/.test(labelLower)) statuses = ['done'];
    else if (/in progress/.test(labelLower)) statuses = ['in_progress', 'review'];
    else if (/remaining|open/.test(labelLower)) statuses = ['todo', 'in_progress', 'review', 'blocked'];
    const summarySection = priorityFrame;
    totalLines.push({
      line: line.lineNo,
      label: field.label,
      value: number.value,
      approximate: number.approximate,
      measure: 'points',
      section: sectionNow,
      statuses,
      afterTable: lastTableEnd >= 0 && line.lineNo - lastTableEnd <= 2 ? lastTableIndex : -1,
      summary: summarySection && ownerNow < 0 ? summarySection.index : undefined,
    });
  }

  const labelContext = memoized(readLabelContext);

  function readLabelContext(text: string): LabelContext {
    const clean = text.replace(/\([^)]*\)/g, '').trim();
    if (COMMITTED_LABEL.test(clean)) return 'committed';
    if (TASKS_LABEL.test(clean)) return 'tasks';
    if (SUBTASKS_LABEL.test(clean)) return 'subtasks';
    if (CHECK_LABEL.test(clean)) return 'checks';
    return 'other';
  }

  function readListLine(index: number, line: ScanLine): void {
    const parentItem = line.parent >= 0 ? listItemAt[line.parent] : -1;
    const content = text.slice(line.textStart, line.end);
    const sprint = sprintNow;
    const owner = ownerNow;
    // Numbered task lines of a story keep their ids whether or not they carry a checkbox.
    if (parentItem < 0 && line.depth === 0 && owner >= 0 && label?.context === 'tasks' && /^\d/.test(line.marker)) {
      readAgileTask(index, line, owner, content);
      return;
    }
    const subtask = parentItem < 0 && line.depth === 0 && owner >= 0 && label?.context === 'subtasks' ? AGILE_SUBTASK.exec(content) : null;
    if (subtask) {
      readAgileSubtask(index, line, owner, subtask);
      return;
    }
    if (line.box !== '') {
      readCheckboxItem(index, line, parentItem, content);
      return;
    }
    // Detail lines under a checkbox item: fields, Kiro's `_Requirements:_`, `Depends on:`.
    if (parentItem >= 0) {
      const bold = readBoldFields(text, line.textStart, line.end, labelKeys);
      if (bold.length > 0 && bold[0].value !== '') {
        for (const field of bold) addField(parentItem, field, line.lineNo);
        return;
      }
      const emphasis = readEmphasisField(text, line.textStart, line.end, labelKeys);
      if (emphasis) {
        addField(parentItem, emphasis, line.lineNo);
        return;
      }
      const plain = readPlainField(text, line.textStart, line.end, (key) => key === 'deps' || key === 'points' || key === 'hours' || key === 'assignee' || key === 'status' || key === 'priority', labelKeys);
      if (plain) addField(parentItem, plain, line.lineNo);
      return;
    }
    if (sprint && label?.context === 'committed') {
      readCommitmentLine(sprint, line, content);
      return;
    }
    if (line.depth === 0) {
      const bold = readBoldFields(text, line.textStart, line.end, labelKeys);
      if (bold.length > 0 && bold[0].value !== '') {
        readFieldLine(line, bold);
        return;
      }
    }
    if (legendFrame) {
      const status = parseStatus(content);
      if (status && !(status in statusWords)) statusWords[status] = stripEmphasis(content.split(/\s[-–—]\s/)[0]);
      return;
    }
    if (dependenciesFrame) {
      proseDeps.push({ text: content, line: line.lineNo });
      return;
    }
    const priority = priorityFrame;
    if (priority && priority.info.type === 'priority' && owner < 0) {
      // "(Phase 1)" after a list of ids qualifies it; it is not one of the listed items.
      const refs = parseRefs(content.replace(/\([^)]*\)/g, ' '));
      if (refs.tokens.length > 0) rawSummaries.push({ line: line.lineNo, value: priority.info.priority, refs, section: sections[priority.index].id });
    }
  }

  function readCheckboxItem(index: number, line: ScanLine, parentItem: number, content: string): void {
    const owner = ownerNow;
    const parent = parentItem >= 0 ? parentItem : owner;
    const parentKind = parent >= 0 ? items[parent].kind : null;
    const inCriteria = parentItem < 0 && (label?.context === 'checks' || (!label && criteriaFrame !== undefined));
    let kind: ItemKind;
    let checklist: string | undefined;
    if (parentKind === 'check' || inCriteria) {
      kind = 'check';
      checklist = parentKind === 'check' ? items[parent].checklist : label?.context === 'checks' ? label.text : sections[sectionFrames[sectionFrames.length - 1]?.index ?? 0]?.title;
    } else if (parentKind === 'task' || parentKind === 'subtask') {
      kind = 'subtask';
    } else {
      kind = 'task';
    }
    let rest = content;
    let explicitId: string | undefined;
    let dialect: Dialect = 'checklist';
    let tags: string[] = NONE;
    if (kind !== 'check') {
      // The first character tells which id form can follow, so at most one pattern runs.
      const first = rest.charCodeAt(0);
      const spec = first === 84 ? SPEC_ID.exec(rest) : null;
      const kiro = !spec && first >= 48 && first <= 57 ? KIRO_ID.exec(rest) : null;
      const listed = !spec && !kiro && (first === 42 || first === 91 || (first >= 65 && first <= 90)) ? LIST_EXPLICIT_ID.exec(rest) : null;
      if (spec) {
        explicitId = spec[1];
        dialect = 'spec-kit';
        rest = rest.slice(spec[0].length);
      } else if (kiro) {
        explicitId = kiro[1];
        dialect = 'kiro';
        rest = rest.slice(kiro[0].length);
      } else if (listed) {
        explicitId = listed[1];
        dialect = 'backlog';
        rest = rest.slice(listed[0].length);
      }
      for (let tag = rest.charCodeAt(0) === 91 ? BRACKET_TAG.exec(rest) : null; tag; tag = rest.charCodeAt(0) === 91 ? BRACKET_TAG.exec(rest) : null) {
        tags = append(tags, tag[1].trim());
        rest = rest.slice(tag[0].length);
      }
      if (tags.length > 0 && dialect === 'checklist') dialect = 'spec-kit';
    }
    if (line.optional) {
      tags = append(tags, 'optional');
      if (dialect === 'checklist') dialect = 'kiro';
    }
    const base = kind === 'check' ? (parent >= 0 ? '' : sectionNow) : parentItem >= 0 ? '' : sectionKeyNow;
    const n =
      kind === 'check'
        ? nextCheck(parent, checklist)
        : parentItem >= 0
          ? nextChild(parentItem)
          : parent >= 0 && base === ''
            ? nextChild(parent)
            : nextSectionCount(base);
    const suffix = kind === 'check' ? `${abbreviationOf(checklist ?? 'check')}${n}` : String(n);
    const itemIndex = newItem(stripEmphasis(rest), kind, line.lineNo, line.end, dialect, parent, explicitId, base === '' ? parent : -1, base, suffix, checkboxOf(line), tags, checklist);
    listItemAt[index] = itemIndex;
    const item = items[itemIndex];
    if (kind !== 'check') readInlineMetadata(itemIndex, rest, line);
    if (dialect === 'kiro' && explicitId) item.aliases = append(item.aliases, `TASK ${explicitId}`);
    if (kind !== 'check' && owner >= 0 && col.sectionPriority[owner] && parent === owner) col.sectionPriority[itemIndex] = col.sectionPriority[owner];
  }

  /** The key that derived ids of top-level list items in the current section start with. */
  function sectionKey(): string {
    const owner = currentOwner();
    for (let i = sectionFrames.length - 1; i >= 0; i--) {
      const frame = sectionFrames[i];
      const number = sectionNumbers[frame.index];
      if (number) return number;
      if (frame.info.type === 'item') return '';
      if (owner < 0) return sections[frame.index].id;
    }
    return owner >= 0 ? '' : 'item';
  }

  function readInlineMetadata(index: number, rest: string, line: ScanLine): void {
    // Cheap character tests first: most titles carry no metadata at all.
    const paren = rest.includes('(') || rest.includes('[');
    if (paren || /depend|blocked/i.test(rest)) {
      const depends = INLINE_DEPENDS.exec(rest);
      if (depends) col.depTexts[index] = append(col.depTexts[index], { raw: depends[1] ?? depends[2], line: line.lineNo, numeric: items[index].dialect === 'kiro' });
    }
    if (paren) {
      const hours = INLINE_HOURS.exec(rest);
      if (hours) col.inlineHours[index] = Number(hours[1]);
      const points = INLINE_POINTS.exec(rest);
      if (points) col.inlinePoints[index] = Number(points[1]);
    }
    if (rest.includes('@')) {
      const mention = MENTION.exec(rest);
      if (mention) col.inlineAssignee[index] = mention[1];
    }
  }

  function readAgileTask(index: number, line: ScanLine, owner: number, content: string): void {
    const bold = AGILE_TASK.exec(content);
    const titleText = bold ? bold[1] : content;
    const tail = bold ? bold[2] : '';
    const number = /^\d+/.exec(line.marker)?.[0] ?? String(nextCount(`t${owner}`));
    const kind = items[owner].kind === 'task' ? 'subtask' : 'task';
    const itemIndex = newItem(stripEmphasis(titleText), kind, line.lineNo, line.end, 'agile', owner, undefined, owner, '', number, checkboxOf(line), NONE, undefined);
    listItemAt[index] = itemIndex;
    const item = items[itemIndex];
    readInlineMetadata(itemIndex, tail, line);
    const role = TRAILING_ROLE.exec(tail.trim());
    if (role) item.roles = [...item.roles, ...role[1].split(/[/&+,]/).map((r) => r.trim()).filter(Boolean)];
  }

  function readAgileSubtask(index: number, line: ScanLine, owner: number, match: RegExpExecArray): void {
    const title = stripEmphasis(match[2].replace(INLINE_HOURS, ''));
    const itemIndex = newItem(title, 'subtask', line.lineNo, line.end, 'agile', owner, `ST-${match[1]}`, owner, '', match[1], checkboxOf(line), NONE, undefined);
    items[itemIndex].aliases = [`SUBTASK ${match[1]}`];
    listItemAt[index] = itemIndex;
    readInlineMetadata(itemIndex, match[2], line);
  }

  function readCommitmentLine(sprint: SprintDraft, line: ScanLine, content: string): void {
    if (line.depth === 0) {
      const bold = AGILE_TASK.exec(content);
      const head = bold ? bold[1] : content;
      const tail = bold ? bold[2] : '';
      const points = INLINE_POINTS.exec(tail) ?? INLINE_POINTS.exec(head);
      const role = TRAILING_ROLE.exec(tail.trim()) ?? /^\s*[-–—]\s*([A-Za-z][A-Za-z/ +&]{0,40})$/.exec(tail.replace(INLINE_POINTS, ''));
      sprint.raw.push({
        line: line.lineNo,
        label: stripEmphasis(head),
        refs: parseRefs(head),
        points: points ? Number(points[1]) : undefined,
        continued: CONTINUED.test(content),
        hoursByRole: {},
        role: role ? role[1].trim() : undefined,
      });
      commitmentOpen = sprint.raw.length - 1;
      return;
    }
    if (commitmentOpen < 0 || /^\*\*total/i.test(content)) return;
    const entry = sprint.raw[commitmentOpen];
    const hours = INLINE_HOURS.exec(content);
    if (!hours) return;
    const role = TRAILING_ROLE.exec(content.trim())?.[1].trim() ?? entry.role;
    if (!role || /[/+&]/.test(role)) return;
    entry.hoursByRole[role] = (entry.hoursByRole[role] ?? 0) + Number(hours[1]);
  }

  function readWrittenSums(line: ScanLine): void {
    const content = text.slice(line.textStart, Math.min(line.end, line.textStart + 2000));
    if (!content.includes('+') || !content.includes('=')) return;
    for (const match of content.matchAll(WRITTEN_SUM)) {
      const terms = match[1].split('+').map((t) => Number(t.trim()));
      writtenSums.push({ line: line.lineNo, terms, total: Number(match[2]), text: match[0] });
    }
  }

  // ---- first pass: read every line -------------------------------------------------------
  // One reusable view of the current line: the hot loop allocates nothing per line.
  const line: ScanLine = { kind: 'blank', lineNo: 0, start: 0, end: 0, indent: 0, textStart: 0, level: 0, marker: '', parent: -1, depth: 0, box: '', boxOffset: -1, optional: false, delimiter: false };
  const kinds = scanned.kind;
  for (let index = 0; index < lineCount; index++) {
    const kind = kinds[index];
    if (kind !== K.table && tableStart >= 0) flushTable(index);
    // Blank lines, code and fences carry nothing to read: most of a plan's lines are skipped
    // without loading them.
    if (kind === K.blank) continue;
    if (kind === K.fence || kind === K.code || kind === K.quote || kind === K.html) {
      lastContentLine = index + 1;
      continue;
    }
    loadLine(scanned, text, index, line);
    switch (line.kind) {
      case 'heading':
        readHeading(line);
        break;
      case 'table':
        if (tableStart < 0) tableStart = index;
        break;
      case 'list':
        readListLine(index, line);
        readWrittenSums(line);
        if (line.parent >= 0 && listItemAt[line.parent] >= 0) extendItem(listItemAt[line.parent], line.lineNo);
        break;
      case 'text': {
        readWrittenSums(line);
        const fields = readBoldFields(text, line.textStart, line.end, labelKeys);
        if (fields.length > 0) {
          readFieldLine(line, fields);
        } else if (dependenciesFrame) {
          proseDeps.push({ text: text.slice(line.textStart, line.end), line: line.lineNo });
        } else if (index > 0 && scanned.kind[index - 1] === K.list && listItemAt[index - 1] >= 0) {
          extendItem(listItemAt[index - 1], line.lineNo);
        }
        break;
      }
      case 'hr':
        label = null;
        break;
      default:
        break;
    }
    if (line.kind !== 'blank') lastContentLine = line.lineNo;
  }
  flushTable(lineCount);
  closeSectionsTo(0);
  if (scanned.unterminatedFence !== null) {
    findings.push({
      rule: 'unterminated-fence',
      severity: 'warning',
      line: scanned.unterminatedFence,
      message: `Code fence opened on line ${scanned.unterminatedFence} is never closed, so everything after it is read as code. Close it with a matching fence line.`,
    });
  }

  /** A list item's text goes on to `lineNo`; its ancestors follow in one pass at the end. */
  function extendItem(index: number, lineNo: number): void {
    if (items[index].endLine < lineNo) items[index].endLine = lineNo;
  }
  const count = items.length;
  for (let i = count - 1; i >= 0; i--) {
    const parent = col.parent[i];
    if (parent >= 0 && col.headingLevel[parent] === 0 && items[parent].endLine < items[i].endLine) items[parent].endLine = items[i].endLine;
  }

  // ---- second pass: ids, references, statuses ---------------------------------------------
  // Ids are looked up case-insensitively, by the same upper-case keys settleIds used; aliases
  // ("Phase 2", "Story 1.1") come after, so an id always wins over an alias.
  const { ids, byKey: aliasMap } = settleIds(items, col, findings);
  for (let i = 0; i < count; i++) {
    const aliases = items[i].aliases;
    for (let k = 0; k < aliases.length; k++) {
      const key = refKey(aliases[k]);
      if (!aliasMap.has(key)) aliasMap.set(key, i);
    }
  }

  // Which items the reference being resolved already holds: a stamp per item, not a search.
  const foundIn = new Int32Array(count);
  let resolving = 0;
  const resolve = (parsed: ParsedRef, self: number): { ids: number[]; unresolved: string[] } => {
    const found: number[] = [];
    const unresolved: string[] = [];
    resolving++;
    for (const token of parsed.tokens) {
      const hit = aliasMap.get(token);
      // A reference to the item itself is kept: lint reports it as a one-item cycle.
      if (hit === undefined) unresolved.push(token);
      else if (foundIn[hit] !== resolving) {
        foundIn[hit] = resolving;
        found.push(hit);
      }
    }
    if (parsed.group) {
      for (const member of expandGroup(parsed.group, self)) {
        if (foundIn[member] === resolving) continue;
        foundIn[member] = resolving;
        found.push(member);
      }
    }
    return { ids: found, unresolved };
  };

  function ancestorsOf(index: number): Set<number> {
    const result = new Set<number>();
    for (let p = col.parent[index]; p >= 0; p = col.parent[p]) result.add(p);
    return result;
  }

  // Drafts by what a group can be made of, in document order, so a group expands by walking its
  // candidates instead of the whole plan (N items each naming "All previous phases" stay linear).
  let groupUnits: Map<string, number[]> | null = null;
  function candidatesFor(unit: string): number[] {
    if (groupUnits === null) {
      groupUnits = new Map();
      for (const name of ['item', 'epic', 'phase', 'story', 'task', 'subtask']) groupUnits.set(name, []);
      for (let i = 0; i < count; i++) {
        const kind = items[i].kind;
        if (kind === 'check') continue;
        groupUnits.get(kind)!.push(i);
        if (kind === 'task' || kind === 'story') groupUnits.get('item')!.push(i);
      }
    }
    return groupUnits.get(unit) ?? NONE;
  }

  function expandGroup(group: NonNullable<ParsedRef['group']>, self: number): number[] {
    const members: number[] = [];
    if (group.kind === 'phase') {
      const phase = aliasMap.get(`PHASE ${group.phase?.toUpperCase()}`);
      if (phase === undefined) return members;
      for (const child of col.children[phase]) {
        if (child !== self && items[child].kind !== 'check') members.push(child);
      }
      return members;
    }
    const ancestors = self >= 0 ? ancestorsOf(self) : new Set<number>();
    const limit = group.kind === 'previous' && self >= 0 ? self : count;
    for (const i of candidatesFor(group.unit)) {
      if (i >= limit) break;
      if (i === self || ancestors.has(i)) continue;
      members.push(i);
    }
    return members;
  }

  type ResolvedRef = { raw: string; line: number; ids: number[]; unresolved: string[]; group?: string };
  const depRefs: Array<ResolvedRef[] | undefined> = new Array(count);
  // Dependency texts repeat ("None", "T001", "All previous phases"): each is parsed once.
  const parsedRefs = [memoized((raw) => parseRefs(raw, false)), memoized((raw) => parseRefs(raw, true))];
  const parseDepText = (raw: string, numeric: boolean): ParsedRef => parsedRefs[numeric ? 1 : 0](raw);
  for (let i = 0; i < count; i++) {
    if (col.depTexts[i].length === 0) continue;
    for (const dep of col.depTexts[i]) {
      const parsed = parseDepText(dep.raw, dep.numeric);
      if (parsed.none) continue;
      const { ids: found, unresolved } = resolve(parsed, i);
      (depRefs[i] ??= []).push({ raw: dep.raw, line: dep.line, ids: found, unresolved, group: parsed.group ? dep.raw : undefined });
    }
  }
  for (const prose of proseDeps) readProseDependency(prose.text, prose.line);

  function readProseDependency(sentence: string, line: number): void {
    const clean = stripEmphasis(sentence);
    const chain = clean.split(ARROW);
    if (chain.length > 1) {
      for (let k = 1; k < chain.length; k++) linkProse(chain[k - 1], chain[k], clean, line);
      return;
    }
    const before = PROSE_BEFORE.exec(clean);
    if (before) {
      linkProse(clean.slice(0, before.index), clean.slice(before.index + before[0].length), clean, line);
      return;
    }
    const after = PROSE_AFTER.exec(clean);
    if (after) linkProse(clean.slice(after.index + after[0].length), clean.slice(0, after.index), clean, line);
  }

  /** `first` must be done before `then` can start. */
  function linkProse(first: string, then: string, raw: string, line: number): void {
    const prerequisites = resolve(parseRefs(first), -1).ids;
    const dependents = resolve(parseRefs(then), -1).ids;
    if (prerequisites.length === 0 || dependents.length === 0) return;
    for (const dependent of dependents) {
      const ids = prerequisites.filter((p) => p !== dependent);
      if (ids.length > 0) (depRefs[dependent] ??= []).push({ raw, line, ids, unresolved: [] });
    }
  }

  // Statuses: explicit field, then checkbox, then roll-up (reverse order is a post-order).
  const statuses: Status[] = new Array(count);
  for (let i = count - 1; i >= 0; i--) {
    const item = items[i];
    const field = item.fields.status ? statusOf(item.fields.status.value) : null;
    if (field) {
      statuses[i] = field;
      item.statusSource = 'field';
    } else if (item.checkbox) {
      statuses[i] = statusOfBox(item.checkbox.char);
    } else {
      statuses[i] = rollUp(col.children[i], statuses);
      item.statusSource = 'rollup';
    }
    item.status = statuses[i];
  }

  // Whether a checklist label names acceptance criteria: asked once per label, not per check.
  const namesAcceptanceChecks = memoized((label) => ACCEPTANCE_LABEL.test(label));
  function hasAcceptanceChecks(children: number[]): boolean {
    for (const c of children) {
      const child = items[c];
      if (child.kind === 'check' && namesAcceptanceChecks(child.checklist ?? '')) return true;
    }
    return false;
  }

  // Field values repeat ("3", "8 hours", "HIGH"): each is read once.
  const numberOf = memoized(parseNumber);
  const hoursOf = memoized(parseHours);

  // Ids, links and the numbers fields give, now that every item is known.
  for (let i = 0; i < count; i++) {
    const item = items[i];
    item.id = ids[i];
    const parent = col.parent[i];
    if (parent >= 0) item.parent = ids[parent];
    const children = col.children[i];
    if (children.length > 0) {
      item.children = children.map((c) => ids[c]);
      if (!item.hasAcceptance && hasAcceptanceChecks(children)) item.hasAcceptance = true;
    }
    const refs = depRefs[i];
    if (refs !== undefined) item.deps = refs.map((ref) => ({ raw: ref.raw, line: ref.line, ids: ref.ids.map((d) => ids[d]), unresolved: ref.unresolved, group: ref.group }));
    const fields = item.fields;
    if (fields === NO_FIELDS) {
      item.points = numberOrUndefined(col.inlinePoints[i]);
      item.hours = numberOrUndefined(col.inlineHours[i]);
      item.priority = col.sectionPriority[i] || undefined;
      item.assignee = col.inlineAssignee[i] || undefined;
      continue;
    }
    const pointsField = fields.points ?? (fields.estimate && !isHourUnit(numberOf(fields.estimate.value)?.unit ?? '') ? fields.estimate : undefined);
    const hoursField = fields.hours ?? (fields.estimate && isHourUnit(numberOf(fields.estimate.value)?.unit ?? '') ? fields.estimate : undefined);
    item.statusField = fields.status;
    item.points = pointsField ? numberOf(pointsField.value)?.value : numberOrUndefined(col.inlinePoints[i]);
    item.hours = hoursField ? hoursOf(hoursField.value) : numberOrUndefined(col.inlineHours[i]);
    item.priority = (fields.priority ? stripEmphasis(fields.priority.value) : col.sectionPriority[i]) || undefined;
    item.assignee = (fields.assignee ? stripEmphasis(fields.assignee.value) : col.inlineAssignee[i]) || undefined;
    if (fields.tags) {
      const tags = item.tags.slice();
      for (const tag of fields.tags.value.split(/[,\s]+/)) if (tag && !tags.includes(tag)) tags.push(tag.replace(/^#/, ''));
      item.tags = tags;
    }
  }
  for (const section of sections) {
    if (section.itemId !== undefined) section.itemId = ids[Number(section.itemId)];
  }

  // Sprints: commitments and items. Drafts are grouped by sprint once, not scanned per sprint.
  const inSprint: number[][] = [];
  if (sprintDrafts.length > 0) {
    for (let i = 0; i < count; i++) {
      const sprintIndex = col.sprintIndex[i];
      if (sprintIndex >= 0) (inSprint[sprintIndex] ??= []).push(i);
    }
  }
  const sprints: Sprint[] = sprintDrafts.map((draft, sprintIndex) => {
    const sprint = draft.sprint;
    const committed = new Set<string>();
    for (const raw of draft.raw) {
      const found = resolve(raw.refs, -1).ids.map((d) => ids[d]);
      found.forEach((id) => committed.add(id));
      const commitment: Commitment = {
        line: raw.line,
        ids: found,
        label: raw.label,
        ...(raw.points !== undefined ? { points: raw.points } : {}),
        continued: raw.continued && raw.points === undefined,
        hoursByRole: raw.hoursByRole,
      };
      sprint.commitments.push(commitment);
    }
    for (const { refs, line } of draft.itemRefs) {
      const found = resolve(refs, -1).ids.map((d) => ids[d]);
      for (const id of found) {
        committed.add(id);
        sprint.commitments.push({ line, ids: [id], label: id, continued: false, hoursByRole: {} });
      }
    }
    for (const i of inSprint[sprintIndex] ?? NONE) {
      const parent = col.parent[i];
      if (items[i].kind !== 'check' && (parent < 0 || col.sprintIndex[parent] !== sprintIndex)) committed.add(ids[i]);
    }
    sprint.items = [...committed];
    return sprint;
  });

  // Claims the document makes about its own numbers.
  const declaredTotals: DeclaredTotal[] = [...totalsFromTables];
  for (const declared of declaredFromHeadings) {
    declaredTotals.push({ line: declared.line, label: declared.label, measure: declared.measure, scope: { type: 'item', itemId: ids[declared.item] }, value: declared.value, approximate: declared.approximate, itemId: ids[declared.item] });
  }
  // Which items have points somewhere below them: one reverse pass, children before parents.
  const pointsBelow = new Uint8Array(items.length);
  for (let i = count - 1; i >= 0; i--) {
    const parent = col.parent[i];
    if (parent >= 0 && (pointsBelow[i] || items[i].points !== undefined)) pointsBelow[parent] = 1;
  }
  items.forEach((item, i) => {
    if (item.points !== undefined && item.fields.points && pointsBelow[i]) {
      declaredTotals.push({ line: item.fields.points.line, label: item.fields.points.label, measure: 'points', scope: { type: 'item', itemId: item.id }, value: item.points, approximate: numberOf(item.fields.points.value)?.approximate ?? false, itemId: item.id });
    }
  });
  for (const sprint of sprints) {
    if (sprint.declaredPoints && sprint.items.length > 0) {
      declaredTotals.push({ line: sprint.declaredPoints.line, label: `${sprint.name}: ${sprint.declaredPoints.label}`, measure: 'points', scope: { type: 'items', ids: sprint.items }, value: sprint.declaredPoints.number, approximate: parseNumber(sprint.declaredPoints.value)?.approximate ?? false });
    }
  }
  let sectionTree: { parents: Map<string, string | null>; holding: Set<string> } | null = null;
  const summaries: SummaryClaim[] = rawSummaries.map((raw) => ({ line: raw.line, field: 'priority', value: raw.value, ids: resolve(raw.refs, -1).ids.map((d) => ids[d]) }));
  const summarySections = rawSummaries.map((raw) => raw.section);
  for (const total of totalLines) {
    let scope: DeclaredTotal['scope'];
    if (total.afterTable >= 0) {
      const table = tables[total.afterTable];
      const column = table.header.findIndex((cell) => POINTS_WORD.test(cell));
      if (column < 0) continue;
      scope = { type: 'table', table: total.afterTable, column };
    } else if (total.summary !== undefined) {
      const sectionId = sections[total.summary].id;
      const listed = summaries.filter((_, k) => summarySections[k] === sectionId).flatMap((summary) => summary.ids);
      scope = { type: 'items', ids: listed };
    } else {
      scope = scopeForSection(total.section);
    }
    declaredTotals.push({ line: total.line, label: total.label, measure: total.measure, scope, ...(total.statuses ? { statuses: total.statuses } : {}), value: total.value, approximate: total.approximate });
  }

  /** The smallest section around a total that holds items; the whole plan when none does. */
  function scopeForSection(sectionId: string): DeclaredTotal['scope'] {
    // Which sections hold items: made once, however many totals the plan writes.
    if (sectionTree === null) {
      const parents = new Map(sections.map((section) => [section.id, section.parent]));
      const holding = new Set<string>();
      for (const item of items) {
        for (let cur: string | null | undefined = item.section; cur && !holding.has(cur); cur = parents.get(cur)) holding.add(cur);
      }
      sectionTree = { parents, holding };
    }
    const { parents, holding } = sectionTree;
    for (let cur: string | null | undefined = sectionId; cur; cur = parents.get(cur)) {
      if (holding.has(cur)) return { type: 'section', section: cur };
    }
    return { type: 'items', ids: items.filter((item) => item.parent === null && item.kind !== 'check').map((item) => item.id) };
  }

  const matrix: MatrixRow[] = [];
  for (const row of rawMatrix) {
    const itemRefs = parseRefs(row.item);
    const item = itemRefs.tokens.length > 0 ? aliasMap.get(itemRefs.tokens[0]) : undefined;
    if (item === undefined) continue;
    const toReference = (raw: string): Reference => {
      const parsed = parseRefs(raw);
      const { ids: found, unresolved } = parsed.none ? { ids: [], unresolved: [] } : resolve(parsed, item);
      return { raw, line: row.line, ids: found.map((d) => ids[d]), unresolved };
    };
    matrix.push({ line: row.line, itemId: ids[item], dependsOn: toReference(row.dependsOn), blocks: toReference(row.blocks) });
  }

  const dialects = new Set<Dialect>();
  for (const item of items) if (item.kind !== 'check') dialects.add(item.dialect);
  if (sprints.length > 0 || roleCapacity.length > 0 || velocityHistory.length > 0) dialects.add('agile');

  return withLazyHash(text, {
    path,
    title: title || path.replace(/^.*[\\/]/, ''),
    dialects: [...dialects],
    fields: docFields,
    sections,
    items,
    sprints,
    tables,
    roleCapacity,
    velocityHistory,
    declaredTotals,
    writtenSums,
    matrix,
    summaries,
    findings,
    hash: '',
    lineCount,
    style: readStyle(text, scanned, statusWords),
  });
}

/**
 * The plan with its `hash` made when first read: listing or analysing a plan never needs it,
 * edits do. Defined outside buildPlan so the accessor's closure holds only the text, not the
 * builder's working state (drafts, scan arrays), which would otherwise live as long as the plan.
 */
function withLazyHash(text: string, plan: Plan): Plan {
  let hash: string | undefined;
  // Redefining the placeholder keeps `hash` where the literal put it among the keys.
  return Object.defineProperty(plan, 'hash', {
    get: (): string => (hash ??= contentHash(text)),
    set: (value: string) => {
      hash = value;
    },
    enumerable: true,
    configurable: true,
  });
}

/** The checkbox of a list line, if it has one. */
function checkboxOf(line: ScanLine): Checkbox | undefined {
  return line.box === '' ? undefined : { char: line.box, offset: line.boxOffset, optional: line.optional };
}

/** Loads line `i` of the scan into the reusable view `line`. */
function loadLine(scanned: ScanResult, text: string, i: number, line: ScanLine): void {
  const kind = scanned.kind[i];
  line.kind = kindOf(scanned, i);
  line.lineNo = i + 1;
  line.start = scanned.start[i];
  line.end = scanned.end[i];
  line.indent = scanned.indent[i];
  line.textStart = scanned.textStart[i];
  line.level = scanned.level[i];
  line.parent = scanned.parent[i];
  line.depth = scanned.depth[i];
  line.box = scanned.box[i] === 0 ? '' : String.fromCharCode(scanned.box[i]);
  line.boxOffset = scanned.boxOffset[i];
  line.optional = (scanned.flags[i] & OPTIONAL) !== 0;
  // The marker text is only needed for numbered lines (story tasks keep their number).
  if (kind === K.list && scanned.markerWidth[i] > 1) {
    const at = markerStart(text, scanned, i);
    line.marker = text.slice(at, at + scanned.markerWidth[i]);
  } else {
    line.marker = kind === K.list ? '-' : '';
  }
}

/** Children decide a parent without its own status: shelved children are left out. */
export function rollUp(children: number[], statuses: Status[]): Status {
  if (children.length === 0) return 'todo';
  let counted = 0;
  let done = 0;
  let started = false;
  let deferred = 0;
  for (const child of children) {
    const status = statuses[child];
    if (isShelved(status)) {
      if (status === 'deferred') deferred++;
      continue;
    }
    counted++;
    if (status === 'done') done++;
    else if (status === 'in_progress' || status === 'review') started = true;
  }
  if (counted === 0) return deferred > 0 ? 'deferred' : 'cancelled';
  if (done === counted) return 'done';
  if (done > 0 || started) return 'in_progress';
  return 'todo';
}

const MAX_DERIVED_PREFIX = 48;

/** `id.toUpperCase()`, without making a new string when the id has nothing to upper-case. */
function upperKey(id: string): string {
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    if ((c >= 97 && c <= 122) || c > 127) return id.toUpperCase();
  }
  return id;
}

/** Final ids: explicit ids first (duplicates get a suffix and a finding), then derived ones. */
function settleIds(items: Item[], col: ReadingColumns, findings: Finding[]): { ids: string[]; byKey: Map<string, number> } {
  const count = items.length;
  const ids: string[] = new Array(count);
  const taken = new Map<string, number>();
  // The next `~n` suffix to try per id, so a thousand copies of one id cost no search each.
  const nextSuffix = new Map<string, number>();
  const freeKey = (key: string): number => {
    let n = nextSuffix.get(key) ?? 2;
    while (taken.has(`${key}~${n}`)) n++;
    nextSuffix.set(key, n + 1);
    return n;
  };
  // Upper-case keys by position, so a derived id's key is built from its parent's.
  const keys: string[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const explicitId = col.explicitId[i];
    if (!explicitId) continue;
    const key = upperKey(explicitId);
    const first = taken.get(key);
    if (first !== undefined) {
      const n = freeKey(key);
      ids[i] = `${explicitId}~${n}`;
      keys[i] = `${key}~${n}`;
      taken.set(keys[i], i);
      const line = items[i].line;
      findings.push({
        rule: 'duplicate-id',
        severity: 'error',
        line,
        message: `Id ${explicitId} on line ${line} is already used on line ${items[first].line}; this one is read as ${ids[i]}. Give each item its own id.`,
        itemId: ids[i],
      });
      continue;
    }
    ids[i] = explicitId;
    keys[i] = key;
    taken.set(key, i);
  }
  // A derived key is the parent's key and the suffix's: only the short suffix is upper-cased.
  for (let i = 0; i < count; i++) {
    if (ids[i] !== undefined) continue;
    const parent = col.deriveParent[i];
    const base = col.deriveBase[i];
    const suffix = col.deriveSuffix[i];
    const prefix = parent >= 0 ? ids[parent] : base;
    // Deep outlines would make ids as long as the nesting: past a point the line names the item.
    let id: string;
    let key: string;
    if (prefix.length > MAX_DERIVED_PREFIX) {
      id = `line-${items[i].line}`;
      key = upperKey(id);
    } else if (prefix === '') {
      id = suffix;
      key = upperKey(id);
    } else {
      id = `${prefix}.${suffix}`;
      key = parent >= 0 ? `${keys[parent] ?? upperKey(prefix)}.${upperKey(suffix)}` : upperKey(id);
    }
    if (taken.has(key)) {
      const n = freeKey(key);
      id = `${id}~${n}`;
      key = `${key}~${n}`;
    }
    ids[i] = id;
    keys[i] = key;
    taken.set(key, i);
  }
  return { ids, byKey: taken };
}

function readStyle(text: string, scanned: ScanResult, statusWords: Partial<Record<Status, string>>): PlanStyle {
  const firstNewline = text.indexOf('\n');
  const eol = firstNewline > 0 && text.charCodeAt(firstNewline - 1) === 13 ? '\r\n' : '\n';
  let upper = 0;
  let lower = 0;
  let tilde = 0;
  let dash = 0;
  for (let i = 0; i < scanned.count; i++) {
    const box = scanned.box[i];
    if (box === 88) upper++;
    else if (box === 120) lower++;
    else if (box === 126) tilde++;
    else if (box === 45) dash++;
  }
  return {
    eol,
    bom: scanned.contentStart === 1,
    doneChar: upper > lower ? 'X' : 'x',
    progressChar: tilde > dash ? '~' : '-',
    statusWords,
  };
}
