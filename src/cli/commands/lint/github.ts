// Findings as GitHub Actions workflow commands, which the runner turns into annotations on the
// changed files: `::error file=plan.md,line=12,title=scrumdown declared-total::message`.

import type { LintFinding } from '../../../services/lint.js';

const COMMAND: Readonly<Record<LintFinding['severity'], string>> = { error: 'error', warning: 'warning', info: 'notice' };

/** Escaping for the message part of a workflow command. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping for a property value (file, title): also `:` and `,`. */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function toGithub(findings: readonly LintFinding[], defaultFile: string): string {
  return findings
    .map((finding) => {
      const properties = [`file=${escapeProperty(finding.file ?? defaultFile)}`];
      if (finding.line > 0) properties.push(`line=${finding.line}`);
      properties.push(`title=${escapeProperty(`scrumdown ${finding.rule}`)}`);
      return `::${COMMAND[finding.severity]} ${properties.join(',')}::${escapeData(finding.message)}`;
    })
    .join('\n');
}
