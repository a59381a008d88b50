// Field lines as plans write them: `**Priority:** HIGH | **Points:** 3`, `**Status**: Done`,
// `- **Story Points**: 8`, Kiro's `_Requirements: 1.1, 2.3_`. Each field keeps the span of its
// value so an edit can rewrite it without touching anything around it.

export interface RawField {
  label: string;
  key: FieldKey | string;
  value: string;
  /** Offsets of the value text (trimmed) in the document. */
  valueStart: number;
  valueEnd: number;
}

export type FieldKey =
  | 'status'
  | 'points'
  | 'hours'
  | 'estimate'
  | 'priority'
  | 'assignee'
  | 'epic'
  | 'sprint'
  | 'deps'
  | 'id'
  | 'tags'
  | 'role'
  | 'capacity'
  | 'velocity'
  | 'goal'
  | 'items'
  | 'title';

const SYNONYMS: ReadonlyArray<[RegExp, FieldKey]> = [
  [/^(status|state|progress status)$/, 'status'],
  [/^(story points?|points?|sp|pts|story pts|size|complexity points)$/, 'points'],
  [/^(estimate|estimation)$/, 'estimate'],
  [/^(effort|hours|estimated hours|estimate \(h(ours)?\)|estimated effort|time estimate|time|duration \(h(ours)?\))$/, 'hours'],
  [/^(priority|prio)$/, 'priority'],
  [/^(assignee|assignees|owner|owners|assigned to|assigned|responsible|dri)$/, 'assignee'],
  [/^(epic|epic link|parent epic)$/, 'epic'],
  [/^(sprint|iteration|milestone sprint)$/, 'sprint'],
  [/^(dependencies|dependency|depends on|depends|blocked by|blockers|blocker|requires|prerequisites|prereqs|after)$/, 'deps'],
  [/^(id|story id|epic id|task id|item id|issue id|ticket)$/, 'id'],
  [/^(tags|labels|label)$/, 'tags'],
  [/^(role|roles|team)$/, 'role'],
  [/^(capacity|sprint capacity|team capacity)$/, 'capacity'],
  [/^(team velocity|velocity|actual velocity)$/, 'velocity'],
  [/^(sprint goal|goal)$/, 'goal'],
  [/^(items|committed items|stories|scope)$/, 'items'],
  [/^(title|name|epic name)$/, 'title'],
];

