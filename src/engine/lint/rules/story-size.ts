// story-size: a story too large to finish comfortably in one sprint: more than half the
// average sprint capacity, or, where the plan states no capacity, more than 13 points.

import type { Finding, Item, Plan } from '../../model.js';
import { isClosed, isShelved } from '../../model.js';
import { describeItem, formatNumber, makeFinding, type LintRule } from '../rule.js';

/** Without a stated capacity, the usual ceiling of a story on the Fibonacci scale. */
const DEFAULT_LIMIT = 13;

export const storySize: LintRule = {
  id: 'story-size',
  severity: 'info',
  description: 'A story larger than half the average sprint capacity (or 13 points when no capacity is given).',
  check(plan: Plan): Finding[] {
    let capacitySum = 0;
    let capacityCount = 0;
    for (const sprint of plan.sprints) {
      if (sprint.capacityPoints && sprint.capacityPoints.number > 0) {
        capacitySum += sprint.capacityPoints.number;
        capacityCount++;
      }
    }
    const average = capacityCount > 0 ? capacitySum / capacityCount : null;
    const limit = average === null ? DEFAULT_LIMIT : average / 2;

    const stories: Item[] = [];
    const large: Item[] = [];
    for (const item of plan.items) {
      // Finished and shelved stories are not going to be split any more.
      if (item.kind !== 'story' || item.points === undefined || isShelved(item.status) || isClosed(item.status)) continue;
      stories.push(item);
      if (item.points > limit) large.push(item);
    }
    // With no capacity to measure against, a plan where most stories pass 13 simply uses a
    // larger scale; flagging all of them would be noise.
    if (average === null && large.length * 2 > stories.length) return [];

    const why =
      average === null
        ? `more than ${DEFAULT_LIMIT} points`
        : `more than half the average sprint capacity of ${formatNumber(average)} points`;
    return large.map((item) =>
      makeFinding(
        storySize,
        item.fields.points?.line ?? item.line,
        `Story ${describeItem(item)} is ${formatNumber(item.points as number)} points, ${why}; consider splitting it.`,
        { itemId: item.id, expected: Math.round(limit * 100) / 100, actual: item.points as number },
      ),
    );
  },
};
