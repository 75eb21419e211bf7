// Fixed-size bitsets over dense indices (endpoints or classes), as Uint32Array words.

export type Bits = Uint32Array;

export function newBits(n: number): Bits {
  return new Uint32Array((n + 31) >>> 5);
}

export function setBit(b: Bits, i: number): void {
  b[i >>> 5] |= 1 << (i & 31);
}

export function hasBit(b: Bits, i: number): boolean {
  return (b[i >>> 5] & (1 << (i & 31))) !== 0;
}

export function orInto(dst: Bits, src: Bits): void {
  for (let i = 0; i < dst.length; i++) dst[i] |= src[i];
}

export function andInto(dst: Bits, src: Bits): void {
  for (let i = 0; i < dst.length; i++) dst[i] &= src[i];
}

export function popcount(b: Bits): number {
  let n = 0;
  for (let i = 0; i < b.length; i++) {
    let v = b[i];
    v = v - ((v >>> 1) & 0x55555555);
    v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
    n += (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
  }
  return n;
}

/** Calls fn for each set bit below n, in increasing order. */
export function forEachBit(b: Bits, fn: (i: number) => void): void {
  for (let w = 0; w < b.length; w++) {
    let v = b[w];
    while (v !== 0) {
      const t = v & -v;
      fn((w << 5) + 31 - Math.clz32(t));
      v ^= t;
    }
  }
}
