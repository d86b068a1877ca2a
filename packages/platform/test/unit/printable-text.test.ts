import { requirePrintableText } from '../../src/graphql/input.js';

const refusal = (value: string, lines = false) => {
  try {
    requirePrintableText('field', value, 2, 50, { lines });
    return 'accepted';
  } catch (error) {
    return (error as { extensions: { code: string; argument: string } }).extensions;
  }
};

describe('printable text', () => {
  it('is trimmed text of the right length, accents and other scripts included', () => {
    expect(requirePrintableText('field', '  Imprimerie Québécoise 北 ', 2, 50)).toBe('Imprimerie Québécoise 北');
  });

  it.each([
    ['a NUL', 'ab\u0000c'],
    ['a C1 control', 'ab\u0085c'],
    ['a bidirectional override', 'ab\u202ec'],
    ['a zero-width space', 'ab\u200bc'],
    ['an unpaired surrogate', 'ab\ud800c'],
    ['a line separator', 'ab\u2028c'],
    ['a carriage return', 'ab\rc'],
  ])('refuses %s, on one line or several', (_label, value) => {
    expect(refusal(value)).toEqual({ code: 'BAD_USER_INPUT', argument: 'field' });
    expect(refusal(value, true)).toEqual({ code: 'BAD_USER_INPUT', argument: 'field' });
  });

  it('takes line feeds and tabs only where several lines are allowed', () => {
    expect(refusal('one\ntwo')).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(refusal('one\ttwo')).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(refusal('one\ntwo\tthree', true)).toBe('accepted');
  });

  it('refuses text too short or too long', () => {
    expect(refusal('a')).toMatchObject({ argument: 'field' });
    expect(refusal('a'.repeat(51))).toMatchObject({ argument: 'field' });
  });
});
