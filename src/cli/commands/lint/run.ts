// Runs `scrumdown lint`: prints the findings in the chosen format and exits 1 when any is an error.

import { lintPlans, rulesFor } from '../../../services/lint.js';
import type { LintFinding } from '../../../services/lint.js';
import { loadPlans } from '../../../services/plan-file.js';
import type { CommandContext } from '../../context.js';
import { EXIT_FINDINGS } from '../../exit.js';
import { print, printDocument, printJson, table } from '../../output.js';
import type { Palette } from '../../output.js';
import { packageVersion } from '../../version.js';
import { toGithub } from './github.js';
import type { LintOptions } from './index.js';
import { toSarif } from './sarif.js';

export async function runLint(files: string[], options: LintOptions, context: CommandContext): Promise<void> {
  const plans = await loadPlans(files);
  const result = lintPlans(plans);
  const defaultFile = files[0];
  switch (options.format) {
    case 'json':
      printJson('lint', { files: result.files, counts: result.counts, findings: result.findings });
      break;
    case 'github':
      if (result.findings.length > 0) print(toGithub(result.findings, defaultFile));
      break;
    case 'sarif':
      printDocument(toSarif(result.findings, rulesFor(result.findings), defaultFile, packageVersion()));
      break;
    default:
      print(formatText(result.findings, result.counts, files, context.color));
  }
  if (result.counts.error > 0) process.exitCode = EXIT_FINDINGS;
}

function severityText(color: Palette, severity: LintFinding['severity']): string {
  if (severity === 'error') return color.red('error');
  if (severity === 'warning') return color.yellow('warning');
  return color.blue('info');
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function formatText(findings: readonly LintFinding[], counts: { error: number; warning: number; info: number }, files: string[], color: Palette): string {
  const rows = findings.map((finding) => [
    color.dim(`${finding.file ?? files[0]}:${finding.line}`),
    severityText(color, finding.severity),
    color.dim(finding.rule),
    finding.message,
  ]);
  const lines = table(rows);
  const where = files.length === 1 ? files[0] : `${files.length} files`;
  if (findings.length === 0) {
    lines.push(color.green(`No findings in ${where}.`));
  } else {
    lines.push('', `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info in ${where}.`);
  }
  return lines.join('\n');
}
