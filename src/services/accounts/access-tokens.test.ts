import { describe, expect, it } from 'vitest';
import { isScrumdownError } from '../../errors.js';
import { issueAccessToken, verifyAccessToken } from './access-tokens.js';

const secret = new TextEncoder().encode('unit-test-secret-0123456789-abcdefghijkl');
const issued = new Date('2026-11-22T09:00:00.000Z');

async function reason(token: string, key: Uint8Array, at: Date): Promise<unknown> {
  try {
    await verifyAccessToken(token, key, at);
    return 'accepted';
  } catch (error) {
    return isScrumdownError(error) ? error.details.reason : error;
  }
}

describe('access tokens', () => {
  it('verify until the second they expire, also when the answer was remembered', async () => {
    const token = await issueAccessToken('user-1', secret, issued, 900);
    expect(await verifyAccessToken(token, secret, issued)).toEqual({ userId: 'user-1' });
    // Remembered now; still refused once expired.
    expect(await verifyAccessToken(token, secret, new Date(issued.getTime() + 899_000))).toEqual({ userId: 'user-1' });
    expect(await reason(token, secret, new Date(issued.getTime() + 900_000))).toBe('expired');
  });

  it('are refused under another secret even after being verified under the right one', async () => {
    const token = await issueAccessToken('user-2', secret, issued, 900);
    await verifyAccessToken(token, secret, issued);
    const other = new TextEncoder().encode('another-secret-0123456789-abcdefghijklmn');
    expect(await reason(token, other, issued)).toBe('invalid');
  });

  it('are refused when any character changes', async () => {
    const token = await issueAccessToken('user-3', secret, issued, 900);
    await verifyAccessToken(token, secret, issued);
    const [header, payload, signature] = token.split('.');
    const flipped = (text: string, at: number) => text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);
    for (const changed of [`${flipped(header!, 3)}.${payload}.${signature}`, `${header}.${flipped(payload!, 5)}.${signature}`, `${header}.${payload}.${flipped(signature!, 7)}`]) {
      expect(await reason(changed, secret, issued)).toBe('invalid');
    }
  });
});
