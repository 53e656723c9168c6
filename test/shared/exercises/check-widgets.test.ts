import { describe, expect, it } from 'vitest';
import { checkNumeric } from '../../../shared/exercises/check-numeric';
import { checkRadio } from '../../../shared/exercises/check-radio';
import { checkText } from '../../../shared/exercises/check-text';
import { parseNumber } from '../../../shared/exercises/parse-number';
import { inputNumberOptionsSchema, numericInputOptionsSchema, outpostTextOptionsSchema, radioOptionsSchema } from '../../../shared/exercises/perseus-widget-schemas';

const numeric = (answers: unknown[]) => numericInputOptionsSchema.parse({ answers });

describe('parseNumber', () => {
  it('reads integers, decimals, fractions, mixed numbers and percents with their form', () => {
    expect(parseNumber(' 12 ')).toEqual({ value: 12, form: 'integer', simplified: true });
    expect(parseNumber('\u22123')).toEqual({ value: -3, form: 'integer', simplified: true });
    expect(parseNumber('.5')).toEqual({ value: 0.5, form: 'decimal', simplified: true });
    expect(parseNumber('6/8')).toEqual({ value: 0.75, form: 'proper', simplified: false });
    expect(parseNumber('7/4')).toEqual({ value: 1.75, form: 'improper', simplified: true });
    expect(parseNumber('-1 1/2')).toEqual({ value: -1.5, form: 'mixed', simplified: true });
    expect(parseNumber('25%')).toEqual({ value: 0.25, form: 'percent', simplified: true });
  });
  it('refuses what is not a number, division by zero, bad mixed numbers and overlong text', () => {
    for (const text of ['', 'twelve', '1/0', '1 5/4', '1e3', '3..2', '1'.repeat(65)]) expect(parseNumber(text), text).toBeNull();
  });
});

describe('checkNumeric (Perseus numeric-input scoring)', () => {
  it('accepts any form of the value when not strict, and only the listed forms when strict', () => {
    const loose = numeric([{ value: 0.75, status: 'correct' }]);
    expect(checkNumeric(loose, '0.75').kind).toBe('correct');
    expect(checkNumeric(loose, '3/4').kind).toBe('correct');
    expect(checkNumeric(loose, '75%').kind).toBe('correct');
    const strict = numeric([{ value: 0.75, status: 'correct', strict: true, answerForms: ['decimal'] }]);
    expect(checkNumeric(strict, '0.75').kind).toBe('correct');
    expect(checkNumeric(strict, '3/4').kind).toBe('wrong');
  });
  it('treats an unsimplified fraction as required, enforced or optional says', () => {
    const at = (simplify: string) => checkNumeric(numeric([{ value: 0.75, status: 'correct', simplify }]), '6/8');
    expect(at('required')).toEqual({ kind: 'invalid', reason: 'not-simplified' });
    expect(at('enforced').kind).toBe('wrong');
    expect(at('optional').kind).toBe('correct');
  });
  it('lets the first matching answer decide, with its message, within maxError', () => {
    const options = numeric([
      { value: 10, status: 'wrong', message: 'That is 7 + 3.' },
      { value: 12, status: 'correct', maxError: 0.5, message: 'Yes.' },
    ]);
    expect(checkNumeric(options, '10')).toEqual({ kind: 'wrong', message: 'That is 7 + 3.' });
    expect(checkNumeric(options, '12.4')).toEqual({ kind: 'correct', message: 'Yes.' });
    expect(checkNumeric(options, '12.6')).toEqual({ kind: 'wrong', message: '' });
  });
  it('calls an empty or unreadable answer invalid, not wrong', () => {
    const options = numeric([{ value: 4, status: 'correct' }]);
    expect(checkNumeric(options, '  ')).toEqual({ kind: 'invalid', reason: 'empty' });
    expect(checkNumeric(options, 'four')).toEqual({ kind: 'invalid', reason: 'unreadable' });
  });
  it('reads input-number v0 as the numeric-input it stands for (answer type and inexact)', () => {
    const integer = inputNumberOptionsSchema.parse({ value: 4, simplify: 'required', answerType: 'integer', size: 'normal' });
    expect(checkNumeric(integer, '4').kind).toBe('correct');
    expect(checkNumeric(integer, '8/2').kind).toBe('wrong');
    const inexact = inputNumberOptionsSchema.parse({ value: '3.14', simplify: 'optional', inexact: true, maxError: '0.01', size: 'normal' });
    expect(checkNumeric(inexact, '3.15').kind).toBe('correct');
    expect(checkNumeric(inexact, '3.16').kind).toBe('wrong');
  });
});

describe('checkRadio', () => {
  const single = radioOptionsSchema.parse({ choices: [{ id: 'a', content: '1/2' }, { id: 'b', content: '3/4', correct: true }, { id: 'c', content: '1/3', rationale: 'Smaller than a half.' }] });
  it('is correct for the correct choice and wrong (with the rationale) for another', () => {
    expect(checkRadio(single, ['b']).kind).toBe('correct');
    expect(checkRadio(single, ['c'])).toEqual({ kind: 'wrong', message: 'Smaller than a half.' });
    expect(checkRadio(single, ['a'])).toEqual({ kind: 'wrong', message: '' });
  });
  it('refuses no choice, an unknown choice and two choices on a single select', () => {
    expect(checkRadio(single, [])).toEqual({ kind: 'invalid', reason: 'empty' });
    expect(checkRadio(single, ['z'])).toEqual({ kind: 'invalid', reason: 'unreadable' });
    expect(checkRadio(single, ['a', 'b'])).toEqual({ kind: 'invalid', reason: 'unreadable' });
  });
  it('needs exactly the correct set on a multiple select', () => {
    const multi = radioOptionsSchema.parse({ multipleSelect: true, choices: [{ id: 'a', content: '2', correct: true }, { id: 'b', content: '3', correct: true }, { id: 'c', content: '4' }] });
    expect(checkRadio(multi, ['b', 'a']).kind).toBe('correct');
    expect(checkRadio(multi, ['a']).kind).toBe('wrong');
    expect(checkRadio(multi, ['a', 'b', 'c']).kind).toBe('wrong');
  });
});

describe('checkText (outpost-text)', () => {
  const options = outpostTextOptionsSchema.parse({ answers: [{ value: 'Paris', status: 'correct' }, { value: 'Lyon', status: 'wrong', message: 'Lyon is another French city.' }] });
  it('ignores case and spacing unless told otherwise', () => {
    expect(checkText(options, '  paris ').kind).toBe('correct');
    expect(checkText(outpostTextOptionsSchema.parse({ answers: [{ value: 'Paris', status: 'correct' }], caseSensitive: true }), 'paris').kind).toBe('wrong');
  });
  it('gives a listed wrong answer its message, anything else plain wrong', () => {
    expect(checkText(options, 'lyon')).toEqual({ kind: 'wrong', message: 'Lyon is another French city.' });
    expect(checkText(options, 'Rome')).toEqual({ kind: 'wrong', message: '' });
  });
  it('compares Chinese text in one normal form, and refuses empty or overlong answers', () => {
    const zh = outpostTextOptionsSchema.parse({ answers: [{ value: '巴黎', status: 'correct' }] });
    expect(checkText(zh, '巴黎').kind).toBe('correct');
    expect(checkText(zh, ' ')).toEqual({ kind: 'invalid', reason: 'empty' });
    expect(checkText(zh, 'x'.repeat(201))).toEqual({ kind: 'invalid', reason: 'too-long' });
  });
});
