/**
 * Orders keys by Unicode code point, which is the byte order of their UTF-8 encoding: the order
 * LevelDB and etcd use. Plain `<` on JavaScript strings compares UTF-16 units and puts U+E000..U+FFFF
 * after astral characters; remapping surrogates above that range fixes it.
 */
export function compareKeys(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

function codePointRank(unit: number): number {
  if (unit < 0xd800) return unit;
  return unit >= 0xe000 ? unit - 0x800 : unit + 0x2000;
}
