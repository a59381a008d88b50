import { describe, expect, it } from 'vitest';
import { parseStatus } from '../read/status.js';
import { STATUSES } from '../model.js';
import { documentWord, isMojibake, shapeLike, statusValue, toMojibake } from './words.js';

const style = { eol: '\n' as const, bom: false, doneChar: 'x' as const, progressChar: '-' as const, statusWords: {} };

describe('mojibake', () => {
  it('writes emoji the way UTF-8 read as Windows-1252 shows them', () => {
    expect(toMojibake('✅')).toBe('âœ…');
    expect(toMojibake('🟡')).toBe('ðŸŸ¡');
    expect(toMojibake('🧊 Icebox')).toBe('ðŸ§Š Icebox');
    // 0x9D is undefined in Windows-1252 and decodes to the C1 control U+009D.
    expect(toMojibake('❌')).toBe('â\u009dŒ');
  });

  it('recognises mojibake and nothing else', () => {
    expect(isMojibake('ðŸ“‹')).toBe(true);
    expect(isMojibake('â\u009dŒ')).toBe(true);
    expect(isMojibake('📋')).toBe(false);
    expect(isMojibake('café')).toBe(false);
    expect(isMojibake('Done')).toBe(false);
  });
});

describe('shapeLike', () => {
  it('keeps an emoji in front, bold, and capitals', () => {
    expect(shapeLike('🟡 In Progress', 'done')).toBe('✅ Done');
    expect(shapeLike('ðŸŸ¡ In Progress', 'blocked')).toBe('â›” Blocked');
    expect(shapeLike('**Todo**', 'review')).toBe('**In Review**');
    expect(shapeLike('IN PROGRESS', 'cancelled')).toBe('CANCELLED');
    expect(shapeLike('todo', 'in_progress')).toBe('in progress');
    expect(shapeLike('not-started', 'in_progress')).toBe('in-progress');
    expect(shapeLike('Done ✅', 'deferred')).toBe('Icebox 🧊');
  });

  it('gives a lone emoji its word, and an empty value the default word', () => {
    expect(shapeLike('✅', 'in_progress')).toBe('🟡 In Progress');
    expect(shapeLike('', 'done')).toBe('Done');
    // Punctuation is not an emoji: it is kept in front, or replaced by the word.
    expect(shapeLike('—', 'done')).toBe('Done');
    expect(shapeLike('→ Todo', 'done')).toBe('→ Done');
  });

  it('always reads back as the status it was asked for', () => {
    for (const current of ['🟡 In Progress', 'ðŸ“‹ Todo', '**DONE**', 'wip', 'Blocked ⛔', '', '—']) {
      for (const status of STATUSES) expect(parseStatus(statusValue(style, status, current)), `${current} → ${status}`).toBe(status);
    }
  });
});

describe('documentWord', () => {
  it('uses the plan’s word only when it reads as that status', () => {
    const words = { statusWords: { done: 'Shipped', todo: 'Later', blocked: '' } };
    expect(documentWord({ ...style, ...words }, 'done')).toBe('Shipped');
    expect(documentWord({ ...style, ...words }, 'todo')).toBeNull();
    expect(documentWord({ ...style, ...words }, 'blocked')).toBeNull();
    expect(statusValue({ ...style, ...words }, 'done', '🟡 In Progress')).toBe('Shipped');
  });
});
