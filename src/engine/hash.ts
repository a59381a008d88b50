// A fast content hash of the plan text, used to tie every edit to the exact text it was computed
// against. Two 32-bit multiplicative lanes over pairs of UTF-16 code units: each step is a
// bijection of the lane state, so a single changed character always changes the hash, and two
// lanes make an accidental match of different texts vanishingly rare. Not for security.

export function contentHash(text: string): string {
  const length = text.length;
  let a = 0x811c9dc5 ^ length;
  let b = 0x9747b28c;
  let i = 0;
  for (; i + 1 < length; i += 2) {
    const word = (text.charCodeAt(i) << 16) | text.charCodeAt(i + 1);
    a = Math.imul(a ^ word, 0x01000193);
    b = Math.imul(b ^ word, 0x5bd1e995);
    b ^= b >>> 15;
  }
  if (i < length) {
    const last = text.charCodeAt(i);
    a = Math.imul(a ^ last, 0x01000193);
    b = Math.imul(b ^ last, 0x5bd1e995);
  }
  a ^= a >>> 16;
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}
