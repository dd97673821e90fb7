import type { KeyValue, MetadataStore } from './metadata-store.js';

/** Every key under a prefix, page by page. Each page is consistent; the whole is not a snapshot. */
export async function* listAll(
  store: MetadataStore,
  prefix: string,
  pageSize?: number,
): AsyncGenerator<KeyValue> {
  let startAfter: string | undefined;
  for (;;) {
    const page = await store.list(prefix, { startAfter, limit: pageSize });
    yield* page.items;
    const last = page.items[page.items.length - 1];
    if (!page.more || !last) return;
    startAfter = last.key;
  }
}
