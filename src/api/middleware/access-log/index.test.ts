import { afterEach, describe, expect, it } from 'vitest';
import { harness } from '../../testing.js';
import type { Harness } from '../../testing.js';
import { requestId } from '../request-id/index.js';
import { accessLog } from './index.js';

let h: Harness;
afterEach(() => h.close());

describe('accessLog', () => {
  it('writes one JSON line per request with the route pattern, and no headers, query or body', async () => {
    h = await harness();
    h.app.use('*', requestId());
    h.app.use('*', accessLog());
    h.app.post('/things/:id', async (c) => c.json({ got: (await c.req.json()).password.length }, 201));
    await h.app.request('/things/42?token=sdt_querysecret', {
      method: 'POST',
      headers: { authorization: 'Bearer sdt_headersecret', 'content-type': 'application/json', 'x-request-id': 'req-1', 'x-forwarded-for': '192.0.2.9' },
      body: JSON.stringify({ password: 'bodysecret' }),
    });
    const lines = h.logText().trim().split('\n');
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]!);
    expect(line).toMatchObject({ requestId: 'req-1', method: 'POST', path: '/things/42', route: '/things/:id', status: 201, ip: '192.0.2.9', msg: 'request' });
    expect(typeof line.durationMs).toBe('number');
    for (const secret of ['querysecret', 'headersecret', 'bodysecret']) expect(h.logText()).not.toContain(secret);
  });

  it('logs failures at error level with the status the client saw', async () => {
    h = await harness();
    h.app.use('*', requestId());
    h.app.use('*', accessLog());
    h.app.get('/boom', () => {
      throw new Error('internal detail');
    });
    const response = await h.app.request('/boom');
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain('internal detail');
    const request = h
      .logText()
      .trim()
      .split('\n')
      .map((text) => JSON.parse(text))
      .find((line) => line.msg === 'request');
    expect(request).toMatchObject({ level: 50, status: 500, route: '/boom' });
  });
});
