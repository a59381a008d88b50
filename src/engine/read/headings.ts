// What a heading declares: an item (backlog or tracker item with an explicit id, an epic, a
// story, a phase), a sprint, or a section with a role (criteria, priority group, dependencies,
// status legend). Everything else is a plain section.

import type { Dialect, ItemKind } from '../model.js';

export interface DeclaredInHeading {
  value: number;
  approximate: boolean;
  measure: 'points' | 'hours';
}

export type HeadingInfo =
  | {
      type: 'item';
      kind: ItemKind;
      id?: string;
      aliases: string[];
      title: string;
      dialect: Dialect;
      tags: string[];
      priority?: string;
      declared?: DeclaredInHeading;
      sprint?: string;
    }
  | { type: 'sprint'; number?: number; name: string }
  | { type: 'criteria' }
  | { type: 'priority'; priority: string }
  | { type: 'dependencies' }
  | { type: 'legend' }
  | { type: 'plain' };

const LEADING_NOISE = /^[^A-Za-z0-9[]+/;
const SEPARATOR = String.raw`\s*(?:[:.\-–—]\s*|\s+)`;
const EXPLICIT_ID = new RegExp(String.raw`^\[?([A-Z][A-Z0-9]*-\d+)\]?` + SEPARATOR + '(.*)$');
const EPIC = /^epic\s+(\d+)\s*[:.\-–—]\s*(.*)$/i;
const STORY = /^(?:user\s+)?story\s+(\d+(?:\.\d+)*)\s*[:.\-–—]\s*(.*)$/i;
const PHASE = /^(phase|stage|milestone)\s+(\d+|[IVX]+)\b\s*[:.\-–—]?\s*(.*)$/i;
const SPRINT = /^sprint\s+(\d+)\b/i;
const CURRENT_SPRINT = /\b(current|active|this)\s+sprint\b/i;
const CRITERIA = /(definition of (done|ready)|\bdod\b|\bdor\b|acceptance criteria|exit criteria|success criteria|test criteria|quality gates?)/i;
const PRIORITY = /\b(critical|high|medium|low)[\s-]+priority\b|\bpriority\s*[:-]?\s*(critical|high|medium|low|p[0-4])\b|\b(must|should|could|won'?t)[\s-]+have\b/i;
const DEPENDENCIES = /^(dependencies|dependency|dependency graph|task dependencies|story dependencies|execution order|dependencies (?:&|and) (?:execution )?order)\b/i;
const LEGEND = /\blegend\b/i;
const DECLARED = /\((~|about\s+|approx\.?\s+)?(\d+(?:\.\d+)?)\s*(story points|points|pts|sp|hours|hrs|h)\)/i;
const HEADING_SPRINT = /\((sprint\s+\d+)\)/i;
const STORY_TAG = /\[(US\d+)\]|\buser story\s+(\d+)\b/i;
const HEADING_PRIORITY = /\bpriority:\s*(p[0-4]|critical|high|medium|low)\b/i;

const MOSCOW: Record<string, string> = { must: 'High', should: 'Medium', could: 'Low', wont: 'Low', "won't": 'Low' };

function kindForPrefix(prefix: string): ItemKind {
  if (prefix === 'EPIC') return 'epic';
  if (/^(US|STORY|FEAT|FEATURE)$/.test(prefix)) return 'story';
  if (/^(SUB|SUBTASK)$/.test(prefix)) return 'subtask';
  if (/^(TASK|T|BUG|CHORE|FIX|TSK)$/.test(prefix)) return 'task';
  return 'story';
}

function declaredIn(text: string): DeclaredInHeading | undefined {
  const match = DECLARED.exec(text);
  if (!match) return undefined;
  const unit = match[3].toLowerCase();
  const measure = unit.startsWith('h') ? 'hours' : 'points';
  return { value: Number(match[2]), approximate: match[1] !== undefined, measure };
}

/** Whether `text` starts with a letter, a digit or `[`: then LEADING_NOISE strips nothing. */
function startsClean(text: string): boolean {
  const c = text.charCodeAt(0);
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 91;
}

/** Text whose cleaning would change nothing: ASCII, no `(`, `*`, `_`, no whitespace but single
 *  spaces, and none at either end. */
function alreadyClean(text: string): boolean {
  const length = text.length;
  if (length === 0 || text.charCodeAt(0) === 32 || text.charCodeAt(length - 1) === 32) return false;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 || c > 126 || c === 40 || c === 42 || c === 95 || (c === 32 && text.charCodeAt(i + 1) === 32)) return false;
  }
  return true;
}

