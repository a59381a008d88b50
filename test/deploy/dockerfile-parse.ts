// A small reader for the Dockerfile and .dockerignore in deploy/, enough for the tests to check
// what the image promises: instructions grouped by stage, key=value arguments, exec-form
// commands, and Docker's ignore-file matching (last matching pattern wins, `!` re-includes,
// a pattern that matches a folder covers everything under it).

export interface Instruction {
  keyword: string;
  args: string;
  line: number;
}

export interface Stage {
  image: string;
  name: string | undefined;
  instructions: Instruction[];
}

/** Instructions in order; continuation lines joined, comments and parser directives dropped. */
export function parseDockerfile(text: string): Instruction[] {
  const instructions: Instruction[] = [];
  let pending = '';
  let startLine = 0;
  const lines = text.split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    const trimmed = lines[index].trim();
    if (trimmed.startsWith('#')) continue;
    if (trimmed === '' && pending === '') continue;
    if (pending === '') startLine = index + 1;
    if (trimmed.endsWith('\\')) {
      pending += trimmed.slice(0, -1) + ' ';
      continue;
    }
    const whole = (pending + trimmed).trim();
    pending = '';
    const space = whole.search(/\s/);
    const keyword = (space === -1 ? whole : whole.slice(0, space)).toUpperCase();
    const args = space === -1 ? '' : whole.slice(space).trim();
    instructions.push({ keyword, args, line: startLine });
  }
  return instructions;
}

/** Splits instructions into stages at each FROM (`FROM image [AS name]`). */
export function stagesOf(instructions: Instruction[]): Stage[] {
  const stages: Stage[] = [];
  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') {
      const words = instruction.args.split(/\s+/).filter((word) => !word.startsWith('--'));
      const named = words.length === 3 && words[1].toUpperCase() === 'AS';
      stages.push({ image: words[0], name: named ? words[2] : undefined, instructions: [] });
    } else if (stages.length > 0) {
      stages[stages.length - 1].instructions.push(instruction);
    }
  }
  return stages;
}

/** Words of an instruction's arguments, double quotes grouping and removed. */
export function shellWords(args: string): string[] {
  const words: string[] = [];
  let current = '';
  let inQuotes = false;
  let hasWord = false;
  for (let index = 0; index < args.length; index++) {
    const char = args[index];
    if (char === '"') {
      inQuotes = !inQuotes;
      hasWord = true;
    } else if (!inQuotes && /\s/.test(char)) {
      if (hasWord) words.push(current);
      current = '';
      hasWord = false;
    } else {
      current += char;
      hasWord = true;
    }
  }
  if (hasWord) words.push(current);
  return words;
}

/** `KEY=value` pairs of ENV, LABEL or ARG arguments (an ARG without a default maps to ''). */
export function keyValues(args: string): Map<string, string> {
  const pairs = new Map<string, string>();
  for (const word of shellWords(args)) {
    const equals = word.indexOf('=');
    if (equals === -1) pairs.set(word, '');
    else pairs.set(word.slice(0, equals), word.slice(equals + 1));
  }
  return pairs;
}

/** The JSON array of an exec-form instruction (CMD, ENTRYPOINT, HEALTHCHECK … CMD, VOLUME). */
export function execForm(args: string): string[] {
  const parsed: unknown = JSON.parse(args);
  if (!Array.isArray(parsed) || !parsed.every((part) => typeof part === 'string')) {
    throw new Error(`not an exec-form array of strings: ${args}`);
  }
  return parsed as string[];
}

function globToRegExp(pattern: string): RegExp {
  let source = '';
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index];
    if (char === '*' && pattern[index + 1] === '*') {
      // `**/` matches any number of folders, a trailing `**` anything below.
      if (pattern[index + 2] === '/') {
        source += '(?:.*/)?';
        index += 2;
      } else {
        source += '.*';
        index += 1;
      }
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/** A predicate telling whether a context-relative path (with `/`) is left out of the build. */
export function dockerignoreMatcher(text: string): (path: string) => boolean {
  const rules = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const negated = line.startsWith('!');
      const pattern = (negated ? line.slice(1) : line).trim().replace(/^\/+/, '').replace(/\/+$/, '');
      return { negated, regexp: globToRegExp(pattern) };
    });
  return (path: string) => {
    const parts = path.split('/');
    const candidates = parts.map((_, index) => parts.slice(0, index + 1).join('/'));
    let excluded = false;
    for (const rule of rules) {
      if (candidates.some((candidate) => rule.regexp.test(candidate))) excluded = !rule.negated;
    }
    return excluded;
  };
}
