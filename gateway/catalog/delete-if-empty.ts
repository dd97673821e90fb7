import { BadVersionError, NotEmptyError, NotFoundError } from '../../services/common/errors.js';
import type { MetadataStore } from '../../services/metadata/metadata-store.js';

/**
 * Deletes a catalog record only if nothing lives under it. The record is first rewritten (a new
 * version), so a creation that checked the old version fails; one that committed before is seen
 * by the emptiness check. Then the delete is a compare-and-set on the rewritten version.
 */
export async function deleteIfEmpty(
  store: MetadataStore,
  key: string,
  children: Array<{ prefix: string; what: string }>,
  describe: string,
): Promise<void> {
  for (;;) {
    const kv = await store.get(key);
    if (!kv) throw new NotFoundError(`${describe} does not exist`);
    try {
      const { version } = await store.put(key, kv.value, { expectedVersion: kv.version });
      for (const { prefix, what } of children) {
        const page = await store.list(prefix, { limit: 1 });
        if (page.items.length > 0) {
          throw new NotEmptyError(`${describe} still has ${what}: delete them first`);
        }
      }
      await store.delete(key, { expectedVersion: version });
      return;
    } catch (error) {
      // Changed under us (policies set meanwhile): look again.
      if (!(error instanceof BadVersionError)) throw error;
    }
  }
}
