import type { NumberForm } from './perseus-widget-schemas';

/** A learner's number as typed, with the form it was written in and whether a fraction is in lowest terms. */
export interface ParsedNumber {
  readonly value: number;
  readonly form: NumberForm;
  readonly simplified: boolean;
}

export const MAX_NUMBER_INPUT = 64;

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/**
 * Reads "-3", "0.25", ".5", "3/4", "7/4", "1 3/4", "25%" (and the Unicode minus sign), or null when the
 * text is not one of those. Perseus reads more (pi, scientific notation); the played items need no more.
 */
export function parseNumber(input: string): ParsedNumber | null {
  const text = input.trim().replace(/\u2212/g, '-').replace(/\s+/g, ' ');
  if (text.length === 0 || text.length > MAX_NUMBER_INPUT) return null;
  let match = /^(-?)(\d+)$/.exec(text);
  if (match) return { value: Number(text), form: 'integer', simplified: true };
  if (/^-?(\d+\.\d*|\.\d+)$/.test(text)) return { value: Number(text), form: 'decimal', simplified: true };
  match = /^(-?)(\d+(?:\.\d+)?)%$/.exec(text);
  if (match) return { value: Number(`${match[1]}${match[2]}`) / 100, form: 'percent', simplified: true };
  match = /^(-?)(?:(\d+) )?(\d+)\/(\d+)$/.exec(text);
  if (!match) return null;
  const [, sign, whole, top, bottom] = match as unknown as [string, string, string | undefined, string, string];
  const numerator = Number(top);
  const denominator = Number(bottom);
  if (denominator === 0) return null;
  const simplified = gcd(numerator, denominator) === 1;
  if (whole !== undefined) {
    // "1 5/4" is not a mixed number.
    if (numerator >= denominator) return null;
    return { value: (sign ? -1 : 1) * (Number(whole) + numerator / denominator), form: 'mixed', simplified };
  }
  return { value: (sign ? -1 : 1) * (numerator / denominator), form: numerator < denominator ? 'proper' : 'improper', simplified };
}