/** The label lower-cased, without punctuation around it or a trailing parenthetical "(DoD)". */
export function normaliseLabel(label: string): string {
  return label
    .toLowerCase()
    .replace(/\s*\((?!h\)|hours\))[^)]*\)\s*$/, '')
    .replace(/[:*_`]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Label → key results kept for the length of one document, where the same labels repeat. */
export type LabelMemo = Map<string, string>;

export function fieldKey(label: string, memo?: LabelMemo): FieldKey | string {
  const known = memo?.get(label);
  if (known !== undefined) return known;
  const key = keyOf(label);
  if (memo && memo.size < 10_000) memo.set(label, key);
  return key;
}

function keyOf(label: string): FieldKey | string {
  const normal = normaliseLabel(label);
  for (const [pattern, key] of SYNONYMS) {
    if (pattern.test(normal)) return key;
  }
  // Fields live in plain objects: a label must never reach the prototype.
  return normal === '__proto__' ? 'proto' : normal;
}

/** Whether a UTF-16 code unit is whitespace as the regex class `\s` defines it. */
export function isWhitespaceCode(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function trimSpan(text: string, start: number, end: number): [number, number] {
  while (start < end && isWhitespaceCode(text.charCodeAt(start))) start++;
  while (end > start && isWhitespaceCode(text.charCodeAt(end - 1))) end--;
  return [start, end];
}

/** The answer for a line without bold fields: shared and frozen, so it is never written to. */
const NO_FIELDS = Object.freeze([]) as unknown as RawField[];

const BOLD_FIELD = /\*\*([^*\n]{1,60}?)(:?)\*\*(:?)[ \t]*/y;
const EMPH_FIELD = /_([A-Za-z][A-Za-z ()]{0,40}?):[ \t]*/y;

/**
 * Reads the bold fields of a line from `start` to `end`: one or several `**Label:** value`
 * separated by `|`. Returns [] when the line does not start with a bold label followed by a colon.
 * A bold label with no value (`**Acceptance Criteria:**`) is returned with an empty value.
 */
export function readBoldFields(text: string, start: number, end: number, memo?: LabelMemo): RawField[] {
  // Most lines do not start with `**`: they get the shared empty answer, not a new array.
  if (end - start < 4 || text.charCodeAt(start) !== 42 || text.charCodeAt(start + 1) !== 42) return NO_FIELDS;
  const fields: RawField[] = [];
  let pos = start;
  while (pos < end) {
    BOLD_FIELD.lastIndex = pos;
    const match = BOLD_FIELD.exec(text);
    if (!match || match.index !== pos || match.index + match[0].length > end) break;
    if (match[2] !== ':' && match[3] !== ':') {
      // `**Total Story Points: 615**`: label and value inside one bold run.
      const inner = match[1];
      const colon = inner.indexOf(':');
      if (colon <= 0 || fields.length > 0) break;
      const label = inner.slice(0, colon).trim();
      const [vs, ve] = trimSpan(text, pos + 2 + colon + 1, pos + 2 + inner.length);
      fields.push({ label, key: fieldKey(label, memo), value: text.slice(vs, ve), valueStart: vs, valueEnd: ve });
      break;
    }
    const label = match[1].trim();
    const valueFrom = pos + match[0].length;
    const bar = findSeparator(text, valueFrom, end);
    const [vs, ve] = trimSpan(text, valueFrom, bar);
    fields.push({ label, key: fieldKey(label, memo), value: text.slice(vs, ve), valueStart: vs, valueEnd: ve });
    if (bar >= end) break;
    pos = bar + 1;
    while (pos < end && (text[pos] === ' ' || text[pos] === '\t')) pos++;
  }
  return fields;
}

/** Next `|` that starts another bold field, or `end`. */
function findSeparator(text: string, from: number, end: number): number {
  let i = text.indexOf('|', from);
  while (i !== -1 && i < end) {
    let j = i + 1;
    while (j < end && (text[j] === ' ' || text[j] === '\t')) j++;
    if (text.startsWith('**', j)) return i;
    i = text.indexOf('|', i + 1);
  }
  return end;
}

/** Kiro-style detail: `_Requirements: 1.1, 2.3_` or `_Depends: 1.2_`. */
export function readEmphasisField(text: string, start: number, end: number, memo?: LabelMemo): RawField | null {
  EMPH_FIELD.lastIndex = start;
  const match = EMPH_FIELD.exec(text);
  if (!match || match.index !== start) return null;
  let valueEnd = end;
  while (valueEnd > start && isWhitespaceCode(text.charCodeAt(valueEnd - 1))) valueEnd--;
  if (text[valueEnd - 1] === '_') valueEnd--;
  const [vs, ve] = trimSpan(text, start + match[0].length, valueEnd);
  const label = match[1].trim();
  return { label, key: fieldKey(label, memo), value: text.slice(vs, ve), valueStart: vs, valueEnd: ve };
}

/** `Label: value` without emphasis, for detail bullets such as `- Depends on: 1.2`. */
const PLAIN_FIELD = /([A-Za-z][A-Za-z ]{1,30}):[ \t]+/y;

export function readPlainField(text: string, start: number, end: number, accept: (key: string) => boolean, memo?: LabelMemo): RawField | null {
  PLAIN_FIELD.lastIndex = start;
  const match = PLAIN_FIELD.exec(text);
  if (!match || match.index !== start) return null;
  const label = match[1].trim();
  const key = fieldKey(label, memo);
  if (!accept(key)) return null;
  const [vs, ve] = trimSpan(text, start + match[0].length, end);
  return { label, key, value: text.slice(vs, ve), valueStart: vs, valueEnd: ve };
}
