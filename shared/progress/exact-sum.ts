/**
 * The exact sum of some numbers (JavaScript doubles), kept so that taking a value out again is exact and
 * the order the values came in does not matter: floating-point addition is neither, so a running sum of
 * fractional times drifts from a fresh sum in the last bits. Its value is `m · 2^e` with `m` an integer
 * written in decimal (IndexedDB stores it as text) and `e` an integer; canonical (m odd, or "0" with e 0),
 * so equal sums are equal objects. A value that is not a finite number counts as 0.
 */
export interface ExactSum {
  readonly m: string;
  readonly e: number;
}

export const ZERO_SUM: ExactSum = { m: '0', e: 0 };

interface Parts {
  readonly m: bigint;
  readonly e: number;
}

const bits = new DataView(new ArrayBuffer(8));

/** A finite double exactly as m · 2^e (every double is one: its 53-bit significand and binary exponent). */
function partsOf(x: number): Parts {
  if (typeof x !== 'number' || !Number.isFinite(x) || x === 0) return { m: 0n, e: 0 };
  bits.setFloat64(0, x);
  const hi = bits.getUint32(0);
  const lo = bits.getUint32(4);
  const exponent = (hi >>> 20) & 0x7ff;
  const fraction = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  // Subnormals have no implicit leading bit and the smallest exponent.
  const m = exponent === 0 ? fraction : fraction | (1n << 52n);
  return { m: hi >>> 31 ? -m : m, e: exponent === 0 ? -1074 : exponent - 1075 };
}

function plus(a: Parts, b: Parts): Parts {
  if (a.m === 0n) return b;
  if (b.m === 0n) return a;
  const e = Math.min(a.e, b.e);
  return { m: (a.m << BigInt(a.e - e)) + (b.m << BigInt(b.e - e)), e };
}

function canonical({ m, e }: Parts): ExactSum {
  if (m === 0n) return ZERO_SUM;
  // Strip the trailing zero bits (at most about 2,100 for the widest sums of doubles).
  let zeros = 0;
  while (((m >> BigInt(zeros)) & 1n) === 0n) zeros += 1;
  return { m: (m >> BigInt(zeros)).toString(), e: e + zeros };
}

const partsOfSum = (sum: ExactSum): Parts => ({ m: BigInt(sum.m), e: sum.e });

/** `sum` with `added` values added and `removed` values taken away, exactly. */
export function changeSum(sum: ExactSum, added: readonly number[], removed: readonly number[] = []): ExactSum {
  let parts = partsOfSum(sum);
  for (const x of added) parts = plus(parts, partsOf(x));
  for (const x of removed) {
    const p = partsOf(x);
    parts = plus(parts, { m: -p.m, e: p.e });
  }
  return canonical(parts);
}

/** The exact sum of `values`. */
export function exactSum(values: readonly number[]): ExactSum {
  return changeSum(ZERO_SUM, values);
}

/** The sum rounded to a whole number as Math.round rounds (halves up), from its exact value. */
export function roundSum(sum: ExactSum): number {
  const { m, e } = partsOfSum(sum);
  if (e >= 0) return Number(m << BigInt(e));
  const shift = BigInt(-e);
  // floor(x + 1/2); BigInt's >> floors negative numbers too.
  return Number((m + (1n << (shift - 1n))) >> shift);
}

/** The sum as a number (the nearest double for sums of whole numbers below 2^53, which counts are). */
export function sumValue(sum: ExactSum): number {
  const { m, e } = partsOfSum(sum);
  if (e >= 0) return Number(m << BigInt(e));
  // Two steps, so that 2^e itself never underflows to 0 for the smallest exponents.
  const first = Math.max(e, -1000);
  return Number(m) * 2 ** first * 2 ** (e - first);
}
