// The package version, read once from package.json next to the build (dist/cli → ../../).

import { readFileSync } from 'node:fs';

let cached: string | undefined;

export function packageVersion(): string {
  if (cached !== undefined) return cached;
  try {
    const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    cached = manifest.version ?? '0.0.0';
  } catch {
    cached = '0.0.0';
  }
  return cached;
}
