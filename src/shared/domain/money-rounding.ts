// The one rounding rule for money: amounts are computed as exact rationals (bigint numerator and
// denominator) and rounded once, at the end of each monthly line, half up. VSS's own rounding rule
// was not found (docs/domain.md), so this is the single place to change it.

export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

export function rational(num: bigint | number, den: bigint | number = 1n): Rational {
  let n = BigInt(num);
  let d = BigInt(den);
  if (d === 0n) throw new RangeError('A rational cannot have a zero denominator.');
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const g = gcd(n, d) || 1n;
  return { num: n / g, den: d / g };
}

/** Reads `{ num, den }` as stored in reference data (plain integers). */
export function fromFraction(f: { num: number; den: number }): Rational {
  return rational(f.num, f.den);
}

export const ZERO = rational(0n);
export const ONE = rational(1n);

export function add(a: Rational, b: Rational): Rational {
  return rational(a.num * b.den + b.num * a.den, a.den * b.den);
}

export function sub(a: Rational, b: Rational): Rational {
  return rational(a.num * b.den - b.num * a.den, a.den * b.den);
}

export function mul(...factors: Rational[]): Rational {
  let num = 1n;
  let den = 1n;
  for (const f of factors) {
    num *= f.num;
    den *= f.den;
  }
  return rational(num, den);
}

export function div(a: Rational, b: Rational): Rational {
  if (b.num === 0n) throw new RangeError('Division by zero.');
  return rational(a.num * b.den, a.den * b.num);
}

export function pow(a: Rational, exponent: number): Rational {
  if (!Number.isInteger(exponent) || exponent < 0) throw new RangeError('Only whole non-negative exponents.');
  const e = BigInt(exponent);
  return rational(a.num ** e, a.den ** e);
}

export function compare(a: Rational, b: Rational): number {
  const d = a.num * b.den - b.num * a.den;
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

export function max(...values: Rational[]): Rational {
  return values.reduce((m, v) => (compare(v, m) > 0 ? v : m), values[0] ?? ZERO);
}

/** Half up: floor(x + 1/2). Returns whole đồng as a safe JS number. */
export function roundHalfUp(x: Rational): number {
  const twice = 2n * x.num + x.den;
  const twoDen = 2n * x.den;
  let q = twice / twoDen;
  if (twice % twoDen !== 0n && twice < 0n) q -= 1n; // bigint division truncates toward zero
  const n = Number(q);
  if (!Number.isSafeInteger(n)) throw new RangeError('Amount out of range.');
  return n;
}

/** "num/den" for the plain-JSON record of the values a line was computed with. */
export function fractionText(x: Rational): string {
  return `${x.num}/${x.den}`;
}

/** A percentage in Vietnamese notation: 22/100 → "22%", 45/1000 → "4,5%"; otherwise "num/den%". */
export function percentText(x: Rational): string {
  const percent = mul(x, rational(100n));
  if (percent.num < 0n || 10_000n % percent.den !== 0n) return `${fractionText(percent)}%`;
  const scaled = (percent.num * 10_000n) / percent.den;
  const frac = (scaled % 10_000n).toString().padStart(4, '0').replace(/0+$/, '');
  return `${scaled / 10_000n}${frac ? `,${frac}` : ''}%`;
}