/** Strips metadata in parentheses that the heading declares separately, and emphasis. */
function cleanTitle(text: string): string {
  if (alreadyClean(text)) return text;
  return text
    .replace(DECLARED, '')
    .replace(HEADING_SPRINT, '')
    .replace(/\*\*|__/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function classifyHeading(raw: string, isDocumentTitle: boolean): HeadingInfo {
  const text = startsClean(raw) ? raw : raw.replace(LEADING_NOISE, '');
  if (!isDocumentTitle) {
    const explicit = EXPLICIT_ID.exec(text);
    if (explicit) {
      const id = explicit[1];
      const prefix = id.slice(0, id.lastIndexOf('-'));
      const kind = kindForPrefix(prefix);
      return {
        type: 'item',
        kind,
        id,
        aliases: [],
        title: cleanTitle(explicit[2]),
        dialect: kind === 'task' ? 'tracker' : 'backlog',
        tags: [],
        declared: declaredIn(explicit[2]),
      };
    }
    const epic = EPIC.exec(text);
    if (epic) {
      return { type: 'item', kind: 'epic', aliases: [`EPIC ${epic[1]}`], title: cleanTitle(epic[2]), dialect: 'agile', tags: [], declared: declaredIn(epic[2]) };
    }
    const story = STORY.exec(text);
    if (story) {
      return { type: 'item', kind: 'story', aliases: [`STORY ${story[1]}`], title: cleanTitle(story[2]), dialect: 'agile', tags: [], declared: declaredIn(story[2]) };
    }
    const phase = PHASE.exec(text);
    if (phase) {
      const number = phase[2].toUpperCase();
      const word = phase[1].toUpperCase();
      const rest = phase[3];
      const storyTag = STORY_TAG.exec(rest);
      const priority = HEADING_PRIORITY.exec(rest)?.[1];
      const sprint = HEADING_SPRINT.exec(rest)?.[1];
      const declared = declaredIn(rest);
      const title = cleanTitle(rest.replace(/\[(US\d+|P)\]\s*/g, '')) || `${phase[1]} ${phase[2]}`;
      if (storyTag) {
        const storyId = storyTag[1] ? storyTag[1].toUpperCase() : `US${storyTag[2]}`;
        return { type: 'item', kind: 'story', id: storyId, aliases: [`${word} ${number}`], title, dialect: 'spec-kit', tags: [storyId], priority, declared, sprint };
      }
      return { type: 'item', kind: 'phase', id: `${word.toLowerCase()}-${number}`, aliases: [`${word} ${number}`], title, dialect: 'checklist', tags: [], priority, declared, sprint };
    }
  }
  const sprint = SPRINT.exec(text);
  if (sprint) return { type: 'sprint', number: Number(sprint[1]), name: cleanTitle(text) };
  if (CURRENT_SPRINT.test(text)) return { type: 'sprint', name: cleanTitle(text) };
  if (LEGEND.test(text)) return { type: 'legend' };
  const priority = PRIORITY.exec(text);
  if (priority) {
    const word = (priority[1] ?? priority[2] ?? priority[3]).toLowerCase();
    const value = MOSCOW[word] ?? word.charAt(0).toUpperCase() + word.slice(1);
    return { type: 'priority', priority: value };
  }
  if (DEPENDENCIES.test(text)) return { type: 'dependencies' };
  if (CRITERIA.test(text)) return { type: 'criteria' };
  return { type: 'plain' };
}

/** The outline number a heading starts with ("1.1 Project Structure" → "1.1"). */
export function headingNumber(text: string): string | undefined {
  const c = text.charCodeAt(0);
  // A letter or `[` first: no outline number, and nothing for the patterns to strip.
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 91) return undefined;
  const match = /^(\d+(?:\.\d+)*)\.?\s/.exec(startsClean(text) ? text : text.replace(LEADING_NOISE, ''));
  return match ? match[1] : undefined;
}
