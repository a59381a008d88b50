// docs/operations.md keeps up with what it documents: every server setting read by the
// configuration code, every alert, every metric the server defines, every deploy file it names,
// and its own section links.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { repositoryRoot } from './server-process.js';

const doc = readFileSync(join(repositoryRoot, 'docs', 'operations.md'), 'utf8');

function sources(folder: string): string[] {
  return readdirSync(join(repositoryRoot, folder))
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts') && name !== 'testing.ts')
    .map((name) => readFileSync(join(repositoryRoot, folder, name), 'utf8'));
}

describe('docs/operations.md', () => {
  it('documents, in the configuration table, every setting the server reads', () => {
    const read = new Set(sources('src/config').flatMap((code) => [...code.matchAll(/\b(SCRUMDOWN_[A-Z_]+|NODE_ENV)\b/g)].map((match) => match[1])));
    expect(read.size).toBeGreaterThanOrEqual(10);
    const tableRows = doc.split('\n').filter((line) => /^\| `[A-Z_]+` \|/.test(line)).map((line) => /^\| `([A-Z_]+)`/.exec(line)?.[1]);
    expect([...read].filter((name) => !tableRows.includes(name))).toEqual([]);
  });

  it('names every alert and every metric the server defines', () => {
    const alerts = (parse(readFileSync(join(repositoryRoot, 'deploy', 'prometheus', 'alerts.yaml'), 'utf8')) as { groups: Array<{ rules: Array<{ alert: string }> }> }).groups.flatMap((group) => group.rules.map((rule) => rule.alert));
    for (const alert of alerts) expect(doc, alert).toContain(`\`${alert}\``);
    const metrics = [...readFileSync(join(repositoryRoot, 'src', 'api', 'metrics.ts'), 'utf8').matchAll(/name: '(scrumdown_[a-z_]+)'/g)].map((match) => match[1]);
    expect(metrics.length).toBeGreaterThanOrEqual(4);
    for (const metric of metrics) expect(doc, metric).toContain(`\`${metric}\``);
  });

  it('every deploy file it names exists', () => {
    const named = [...doc.matchAll(/`(deploy\/[^`\s]+|\.dockerignore)`/g)].map((match) => match[1].replace(/[{].*$/, ''));
    expect(named.length).toBeGreaterThan(5);
    // deploy/.env is the operator's own copy of deploy/.env.example, never in the repository.
    for (const path of named.filter((candidate) => candidate !== 'deploy/.env')) expect(existsSync(join(repositoryRoot, path)), path).toBe(true);
  });

  it('every link to one of its sections finds the heading', () => {
    const slugs = new Set(
      [...doc.matchAll(/^#{1,6} (.+)$/gm)].map((match) =>
        match[1]
          .toLowerCase()
          .replace(/[^\p{L}\p{N} -]/gu, '')
          .replace(/ /g, '-'),
      ),
    );
    const links = [...doc.matchAll(/\]\(#([^)]+)\)/g)].map((match) => match[1]);
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(slugs, link).toContain(link);
  });
});
