import { afterEach, describe, expect, it } from 'vitest';
import { harness, readJson } from '../../testing.js';
import type { Harness } from '../../testing.js';
import { jsonBody } from './index.js';

let h: Harness;
afterEach(() => h.close());

async function post(body: string, type = 'application/json'): Promise<{ status: number; json: { error?: { code: string; message: string; details: Record<string, unknown> }; got?: unknown } }> {
  const response = await h.app.request('/', { method: 'POST', body, headers: { 'content-type': type } });
  return { status: response.status, json: await readJson(response) };
}

describe('jsonBody', () => {
  it('answers malformed JSON with 400 naming the problem, and lets good JSON through to the handler', async () => {
    h = await harness();
    h.app.use('*', jsonBody());
    h.app.post('/', async (c) => c.json({ got: await c.req.json() }));

    expect(await post('{"name": "x"}')).toEqual({ status: 200, json: { got: { name: 'x' } } });

    const broken = await post('{"name": "x",}');
    expect(broken.status).toBe(400);
    expect(broken.json.error?.code).toBe('validation_failed');
    expect(broken.json.error?.message).toMatch(/^The request body is not valid JSON: .+/);
    expect(String(broken.json.error?.details.problem)).toMatch(/position|JSON/);

    const empty = await post('   ');
    expect(empty.status).toBe(400);
    expect(empty.json.error?.message).toContain('empty');

    // +json media types are JSON too.
    expect((await post('{', 'application/merge-patch+json; charset=utf-8')).status).toBe(400);
  });

  it('leaves other content types alone', async () => {
    h = await harness();
    h.app.use('*', jsonBody());
    h.app.post('/', async (c) => c.json({ got: await c.req.text() }));
    expect(await post('{not json', 'text/markdown')).toEqual({ status: 200, json: { got: '{not json' } });
  });
});
