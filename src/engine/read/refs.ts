// Reading references out of dependency text: explicit ids ("DEVOPS-004", "T012", "US1"), ranges
// ("T014-T017", "DEVOPS-001 through DEVOPS-008"), named parts ("Phase 2", "Story 1.1", "EPIC 1"),
// groups ("All Phase 2 items", "All previous epics") and the many ways of saying "none".

export interface RefGroup {
  kind: 'previous' | 'phase' | 'all';
  /** What the group is made of: 'phase', 'epic', 'story', 'item'. */
  unit: string;
  phase?: string;
}

export interface ParsedRef {
  /** Normalised keys (upper case) to look up among item ids and aliases. */
  tokens: string[];
  none: boolean;
  group?: RefGroup;
}

const NONE = /^\s*(none|n\/a|na|nil|-+|—|–|no(ne)? (dependencies|dependency|blockers?)|nothing|no blockers?|not applicable)\b/i;
const RANGE = /\b([A-Z][A-Z0-9]*?-?)(\d+)\s*(?:–|—|-|\.\.|\bthrough\b|\bthru\b|\bto\b)\s*\1(\d+)\b/g;
const ID_TOKEN = /\b([A-Z][A-Z0-9]*-\d+(?:\.\d+)*)\b|\b(T\d{3,})\b|\b(US\d+)\b/g;
const NAMED_TOKEN = /\b(phase|story|user story|epic|sprint|task|milestone|stage)\s+(\d+(?:\.\d+)*|[IVX]+)\b/gi;
const NUMERIC = /(?<![\w.])(\d+(?:\.\d+)*)(?![\w.]*\w)/g;
const PREVIOUS = /\ball\s+(?:the\s+)?(?:previous|prior|preceding|earlier|above)\s+(phases?|epics?|stories|story|items?|tasks?|sprints?|work)\b/i;
const PHASE_GROUP = /\ball\s+(?:of\s+)?(?:the\s+)?phase\s+(\d+|[IVX]+)\b/i;
const ALL_STORIES = /\ball\s+(?:the\s+)?(?:user\s+)?stories\b/i;
const MAX_RANGE = 2000;

function unitOf(word: string): string {
  const w = word.toLowerCase();
  if (w.startsWith('phase')) return 'phase';
  if (w.startsWith('epic')) return 'epic';
  if (w.startsWith('stor')) return 'story';
  if (w.startsWith('sprint')) return 'sprint';
  return 'item';
}

/** Upper-case key for an id or a named part: "Phase 2" → "PHASE 2", "user story 1" → "US1". */
export function refKey(token: string): string {
  // Most tokens are keys already ("T012", "DEVOPS-004", "PHASE 2"): no new string for them.
  if (isKeyAlready(token) && !token.startsWith('USER STORY ')) return token;
  const key = token.trim().replace(/\s+/g, ' ').toUpperCase();
  const story = /^USER STORY (\d+)$/.exec(key);
  if (story) return `US${story[1]}`;
  return key;
}

/** Printable ASCII without lower-case letters, single spaces only inside: nothing to normalise. */
function isKeyAlready(token: string): boolean {
  const length = token.length;
  if (length === 0 || token.charCodeAt(0) === 32 || token.charCodeAt(length - 1) === 32) return false;
  for (let i = 0; i < length; i++) {
    const c = token.charCodeAt(i);
    if (c < 32 || c > 126 || (c >= 97 && c <= 122) || (c === 32 && token.charCodeAt(i + 1) === 32)) return false;
  }
  return true;
}

/** Every group phrase starts with "all": one search decides whether the three patterns run. */
const MAYBE_GROUP = /all/i;

/**
 * Reads the references in `text`. `numeric` also takes bare outline numbers ("1.2, 3"), as Kiro
 * plans write them in `_Depends:` lines.
 */
export function parseRefs(text: string, numeric = false): ParsedRef {
  const source = text.length > 4000 ? text.slice(0, 4000) : text;
  const tokens = new Set<string>();
  let group: RefGroup | undefined;
  if (MAYBE_GROUP.test(source)) {
    const previous = PREVIOUS.exec(source);
    if (previous) group = { kind: 'previous', unit: unitOf(previous[1]) };
    const phase = PHASE_GROUP.exec(source);
    if (!group && phase) group = { kind: 'phase', unit: 'item', phase: phase[1] };
    if (!group && ALL_STORIES.test(source)) group = { kind: 'all', unit: 'story' };
  }

  let rest = source;
  for (const match of source.matchAll(RANGE)) {
    const prefix = match[1];
    const from = Number(match[2]);
    const to = Number(match[3]);
    if (!(to >= from) || to - from > MAX_RANGE) continue;
    const width = match[2].length;
    for (let n = from; n <= to; n++) tokens.add(refKey(prefix + String(n).padStart(width, '0')));
    rest = rest.replace(match[0], ' ');
  }
  if (!group || group.kind !== 'phase') {
    for (const match of rest.matchAll(ID_TOKEN)) tokens.add(refKey(match[1] ?? match[2] ?? match[3]));
    for (const match of rest.matchAll(NAMED_TOKEN)) tokens.add(refKey(`${match[1]} ${match[2]}`));
  }
  if (numeric) {
    for (const match of rest.matchAll(NUMERIC)) tokens.add(match[1]);
  }
  const none = tokens.size === 0 && !group && NONE.test(source);
  return { tokens: [...tokens], none, group };
}
