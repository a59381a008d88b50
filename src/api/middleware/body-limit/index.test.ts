import { afterEach, describe, expect, it } from 'vitest';
import { harness, readJson } from '../../testing.js';
import type { Harness } from '../../testing.js';
import { bodyLimit } from './index.js';

let h: Harness;
afterEach(() => h.close());

describe('bodyLimit', () => {
  it('passes a body at the limit and refuses one byte more with 413, declared or streamed', async () => {
    h = await harness();
    h.app.use('*', bodyLimit(1024));
    h.app.post('/', async (c) => c.text(String((await c.req.arrayBuffer()).byteLength)));

    const atLimit = await h.app.request('/', { method: 'POST', body: 'a'.repeat(1024) });
    expect(atLimit.status).toBe(200);
    expect(await atLimit.text()).toBe('1024');

    const over = await h.app.request('/', { method: 'POST', body: 'a'.repeat(1025) });
    expect(over.status).toBe(413);
    expect((await readJson(over)).error).toMatchObject({ code: 'payload_too_large', details: { limitBytes: 1024 } });

    // No Content-Length: the limit is enforced while reading.
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let index = 0; index < 5; index++) controller.enqueue(new Uint8Array(300));
        controller.close();
      },
    });
    const streamed = await h.app.request('/', { method: 'POST', body: stream, duplex: 'half' } as RequestInit);
    expect(streamed.status).toBe(413);
  });

  it('reads a declared Content-Length without touching the body, and lets GET through', async () => {
    h = await harness();
    h.app.use('*', bodyLimit(1024));
    h.app.post('/', async (c) => c.text(String((await c.req.arrayBuffer()).byteLength)));
    h.app.get('/', (c) => c.text('read'));

    const declaredAtLimit = await h.app.request('/', { method: 'POST', body: 'a'.repeat(1024), headers: { 'content-length': '1024' } });
    expect(declaredAtLimit.status).toBe(200);
    expect(await declaredAtLimit.text()).toBe('1024');
    const declaredOver = await h.app.request('/', { method: 'POST', body: 'a'.repeat(1025), headers: { 'content-length': '1025' } });
    expect(declaredOver.status).toBe(413);
    expect((await h.app.request('/')).status).toBe(200);
  });

  it('says the limit in megabytes when it is a whole number of them', async () => {
    h = await harness();
    h.app.use('*', bodyLimit(10 * 1024 * 1024));
    h.app.post('/', async (c) => c.text(String((await c.req.arrayBuffer()).byteLength)));
    const over = await h.app.request('/', { method: 'POST', body: new Uint8Array(10 * 1024 * 1024 + 1) });
    expect(over.status).toBe(413);
    expect((await readJson(over)).error.message).toContain('larger than 10 MB');
  });
});
