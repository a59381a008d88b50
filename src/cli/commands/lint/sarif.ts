// Findings as a SARIF 2.1.0 log (one run, the rules and the results), the format code-scanning
// tools such as GitHub code scanning import.

import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LintFinding, RuleInfo } from '../../../services/lint.js';

const LEVEL: Readonly<Record<LintFinding['severity'], 'error' | 'warning' | 'note'>> = { error: 'error', warning: 'warning', info: 'note' };

function artifactUri(path: string): string {
  if (isAbsolute(path)) return pathToFileURL(path).href;
  return encodeURI(path.replace(/\\/g, '/').replace(/^\.\//, ''));
}

export function toSarif(findings: readonly LintFinding[], rules: readonly RuleInfo[], defaultFile: string, version: string): object {
  const ruleIndex = new Map(rules.map((rule, i) => [rule.id, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'scrumdown',
            version,
            rules: rules.map((rule) => ({
              id: rule.id,
              name: rule.id,
              shortDescription: { text: rule.description },
              defaultConfiguration: { level: LEVEL[rule.severity] },
            })),
          },
        },
        results: findings.map((finding) => {
          const properties: Record<string, string | number> = {};
          if (finding.itemId !== undefined) properties.itemId = finding.itemId;
          if (finding.expected !== undefined) properties.expected = finding.expected;
          if (finding.actual !== undefined) properties.actual = finding.actual;
          return {
            ruleId: finding.rule,
            ruleIndex: ruleIndex.get(finding.rule) ?? -1,
            level: LEVEL[finding.severity],
            message: { text: finding.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: artifactUri(finding.file ?? defaultFile) },
                  // SARIF lines start at 1; a finding about the whole plan points at its top.
                  region: { startLine: Math.max(1, finding.line) },
                },
              },
            ],
            ...(Object.keys(properties).length > 0 ? { properties } : {}),
          };
        }),
      },
    ],
  };
}
