import { afterEach, describe, expect, it } from 'vitest';
import { harness } from '../../testing.js';
import type { Harness } from '../../testing.js';
import { requestId } from './index.js';

let h: Harness;
afterEach(() => h.close());

async function withRequestId(): Promise<Harness> {
  h = await harness();
  h.app.use('*', requestId());
  h.app.get('/', (c) => {
    c.get('logger').info('inside');
    return c.text(c.get('requestId'));
  });
  return h;
}

describe('requestId', () => {
  it('honours a sane x-request-id, echoes it, and binds it to the request logger', async () => {
    await withRequestId();
    const response = await h.app.request('/', { headers: { 'x-request-id': 'trace-42.a:b' } });
    expect(response.headers.get('x-request-id')).toBe('trace-42.a:b');
    expect(await response.text()).toBe('trace-42.a:b');
    expect(JSON.parse(h.logText().trim())).toMatchObject({ requestId: 'trace-42.a:b', msg: 'inside' });
  });

  it('generates a UUID when there is none, a different one per request', async () => {
    await withRequestId();
    const first = (await h.app.request('/')).headers.get('x-request-id');
    const second = (await h.app.request('/')).headers.get('x-request-id');
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(second).toMatch(/^[0-9a-f-]{36}$/);
    expect(first).not.toBe(second);
  });

  it('replaces an id that could forge log lines or bloat them', async () => {
    await withRequestId();
    for (const bad of ['a b', 'x'.repeat(129), 'line\tbreak', '"}{"admin":true']) {
      const id = (await h.app.request('/', { headers: { 'x-request-id': bad } })).headers.get('x-request-id');
      expect(id).not.toBe(bad);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});
