// A column of fen amounts, one per applicant, compact enough for a million of them: 8 bytes each in a
// BigInt64Array. An amount outside the signed 64-bit range (possible only for an uncapped program under
// design) switches the column to plain bigints, so results stay exact whatever the size.
const MAX = 2n ** 63n - 1n;
const MIN = -(2n ** 63n);

export class Amounts {
  private packed: BigInt64Array | null;
  private loose: bigint[] | null = null;
  private size = 0;

  constructor(capacity = 1024) {
    this.packed = new BigInt64Array(Math.max(capacity, 1));
  }

  /** A column of `count` zeros. */
  static zeros(count: number): Amounts {
    const column = new Amounts(count);
    column.size = count;
    return column;
  }

  get length(): number {
    return this.size;
  }

  get(i: number): bigint {
    return this.packed ? (this.packed[i] as bigint) : (this.loose?.[i] ?? 0n);
  }

  set(i: number, value: bigint): void {
    if (this.packed && (value > MAX || value < MIN)) this.loosen();
    if (this.packed) this.packed[i] = value;
    else if (this.loose) this.loose[i] = value;
  }

  push(value: bigint): void {
    if (this.packed && this.size === this.packed.length) {
      const grown = new BigInt64Array(this.packed.length * 2);
      grown.set(this.packed);
      this.packed = grown;
    }
    this.size += 1;
    this.set(this.size - 1, value);
  }

  /** The amounts above zero, ascending. */
  positiveAscending(): ArrayLike<bigint> {
    if (this.packed)
      return this.packed
        .subarray(0, this.size)
        .filter((v) => v > 0n)
        .sort();
    return (this.loose ?? []).filter((v) => v > 0n).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  private loosen(): void {
    this.loose = Array.from(this.packed?.subarray(0, this.size) ?? [], (v) => v);
    this.packed = null;
  }
}
