// Adding a field an item does not have yet, in the style of the item's own field lines: appended
// to a `|`-separated bold field line (` | **Status:** Done`), or as a new line after the last field
// line under the item's heading (`**Status:** Done`, or `- **Status**: Done` for bullet fields),
// with the document's line ending. Only heading items carry field lines; anything else is refused.

import { ScrumdownError } from '../../errors.js';
import type { Item, Plan } from '../model.js';
import { readBoldFields, type RawField } from '../read/fields.js';
import type { TextEdit } from './types.js';

/** End of the line content (before `\r\n` or `\n`) of the line holding `offset`. */
export function lineContentEnd(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

/** Start of the line holding `offset`. */
export function lineStart(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

/** Start of the line after the one ending (content) at `contentEnd`, or -1 at the end of the text. */
function nextLineStart(text: string, contentEnd: number): number {
  if (contentEnd >= text.length) return -1;
  if (text[contentEnd] === '\r' && text[contentEnd + 1] === '\n') return contentEnd + 2;
  return contentEnd + 1;
}

/** The item's first line: [start, content end]. `headerEnd` may sit before or after its line ending. */
export function headerLine(text: string, item: Item): { start: number; end: number } {
  let at = Math.min(Math.max(item.headerEnd, 0), text.length);
  if (at > 0 && text[at - 1] === '\n') at--;
  if (at > 0 && text[at - 1] === '\r') at--;
  return { start: lineStart(text, at), end: lineContentEnd(text, at) };
}

const HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const FIELD_LEAD = /^[ \t]*(?:[-*+][ \t]+)?/;
const BOLD_LABEL = /^([ \t]*(?:[-*+][ \t]+)?)\*\*([^*\n]+?)(:?)\*\*(:?)([ \t]*)/;

interface FieldLine {
  start: number;
  end: number;
  lineNo: number;
  fields: RawField[];
}

/** The bold fields on a line when it is a field line with a value (`**Label:** value`). */
function fieldLineAt(text: string, start: number, end: number, lineNo: number): FieldLine | null {
  const lead = FIELD_LEAD.exec(text.slice(start, Math.min(end, start + 64)));
  const from = start + (lead ? lead[0].length : 0);
  if (!text.startsWith('**', from)) return null;
  const fields = readBoldFields(text, from, end);
  if (fields.length === 0 || fields[0].value === '') return null;
  return { start, end, lineNo, fields };
}

/**
 * The field lines right under an item's heading: the run of consecutive field lines after it
 * (blank lines allowed before the run, not inside it), within the item's lines.
 */
function headerFieldLines(text: string, item: Item, header: { start: number; end: number }): FieldLine[] {
  const lines: FieldLine[] = [];
  let start = nextLineStart(text, header.end);
  let lineNo = item.line + 1;
  while (start !== -1 && lineNo <= item.endLine) {
    const end = lineContentEnd(text, start);
    const blank = text.slice(start, end).trim() === '';
    if (blank) {
      if (lines.length > 0) break;
    } else {
      const line = fieldLineAt(text, start, end, lineNo);
      if (!line) break;
      lines.push(line);
    }
    start = nextLineStart(text, end);
    lineNo++;
  }
  return lines;
}

interface LabelStyle {
  lead: string;
  colonInside: boolean;
  spacing: string;
}

function labelStyle(line: string): LabelStyle | null {
  const match = BOLD_LABEL.exec(line);
  if (!match) return null;
  return { lead: match[1], colonInside: match[3] === ':' || match[4] !== ':', spacing: match[5] || ' ' };
}

function writeField(style: LabelStyle, label: string, value: string): string {
  const bold = style.colonInside ? `**${label}:**` : `**${label}**:`;
  return `${bold}${style.spacing}${value}`;
}

/** The style of field lines elsewhere in the plan's items of the same dialect, for an item with none. */
function fallbackStyle(item: Item): LabelStyle {
  return item.dialect === 'tracker' ? { lead: '- ', colonInside: false, spacing: ' ' } : { lead: '', colonInside: true, spacing: ' ' };
}

/** True when the item is declared by a heading (`### OPS-004: …`), where fields can be added. */
export function isHeadingItem(text: string, item: Item): boolean {
  const header = headerLine(text, item);
  const from = text.charCodeAt(header.start) === 0xfeff ? header.start + 1 : header.start;
  return HEADING.test(text.slice(from, Math.min(header.end, from + 16)));
}

/**
 * The edit that adds `label: value` to a heading item. Throws `invalid_argument` for an item that
 * is not a heading (a list item has no field lines to extend).
 */
export function insertFieldEdit(plan: Plan, text: string, item: Item, label: string, value: string): TextEdit {
  if (!isHeadingItem(text, item)) {
    throw new ScrumdownError(
      'invalid_argument',
      `Item '${item.id}' (line ${item.line} of ${plan.path}) is a list item without a ${label.toLowerCase()} field, and list items have no field lines to add one to. Write the field by hand, or give the item a checkbox.`,
      { id: item.id, line: item.line, field: label.toLowerCase() },
    );
  }
  const header = headerLine(text, item);
  const lines = headerFieldLines(text, item, header);
  const piped = lines.find((line) => line.fields.length > 1);
  if (piped) {
    const last = piped.fields[piped.fields.length - 1];
    const separator = /([ \t]*\|[ \t]*)\*\*/.exec(text.slice(piped.start, piped.end))?.[1] ?? ' | ';
    const style = labelStyle(text.slice(piped.start, piped.end)) ?? fallbackStyle(item);
    return {
      start: last.valueEnd,
      end: last.valueEnd,
      text: separator + writeField({ ...style, lead: '' }, label, value),
      itemId: item.id,
      line: piped.lineNo,
    };
  }
  const anchor = lines.length > 0 ? lines[lines.length - 1] : null;
  const style = (anchor && labelStyle(text.slice(anchor.start, anchor.end))) || fallbackStyle(item);
  const at = anchor ? anchor.end : header.end;
  return {
    start: at,
    end: at,
    text: plan.style.eol + style.lead + writeField(style, label, value),
    itemId: item.id,
    line: anchor ? anchor.lineNo : item.line,
  };
}
