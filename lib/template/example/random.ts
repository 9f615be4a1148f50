/** A seeded integer generator: the example county must be the same on every build, so never Math.random. */
export interface Random {
  /** A whole number from `low` to `high`, both included. */
  int(low: number, high: number): number;
  /** True about once in `n` draws. */
  oneIn(n: number): boolean;
}

/** mulberry32: a small 32-bit generator, plenty for made-up data; all integer operations. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  return {
    int(low, high) {
      if (!Number.isInteger(low) || !Number.isInteger(high) || high < low) throw new RangeError(`int(${low}, ${high})`);
      return low + (next() % (high - low + 1));
    },
    oneIn(n) {
      return next() % n === 0;
    },
  };
}
