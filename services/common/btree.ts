import sortedBtree from 'sorted-btree';

/**
 * sorted-btree's B+ tree. Node's ESM loader hands over module.exports (with .default); vitest's
 * transform hands over the default export itself: this resolves both to the class.
 */
export const BTree = (
  'default' in sortedBtree ? sortedBtree.default : sortedBtree
) as typeof sortedBtree.default;
export type BTree<K, V> = InstanceType<typeof sortedBtree.default<K, V>>;
