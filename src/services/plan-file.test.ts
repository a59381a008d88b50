import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ScrumdownError } from '../errors.js';
import { MAX_PLAN_BYTES, readPlanBytes, writeFileAtomic } from './file-io.js';
import { loadPlan } from './plan-file.js';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'scrumdown-plan-file-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function failure(promise: Promise<unknown>): Promise<ScrumdownError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ScrumdownError);
    return error as ScrumdownError;
  }
  throw new Error('expected a ScrumdownError');
}

describe('reading', () => {
  it('loads and builds a plan', async () => {
    const file = join(dir, 'plan.md');
    writeFileSync(file, '# Plan\n\n- [x] T001 First\n- [ ] T002 Second\n');
    const loaded = await loadPlan(file);
    expect(loaded.plan.items.map((item) => [item.id, item.status])).toEqual([
      ['T001', 'done'],
      ['T002', 'todo'],
    ]);
    expect(loaded.text).toBe(readFileSync(file, 'utf8'));
    expect(loaded.index.byId.get('T002')?.title).toBe('Second');
  });

  it('gives each kind of unreadable input its own code', async () => {
    expect((await failure(readPlanBytes(join(dir, 'missing.md')))).code).toBe('file_not_found');
    expect((await failure(readPlanBytes(join(dir, 'missing', 'deeper.md')))).code).toBe('file_not_found');
    expect((await failure(readPlanBytes(dir))).code).toBe('not_a_file');
    const binary = join(dir, 'binary.md');
    writeFileSync(binary, Buffer.from([0x23, 0x20, 0x00, 0x01]));
    expect((await failure(loadPlan(binary))).code).toBe('binary_file');
  });

  it('refuses a file over the limit by its size alone', async () => {
    const file = join(dir, 'huge.md');
    writeFileSync(file, '');
    truncateSync(file, MAX_PLAN_BYTES + 1);
    const error = await failure(readPlanBytes(file));
    expect(error.code).toBe('file_too_large');
    expect(error.message).toContain(file);
    expect(error.details).toMatchObject({ size: MAX_PLAN_BYTES + 1, limit: MAX_PLAN_BYTES });
  });

  it('messages name the path and one line only', async () => {
    const error = await failure(readPlanBytes(join(dir, 'missing.md')));
    expect(error.message).toContain(join(dir, 'missing.md'));
    expect(error.message).not.toContain('\n');
  });
});

describe('atomic writes', () => {
  it('replaces the content and keeps the mode', async () => {
    const file = join(dir, 'plan.md');
    writeFileSync(file, 'old');
    chmodSync(file, 0o604);
    await writeFileAtomic(file, new TextEncoder().encode('new'));
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(statSync(file).mode & 0o777).toBe(0o604);
    expect(readdirSync(dir)).toEqual(['plan.md']);
  });

  it('writes through a symlink to its target', async () => {
    const target = join(dir, 'real.md');
    const link = join(dir, 'link.md');
    writeFileSync(target, 'old');
    symlinkSync(target, link);
    await writeFileAtomic(link, new TextEncoder().encode('new'));
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['link.md', 'real.md']);
  });

  it('creates a file that does not exist yet, mode 644, and fails cleanly in a missing folder', async () => {
    const file = join(dir, 'new.md');
    await writeFileAtomic(file, new TextEncoder().encode('fresh'));
    expect(readFileSync(file, 'utf8')).toBe('fresh');
    expect(statSync(file).mode & 0o777).toBe(0o644);
    expect(readdirSync(dir)).toEqual(['new.md']);
    const error = await failure(writeFileAtomic(join(dir, 'missing', 'new.md'), new TextEncoder().encode('x')));
    expect(error.code).toBe('file_not_found');
    expect(readdirSync(dir)).toEqual(['new.md']);
  });

  it('refuses to write when the file changed since it was read', async () => {
    const file = join(dir, 'plan.md');
    writeFileSync(file, 'changed by someone else');
    const error = await failure(writeFileAtomic(file, new TextEncoder().encode('mine'), { expected: new TextEncoder().encode('what I read') }));
    expect(error.code).toBe('stale_edit');
    expect(readFileSync(file, 'utf8')).toBe('changed by someone else');
    expect(readdirSync(dir)).toEqual(['plan.md']);
  });

  it('removes the temp file when the rename fails', async () => {
    // A folder cannot be replaced by a file: the temp file is written, the rename fails.
    const folder = join(dir, 'folder.md');
    mkdirSync(folder);
    const error = await failure(writeFileAtomic(folder, new TextEncoder().encode('x')));
    expect(['io_error', 'not_a_file']).toContain(error.code);
    expect(readdirSync(dir)).toEqual(['folder.md']);
  });
});
