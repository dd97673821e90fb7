import type { status } from '@grpc/grpc-js';
import { expect } from 'vitest';
import { StrataError } from '../../services/common/errors.js';

/** The StrataError a call fails with; fails the test if it succeeds. */
export async function failure(call: Promise<unknown>): Promise<StrataError> {
  try {
    await call;
  } catch (error) {
    expect(error).toBeInstanceOf(StrataError);
    return error as StrataError;
  }
  throw new Error('expected the call to fail, and it succeeded');
}

export async function expectFailure(
  call: Promise<unknown>,
  code: string,
  message: RegExp,
  grpcStatus?: status,
): Promise<StrataError> {
  const error = await failure(call);
  expect({ code: error.code, message: error.message }).toMatchObject({
    code,
    message: expect.stringMatching(message),
  });
  if (grpcStatus !== undefined) expect(error.grpcStatus).toBe(grpcStatus);
  return error;
}
