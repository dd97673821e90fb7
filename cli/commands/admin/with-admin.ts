import { createAdmin, type StrataAdmin } from '../../../sdk/index.js';

/** Runs one admin call on a connection that is closed afterwards, whatever happens. */
export async function withAdmin<T>(
  flags: { serviceUrl: string },
  run: (admin: StrataAdmin) => Promise<T>,
): Promise<T> {
  const admin = createAdmin({ serviceUrl: flags.serviceUrl });
  try {
    return await run(admin);
  } finally {
    admin.close();
  }
}
