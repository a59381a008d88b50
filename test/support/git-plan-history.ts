// The scripted history the plan-history tests check by hand: a small backlog plan with a sprint,
// committed by three people over two weeks of January 2026, with a rename, a merge, an item
// added, an item removed, and ID-less chores whose derived ids shift when one is inserted above.
//
//   C1 Mon 05 09:00 Ana  plan.md: PAY-1 (5), PAY-3 (2), PAY-2 (3) to do; chores Rotate, Update open
//   C2 Tue 06 10:00 Ben  PAY-1 in progress; "Renew TLS certificate" inserted above the chores
//                        (Rotate chores.1 → chores.2, Update chores.2 → chores.3); Rotate done
//   C3 Wed 07 11:00 Ana  git mv plan.md docs/plan.md, and PAY-2 in progress
//   F1 Thu 08 12:00 Cem  (branch "refunds") PAY-1 done, PAY-4 (8) added
//   C4 Thu 08 15:00 Ana  PAY-3 removed
//   M  Fri 09 16:00 Ana  merge of "refunds": PAY-1 done and PAY-4 reach main
//   C6 Mon 12 10:00 Ben  PAY-2 done, Update done
//   C7 Wed 14 10:00 Cem  PAY-4 in progress

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRepo } from './git-repo.js';
import type { Person, ScriptedRepo } from './git-repo.js';

export const ANA: Person = { name: 'Ana Lima', email: 'ana@example.com' };
export const BEN: Person = { name: 'Ben Okafor', email: 'ben@example.com' };
export const CEM: Person = { name: 'Cem Aydin', email: 'cem@example.com' };

interface PlanState {
  sprintItems: string;
  pay1: string;
  pay3?: string;
  pay2: string;
  pay4?: string;
  chores: Array<[string, boolean]>;
}

function story(id: string, title: string, points: number, status: string): string {
  return `### ${id}: ${title}\n**Points:** ${points}\n**Status:** ${status}\n`;
}

export function planText(state: PlanState): string {
  const stories = [
    story('PAY-1', 'Card form', 5, state.pay1),
    state.pay3 ? story('PAY-3', 'Receipts by email', 2, state.pay3) : null,
    story('PAY-2', 'Wallet support', 3, state.pay2),
    state.pay4 ? story('PAY-4', 'Refund flow', 8, state.pay4) : null,
  ].filter((text): text is string => text !== null);
  return [
    '# Checkout revamp',
    '',
    '## Sprint 1 (2026-01-05 to 2026-01-16)',
    '',
    `**Items:** ${state.sprintItems}`,
    '',
    '## Backlog',
    '',
    stories.join('\n'),
    '## Chores',
    '',
    ...state.chores.map(([title, done]) => `- [${done ? 'x' : ' '}] ${title}`),
    '',
  ].join('\n');
}

export interface ScriptedHistory {
  repo: ScriptedRepo;
  /** Commit hashes by the names above. */
  commits: Record<'C1' | 'C2' | 'C3' | 'F1' | 'C4' | 'M' | 'C6' | 'C7', string>;
}

export function scriptHistory(): ScriptedHistory {
  const repo = createRepo();
  const commits = {} as ScriptedHistory['commits'];
  const twoChores: Array<[string, boolean]> = [
    ['Rotate staging keys', false],
    ['Update the runbook', false],
  ];
  const threeChores = (runbookDone: boolean): Array<[string, boolean]> => [
    ['Renew TLS certificate', false],
    ['Rotate staging keys', true],
    ['Update the runbook', runbookDone],
  ];
  const start = { sprintItems: 'PAY-1, PAY-2, PAY-3', pay1: 'To Do', pay3: 'To Do', pay2: 'To Do' };

  repo.write('plan.md', planText({ ...start, chores: twoChores }));
  commits.C1 = repo.commit('Plan the checkout revamp', '2026-01-05T09:00:00Z', ANA);

  repo.write('plan.md', planText({ ...start, pay1: 'In Progress', chores: threeChores(false) }));
  commits.C2 = repo.commit('Start the card form; rotate keys', '2026-01-06T10:00:00Z', BEN);

  mkdirSync(join(repo.dir, 'docs'));
  repo.git('mv', 'plan.md', 'docs/plan.md');
  repo.write('docs/plan.md', planText({ ...start, pay1: 'In Progress', pay2: 'In Progress', chores: threeChores(false) }));
  commits.C3 = repo.commit('Move the plan to docs/; start wallets', '2026-01-07T11:00:00Z', ANA);

  repo.git('checkout', '-q', '-b', 'refunds');
  repo.write(
    'docs/plan.md',
    planText({ ...start, sprintItems: 'PAY-1, PAY-2, PAY-3, PAY-4', pay1: 'Done', pay2: 'In Progress', pay4: 'To Do', chores: threeChores(false) }),
  );
  commits.F1 = repo.commit('Card form done; plan refunds', '2026-01-08T12:00:00Z', CEM);

  repo.git('checkout', '-q', 'main');
  repo.write('docs/plan.md', planText({ sprintItems: 'PAY-1, PAY-2', pay1: 'In Progress', pay2: 'In Progress', chores: threeChores(false) }));
  commits.C4 = repo.commit('Drop email receipts', '2026-01-08T15:00:00Z', ANA);

  // The merge conflicts on the sprint line; it is resolved by writing the merged plan.
  try {
    repo.git('merge', '-q', '--no-ff', '--no-commit', 'refunds');
  } catch {
    // Conflicts are expected; the resolution follows.
  }
  repo.write('docs/plan.md', planText({ sprintItems: 'PAY-1, PAY-2, PAY-4', pay1: 'Done', pay2: 'In Progress', pay4: 'To Do', chores: threeChores(false) }));
  commits.M = repo.commit("Merge branch 'refunds'", '2026-01-09T16:00:00Z', ANA);

  repo.write('docs/plan.md', planText({ sprintItems: 'PAY-1, PAY-2, PAY-4', pay1: 'Done', pay2: 'Done', pay4: 'To Do', chores: threeChores(true) }));
  commits.C6 = repo.commit('Wallets and runbook done', '2026-01-12T10:00:00Z', BEN);

  repo.write('docs/plan.md', planText({ sprintItems: 'PAY-1, PAY-2, PAY-4', pay1: 'Done', pay2: 'Done', pay4: 'In Progress', chores: threeChores(true) }));
  commits.C7 = repo.commit('Start refunds', '2026-01-14T10:00:00Z', CEM);
  return { repo, commits };
}
