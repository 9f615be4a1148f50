/**
 * Values remembered by number, as a Map<number, V> remembers them (SameValueZero: 0 and −0 are one key), for the
 * readers' "a number already found good" caches, asked once per cell of a million-cell sheet. Whole and half numbers
 * (nearly every score and rating) are found by index, twice the number, instead of by hashing a double.
 */
export class KnownNumbers<V> {
  private readonly others = new Map<number, V>();
  private readonly halves: (V | undefined)[] = [];

  get(value: number): V | undefined {
    const index = halfIndex(value);
    return index < 0 ? this.others.get(value) : this.halves[index];
  }

  set(value: number, known: V): void {
    const index = halfIndex(value);
    if (index < 0) this.others.set(value, known);
    else this.halves[index] = known;
  }
}

/** Twice the highest number found by index. */
const HALVES = 512;

/** Twice the number when that is a whole number in [0, HALVES) (doubling is exact: one index per number; −0 gives 0); else −1. */
function halfIndex(value: number): number {
  const twice = value * 2;
  return twice >= 0 && twice < HALVES && Math.floor(twice) === twice ? twice + 0 : -1;
}
