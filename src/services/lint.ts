// Linting one or several plans: the engine's findings, each tagged with its file when there are
// several, plus counts by severity. Formats (text, GitHub, SARIF) are the shells' business.

import { RULES, lintPlan } from '../engine/lint/index.js';
import type { Finding, Plan, PlanIndex, Severity } from '../engine/model.js';

export interface LintFinding extends Finding {
  /** The plan file, present when several files were linted. */
  file?: string;
}

export interface SeverityCounts {
  error: number;
  warning: number;
  info: number;
}

export interface LintResult {
  files: string[];
  findings: LintFinding[];
  counts: SeverityCounts;
}

export interface LintablePlan {
  path: string;
  plan: Plan;
  index: PlanIndex;
}

export function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

export function lintPlans(plans: readonly LintablePlan[]): LintResult {
  const several = plans.length > 1;
  const findings: LintFinding[] = [];
  for (const { path, plan, index } of plans) {
    for (const finding of lintPlan(plan, index)) findings.push(several ? { file: path, ...finding } : finding);
  }
  return { files: plans.map((plan) => plan.path), findings, counts: countBySeverity(findings) };
}

export interface RuleInfo {
  id: string;
  severity: Severity;
  description: string;
}

/** Every rule the engine knows, plus any rule id that only the reader reports. */
export function rulesFor(findings: readonly Finding[]): RuleInfo[] {
  const rules: RuleInfo[] = RULES.map((rule) => ({ ...rule }));
  const known = new Set(rules.map((rule) => rule.id));
  for (const finding of findings) {
    if (known.has(finding.rule)) continue;
    known.add(finding.rule);
    rules.push({ id: finding.rule, severity: finding.severity, description: `Reported while reading the plan (${finding.rule}).` });
  }
  return rules;
}
