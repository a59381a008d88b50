// Summarising successive texts part by part (engine/history/incremental.ts) must give exactly what
// parsing each whole text gives. Checked on edit histories of the test fixtures, generated plans
// of every dialect and, where present, the real plans in ../shared/corpus: boxes ticked and
// unticked, items started, lines inserted, copied and removed, statuses and points rewritten, ids
// changed in case, headings added (structural edits the summariser must notice).

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildPlan } from '../src/engine/build.js';
import { summarizeBytes, summarizeText } from '../src/engine/history/incremental.js';
import type { IncrementalStats, TextRevision } from '../src/engine/history/incremental.js';
import { summarizeRevision } from '../src/engine/history/revision.js';
import { generatePlan } from './support/generate.js';

const fixtures = join(import.meta.dirname, 'fixtures');
const corpusDir = join(import.meta.dirname, '../../shared/corpus');

function sources(): Array<[string, string]> {
  const found: Array<[string, string]> = readdirSync(fixtures)
    .filter((name) => name.endsWith('.md'))
    .map((name) => [name, readFileSync(join(fixtures, name), 'utf8')]);
  if (existsSync(corpusDir)) {
    for (const name of readdirSync(corpusDir).filter((n) => n.endsWith('.txt'))) found.push([name, readFileSync(join(corpusDir, name), 'utf8')]);
  }
  found.push(['generated', generatePlan({ items: 120, seed: 7 })]);
  return found;
}

type Edit = { at: number; kind: number; pick: number };

/** Applies one edit of the kinds a plan's history holds; `at` and `pick` choose where and what. */
function applyEdit(lines: string[], edit: Edit): void {
  const at = edit.at % lines.length;
  const line = lines[at];
  switch (edit.kind % 10) {
    case 0:
    case 1: {
      const box = /\[( |x|X|-|~)\]/.exec(line);
      if (box) lines[at] = line.replace(box[0], ['[ ]', '[x]', '[-]'][edit.pick % 3]);
      break;
    }
    case 2:
      lines.splice(at, 0, `${/^\s*/.exec(line)?.[0] ?? ''}- [ ] Inserted task ${edit.pick}`);
      break;
    case 3:
      lines.splice(at, 1);
      break;
    case 4:
      lines[at] = line.replace(/(\*\*Status\*\*:?\s*:?\s*)(.*)$/i, `$1${['Done', 'In Progress', 'To Do', 'Blocked'][edit.pick % 4]}`);
      break;
    case 5:
      lines[at] = line.replace(/(\*\*(Story )?Points:?\*\*:?\s*)\d+/i, `$1${edit.pick % 13}`);
      break;
    case 6:
      lines.splice(at, 0, `${'#'.repeat(2 + (edit.pick % 3))} Heading ${edit.pick}`);
      break;
    case 7:
      // A line copied a little further on: its id, written or derived, is then used twice.
      lines.splice(Math.min(lines.length, at + 1 + (edit.pick % 40)), 0, line);
      break;
    case 8:
      lines[at] = edit.pick % 2 ? line.toLowerCase() : line.toUpperCase();
      break;
    default:
      lines[at] = line.replace(/[A-Za-z]{4,}/, `Renamed${edit.pick}`);
  }
}

describe('summarising part by part', () => {
  it('gives the whole parse on every revision of random edit histories', () => {
    const texts = sources();
    const totals: IncrementalStats = { whole: 0, partial: 0 };
    const byteTotals: IncrementalStats = { whole: 0, partial: 0 };
    const encoder = new TextEncoder();
    const decode = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: texts.length - 1 }),
        fc.array(fc.record({ at: fc.nat(), kind: fc.nat(), pick: fc.nat() }), { minLength: 1, maxLength: 12 }),
        (which, edits) => {
          const lines = texts[which][1].split('\n');
          let previous: TextRevision | null = null;
          let previousBytes: TextRevision | null = null;
          for (const edit of [null, ...edits]) {
            if (edit) applyEdit(lines, edit);
            const text = lines.join('\n');
            const whole = summarizeRevision(buildPlan(text, 'plan.md'));
            const summary: TextRevision = summarizeText(text, 'plan.md', previous, totals);
            expect(summary.revision).toEqual(whole);
            previous = summary;
            const fromBytes: TextRevision = summarizeBytes(encoder.encode(text), 'plan.md', previousBytes, decode, byteTotals);
            expect(fromBytes.revision).toEqual(whole);
            expect(fromBytes.lines).toEqual(lines);
            previousBytes = fromBytes;
          }
        },
      ),
      { numRuns: 300, seed: 20261122 },
    );
    // The point of it: most revisions are read part by part.
    expect(totals.partial).toBeGreaterThan(totals.whole);
    expect(byteTotals).toEqual(totals);
  }, 300_000);
});
