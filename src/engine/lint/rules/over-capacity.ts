// over-capacity: a sprint that commits more story points than its stated capacity, or more
// hours of a role than the team capacity table gives that role per sprint.

import type { Finding, Plan, PlanIndex } from '../../model.js';
import { sprintReport } from '../../analyze/sprint.js';
import { formatNumber, listWords, makeFinding, type LintRule } from '../rule.js';

export const overCapacity: LintRule = {
  id: 'over-capacity',
  severity: 'warning',
  description: 'A sprint committing more points than its capacity, or more hours of a role than the role has.',
  check(plan: Plan, index: PlanIndex): Finding[] {
    const findings: Finding[] = [];
    const report = sprintReport(plan, index);
    report.sprints.forEach((summary, position) => {
      const sprint = plan.sprints[position];
      if (summary.overCapacity && summary.capacity !== undefined) {
        findings.push(
          makeFinding(
            overCapacity,
            sprint?.capacityPoints?.line ?? summary.line,
            `${summary.name} commits ${formatNumber(summary.committed)} story points against a capacity of ${formatNumber(summary.capacity)}, ${formatNumber(summary.overBy)} over.`,
            { expected: summary.capacity, actual: summary.committed },
          ),
        );
      }
      for (const role of summary.roles) {
        if (!role.overCapacity || role.capacity === undefined) continue;
        const written = role.writtenAs.filter((name) => name !== role.role);
        const alias = written.length > 0 ? ` (written ${listWords(written.map((w) => `"${w}"`))})` : '';
        findings.push(
          makeFinding(
            overCapacity,
            summary.line,
            `${summary.name} plans ${formatNumber(role.hours)} hours of ${role.role}${alias} work against the role's ${formatNumber(role.capacity)} hours per sprint, ${formatNumber(role.overBy)} over.`,
            { expected: role.capacity, actual: role.hours },
          ),
        );
      }
    });
    return findings;
  },
};
