import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ScrumdownError } from '../../errors.js';
import { lockFolder, lockPath } from './lock.js';

/** The pid of a process that has exited: nothing runs under it now. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

function writeLock(dir: string, owner: { pid: number; host: string; since: string }): void {
  mkdirSync(join(dir, '.scrumdown'), { recursive: true });
  writeFileSync(lockPath(dir), `${JSON.stringify(owner)}\n`);
}

async function refusal(promise: Promise<unknown>): Promise<ScrumdownError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ScrumdownError);
  return error as ScrumdownError;
}

describe('lockFolder', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'scrumdown-lock-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('lets one watch hold a folder: a second is refused with who holds it, and can take it once released', async () => {
    const first = await lockFolder(dir, () => new Date('2026-12-02T09:00:00Z'));
    expect(JSON.parse(readFileSync(lockPath(dir), 'utf8'))).toEqual({ pid: process.pid, host: hostname(), since: '2026-12-02T09:00:00.000Z' });
    const error = await refusal(lockFolder(dir));
    expect(error.code).toBe('conflict');
    expect(error.message).toContain(`already being watched by process ${process.pid} on ${hostname()}, since 2026-12-02T09:00:00.000Z`);
    expect(error.message).toContain(lockPath(dir));
    await first.release();
    expect(existsSync(lockPath(dir))).toBe(false);
    const second = await lockFolder(dir);
    await second.release();
    // No temporary files are left beside the lock.
    expect(readdirSync(join(dir, '.scrumdown'))).toEqual([]);
  });

  it('takes over a lock whose process has died on this machine', async () => {
    writeLock(dir, { pid: deadPid(), host: hostname(), since: '2026-12-01T08:00:00.000Z' });
    const lock = await lockFolder(dir);
    expect(JSON.parse(readFileSync(lockPath(dir), 'utf8')).pid).toBe(process.pid);
    await lock.release();
  });

  it('refuses a lock from another machine (its process cannot be checked) and one it cannot read, and removes neither', async () => {
    writeLock(dir, { pid: deadPid(), host: 'other-host.example', since: '2026-12-01T08:00:00.000Z' });
    expect((await refusal(lockFolder(dir))).message).toMatch(/on other-host\.example, since 2026-12-01/);
    writeFileSync(lockPath(dir), 'not json');
    expect((await refusal(lockFolder(dir))).message).toContain('already being watched by another program');
    expect(readFileSync(lockPath(dir), 'utf8')).toBe('not json');
  });

  it('release leaves alone a lock that is no longer its own', async () => {
    const lock = await lockFolder(dir);
    writeLock(dir, { pid: 1, host: hostname(), since: '2026-12-02T10:00:00.000Z' });
    await lock.release();
    expect(JSON.parse(readFileSync(lockPath(dir), 'utf8')).pid).toBe(1);
  });
});
