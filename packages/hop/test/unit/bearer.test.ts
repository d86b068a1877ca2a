import { bearerToken } from '../../src/bearer.js';

describe('reading a Bearer token from an Authorization header', () => {
  it.each([
    ['Bearer abc.def.ghi', 'abc.def.ghi'],
    ['bearer abc', 'abc'],
  ])('takes the token of %s', (header, token) => expect(bearerToken(header)).toBe(token));

  it.each([[undefined], [null], [''], ['Bearer'], ['Bearer '], ['Basic dXNlcjpwYXNz'], ['Bearer a b'], ['Bearer  abc'], [' Bearer abc'], ['Bearer abc\n']])('finds no token in %p', (header) =>
    expect(bearerToken(header)).toBeUndefined(),
  );
});
