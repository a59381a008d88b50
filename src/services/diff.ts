// A small unified diff (3 lines of context, ---/+++ headers), enough to show what an edit did
// to a plan. Lines are compared with Myers' O(ND) algorithm after trimming the common head and
// tail, so a few status flips in a large plan cost little; the same edit script serves the
// three-way merge of file sync.

export interface DiffOptions {
  /** Lines of context around each change. */
  context?: number;
  /** Names printed in the --- and +++ headers. */
  oldName?: string;
  newName?: string;
}

/** Beyond this many changed lines the diff gives up aligning and replaces the middle block. */
const MAX_EDIT_DISTANCE = 1000;

/** Keep a line of the old text, drop it, or add a line of the new one. */
export type Op = ' ' | '-' | '+';

interface Line {
  text: string;
  /** False only for the last line of a text that ends without a newline. */
  newline: boolean;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start < text.length) {
    const end = text.indexOf('\n', start);
    if (end === -1) {
      lines.push({ text: text.slice(start), newline: false });
      break;
    }
    // A CR before the LF belongs to the line ending, not to the text shown.
    const stop = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    lines.push({ text: text.slice(start, stop), newline: true });
    start = end + 1;
  }
  return lines;
}

function same(a: Line, b: Line): boolean {
  return a.text === b.text && a.newline === b.newline;
}

/** The edit script turning `a` into `b`, one op per kept, dropped or added element. */
export function editScript<T>(a: readonly T[], b: readonly T[], equal: (x: T, y: T) => boolean): Op[] {
  let head = 0;
  while (head < a.length && head < b.length && equal(a[head], b[head])) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && equal(a[a.length - 1 - tail], b[b.length - 1 - tail])) tail++;
  const ops: Op[] = new Array<Op>(head).fill(' ');
  for (const op of middleScript(a, b, equal, head, a.length - tail, head, b.length - tail)) ops.push(op);
  for (let i = 0; i < tail; i++) ops.push(' ');
  return ops;
}

/** Edit script turning a[aStart..aEnd) into b[bStart..bEnd); iterative Myers with a saved trace. */
function middleScript<T>(a: readonly T[], b: readonly T[], equal: (x: T, y: T) => boolean, aStart: number, aEnd: number, bStart: number, bEnd: number): Op[] {
  const n = aEnd - aStart;
  const m = bEnd - bStart;
  const max = n + m;
  if (n === 0 || m === 0 || max === 0) return [...Array<Op>(n).fill('-'), ...Array<Op>(m).fill('+')];
  const limit = Math.min(max, MAX_EDIT_DISTANCE);
  const offset = limit + 1;
  const v = new Int32Array(2 * limit + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= limit && found < 0; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && equal(a[aStart + x], b[bStart + y])) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
  }
  if (found < 0) return [...Array<Op>(n).fill('-'), ...Array<Op>(m).fill('+')];

  // Walk the trace backwards to recover the path.
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const prev = trace[d];
    const k = x - y;
    const prevK = k === -d || (k !== d && prev[offset + k - 1] < prev[offset + k + 1]) ? k + 1 : k - 1;
    const prevX = prev[offset + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push(' ');
      x--;
      y--;
    }
    if (x === prevX) {
      ops.push('+');
      y--;
    } else {
      ops.push('-');
      x--;
    }
  }
  while (x > 0 && y > 0) {
    ops.push(' ');
    x--;
    y--;
  }
  return ops.reverse();
}

/** The unified diff between two texts; empty when they are equal. */
export function unifiedDiff(oldText: string, newText: string, options: DiffOptions = {}): string {
  if (oldText === newText) return '';
  const context = options.context ?? 3;
  const a = splitLines(oldText);
  const b = splitLines(newText);
  const ops = editScript(a, b, same);

  const out: string[] = [`--- ${options.oldName ?? 'a'}`, `+++ ${options.newName ?? 'b'}`];
  // Positions of each op in a and b.
  const aAt = new Int32Array(ops.length + 1);
  const bAt = new Int32Array(ops.length + 1);
  for (let i = 0; i < ops.length; i++) {
    aAt[i + 1] = aAt[i] + (ops[i] === '+' ? 0 : 1);
    bAt[i + 1] = bAt[i] + (ops[i] === '-' ? 0 : 1);
  }

  let i = 0;
  while (i < ops.length) {
    if (ops[i] === ' ') {
      i++;
      continue;
    }
    // A hunk: from `context` lines before this change to `context` lines after the last change
    // that lies within 2*context lines of the previous one.
    const start = Math.max(0, i - context);
    let end = i;
    let lastChange = i;
    while (end < ops.length) {
      if (ops[end] !== ' ') lastChange = end;
      else if (end - lastChange > 2 * context) break;
      end++;
    }
    const stop = Math.min(ops.length, lastChange + 1 + context);
    const aCount = aAt[stop] - aAt[start];
    const bCount = bAt[stop] - bAt[start];
    out.push(`@@ -${range(aAt[start], aCount)} +${range(bAt[start], bCount)} @@`);
    for (let j = start; j < stop; j++) {
      const line = ops[j] === '+' ? b[bAt[j]] : a[aAt[j]];
      out.push(ops[j] + line.text);
      if (!line.newline) out.push('\\ No newline at end of file');
    }
    i = stop;
  }
  return out.join('\n') + '\n';
}

function range(start: number, count: number): string {
  // Unified diff numbers lines from 1; an empty range names the line before it.
  const first = count === 0 ? start : start + 1;
  return count === 1 ? String(first) : `${first},${count}`;
}
