// A JSON response for a value the services hand out again and again unchanged (a memoized page of
// items): the text is made once per object and kept beside it, instead of serialising 50 rows on
// every request. Values must not be changed after they are first sent.

import type { Context, TypedResponse } from 'hono';
import type { JSONParsed } from 'hono/utils/types';

const serialized = new WeakMap<object, string>();

type JsonResponse<T> = Response & TypedResponse<JSONParsed<T>, 200, 'json'>;

export function cachedJson<T extends object>(c: Context, value: T): JsonResponse<T> {
  let text = serialized.get(value);
  if (text === undefined) {
    text = JSON.stringify(value);
    serialized.set(value, text);
  }
  // The body is the JSON of `value`, which is what the typed response of c.json(value) promises.
  return c.body(text, 200, { 'content-type': 'application/json' }) as unknown as JsonResponse<T>;
}
