/** Polls `check` until it returns a truthy value, or fails with `what` after `timeoutMs`. */
export async function waitFor<T>(
  check: () => T | Promise<T>,
  what: string,
  timeoutMs = 10_000,
  intervalMs = 50,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Takes the next `count` values of an async iterator, failing if they do not come in time. */
export async function take<T>(
  iterator: AsyncIterator<T>,
  count: number,
  timeoutMs = 10_000,
): Promise<T[]> {
  const values: T[] = [];
  const deadline = Date.now() + timeoutMs;
  while (values.length < count) {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`got ${values.length} of ${count} values in ${timeoutMs} ms`)),
        Math.max(0, deadline - Date.now()),
      );
    });
    try {
      const result = await Promise.race([iterator.next(), timeout]);
      if (result.done) throw new Error(`iterator ended after ${values.length} of ${count} values`);
      values.push(result.value);
    } finally {
      clearTimeout(timer);
    }
  }
  return values;
}
