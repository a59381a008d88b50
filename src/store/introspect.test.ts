import { describe, expect, it } from 'vitest';
import { inReferenceOrder } from './introspect.js';
import type { TableInfo } from './introspect.js';

const table = (name: string, references: string[] = []): TableInfo => ({ name, columns: ['id'], primaryKey: ['id'], identity: [], references });

describe('inReferenceOrder', () => {
  it('puts parents before children, then names in order', () => {
    const ordered = inReferenceOrder([
      table('items', ['documents', 'projects']),
      table('documents', ['projects', 'users']),
      table('users'),
      table('projects', ['users']),
      table('audit'),
    ]);
    expect(ordered.map((t) => t.name)).toEqual(['audit', 'users', 'projects', 'documents', 'items']);
  });

  it('ignores references to tables it was not given, and keeps a cycle rather than looping', () => {
    expect(inReferenceOrder([table('b', ['a']), table('c', ['elsewhere'])]).map((t) => t.name)).toEqual(['b', 'c']);
    expect(inReferenceOrder([table('y', ['x']), table('x', ['y']), table('root')]).map((t) => t.name)).toEqual(['root', 'x', 'y']);
  });
});
