// Compose's variable substitution, as the Compose specification defines it, applied to every
// string value of a parsed compose file: ${VAR}, $VAR, ${VAR:-default}, ${VAR-default},
// ${VAR:?error}, ${VAR?error}, ${VAR:+replacement}, ${VAR+replacement}, and $$ for a literal $.
// Lets the tests see what `docker compose config` would print without a Docker installation.

export class MissingVariableError extends Error {
  constructor(readonly variable: string, message: string) {
    super(`required variable ${variable} is missing a value: ${message}`);
  }
}

const pattern = /\$(?:(\$)|\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?)([-?+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;

export function interpolate(text: string, env: Record<string, string | undefined>): string {
  return text.replace(pattern, (_whole, dollar: string | undefined, braced: string | undefined, colon: string | undefined, operator: string | undefined, operand: string | undefined, bare: string | undefined) => {
    if (dollar) return '$';
    const name = (braced ?? bare) as string;
    const value = env[name];
    // With a colon, an empty value counts as unset.
    const isSet = colon ? value !== undefined && value !== '' : value !== undefined;
    switch (operator) {
      case '-':
        return isSet ? (value as string) : (operand ?? '');
      case '?':
        if (!isSet) throw new MissingVariableError(name, operand ?? '');
        return value as string;
      case '+':
        return isSet ? (operand ?? '') : '';
      default:
        return value ?? '';
    }
  });
}

/** A copy of a parsed compose document with every string value substituted (keys are not). */
export function interpolateDocument(document: unknown, env: Record<string, string | undefined>): unknown {
  const rootHolder: { value: unknown } = { value: undefined };
  // Iterative walk: each pending entry copies one source value into its place in the result.
  const pending: Array<{ source: unknown; assign: (value: unknown) => void }> = [{ source: document, assign: (value) => (rootHolder.value = value) }];
  while (pending.length > 0) {
    const { source, assign } = pending.pop() as { source: unknown; assign: (value: unknown) => void };
    if (typeof source === 'string') assign(interpolate(source, env));
    else if (Array.isArray(source)) {
      const copy: unknown[] = new Array<unknown>(source.length);
      assign(copy);
      source.forEach((item, index) => pending.push({ source: item, assign: (value) => (copy[index] = value) }));
    } else if (source !== null && typeof source === 'object') {
      const copy: Record<string, unknown> = {};
      assign(copy);
      for (const [key, item] of Object.entries(source)) pending.push({ source: item, assign: (value) => (copy[key] = value) });
    } else assign(source);
  }
  return rootHolder.value;
}

/** Variables a .env file sets (KEY=value lines; comments and blank lines skipped). */
export function parseDotenv(text: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (match) env[match[1]] = match[2].replace(/^(['"])(.*)\1$/, '$2');
  }
  return env;
}

/** Names of the variables a compose file substitutes, with whether each one is required. */
export function substitutedVariables(text: string): Map<string, { required: boolean }> {
  const found = new Map<string, { required: boolean }>();
  for (const match of text.matchAll(pattern)) {
    if (match[1]) continue;
    const name = match[2] ?? match[6];
    const required = match[4] === '?';
    found.set(name, { required: required || (found.get(name)?.required ?? false) });
  }
  return found;
}
