import { MAX_ELEMENTS, storableList, storableOrNull, storableText } from '../../src/audit/storable.js';

describe('values made storable for the audit table', () => {
  it('keeps ordinary text as it is', () => {
    expect(storableText('OneMember', 200)).toBe('OneMember');
    expect(storableText('Écoles — 学校', 200)).toBe('Écoles — 学校');
  });

  it('replaces NUL and every other control character, and lone surrogates, with U+FFFD', () => {
    expect(storableText('a\u0000b\u0007c\u001bd\u007fe\u0085f\ttab\nline', 200)).toBe('a\ufffdb\ufffdc\ufffdd\ufffde\ufffdf\ufffdtab\ufffdline');
    expect(storableText('x\ud800y\udc00z', 200)).toBe('x\ufffdy\ufffdz');
    expect(storableText('pair 😀', 200)).toBe('pair 😀');
  });

  it('cuts a value longer than its column to fit, marking the cut with …', () => {
    const cut = storableText('x'.repeat(300), 200);
    expect(cut).toHaveLength(200);
    expect(cut.endsWith('x…')).toBe(true);
    expect(storableText('x'.repeat(200), 200)).toBe('x'.repeat(200));
  });

  it('counts code points as PostgreSQL does, never splitting a surrogate pair', () => {
    const cut = storableText('😀'.repeat(50), 40);
    expect(Array.from(cut)).toHaveLength(40);
    expect(cut).toBe(`${'😀'.repeat(39)}…`);
  });

  it('keeps null as null', () => {
    expect(storableOrNull(null, 40)).toBeNull();
    expect(storableOrNull(undefined, 40)).toBeNull();
    expect(storableOrNull('PURPOSE\u0000', 40)).toBe('PURPOSE\ufffd');
  });

  it('makes every element of a list storable and bounds the list, counting what was left out', () => {
    expect(storableList(['staff', 'a\u0000b', 'y'.repeat(500)])).toEqual(['staff', 'a\ufffdb', `${'y'.repeat(199)}…`]);
    const long = storableList(Array.from({ length: MAX_ELEMENTS + 50 }, (_, i) => `f${i}`));
    expect(long).toHaveLength(MAX_ELEMENTS);
    expect(long.at(-2)).toBe(`f${MAX_ELEMENTS - 2}`);
    expect(long.at(-1)).toBe('…+51');
  });
});
