import { expect } from 'vitest';

// The admin API as HTTP+JSON on the gateway's HTTP port (Pulsar's /admin/v2 paths), with fetch.

export interface Answer {
  status: number;
  contentType: string | null;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

/** One admin request to the gateway at `httpUrl`: `body` is sent as JSON, or as is when a string. */
export async function adminRequest(
  httpUrl: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<Answer> {
  const response = await fetch(`${httpUrl}/admin/v2/${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text.length > 0 ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    text,
    body: parsed,
  };
}

/** Expects an error answer: the status and the JSON body {error, message}. */
export async function expectError(
  answer: Promise<Answer>,
  statusCode: number,
  error: string,
  message: RegExp,
): Promise<void> {
  const got = await answer;
  expect({ status: got.status, body: got.body }).toMatchObject({
    status: statusCode,
    body: { error, message: expect.stringMatching(message) },
  });
  expect(got.contentType).toMatch(/application\/json/);
  expect(Object.keys(got.body as object).sort()).toEqual(['error', 'message']);
}

export async function ok(answer: Promise<Answer>, statusCode = 200): Promise<Answer> {
  const got = await answer;
  expect({ status: got.status, text: got.text }).toMatchObject({ status: statusCode });
  return got;
}
