import { describeLocation, locationCode } from '../../src/domain/data-location.js';

const argumentOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as { extensions: { argument: string } }).extensions.argument;
  }
  return 'accepted';
};

describe('where a provider keeps the data', () => {
  it('is a province of Canada or a country outside it', () => {
    expect(locationCode('l', { country: 'CA', province: 'QC' })).toBe('CA-QC');
    expect(locationCode('l', { country: 'us' })).toBe('US');
    expect(describeLocation('CA-QC')).toBe('Quebec, Canada');
    expect(describeLocation('IE')).toBe('Ireland');
  });

  it.each([
    ['l.country', { country: 'XX' }],
    ['l.country', { country: 'ZZ' }],
    ['l.country', { country: 'EU' }],
    ['l.country', { country: 'USA' }],
    ['l.country', { country: '' }],
    ['l.province', { country: 'CA' }],
    ['l.province', { country: 'CA', province: 'XX' }],
    ['l.province', { country: 'US', province: 'QC' }],
  ])('refuses %s in %j', (argument, location) => {
    expect(argumentOf(() => locationCode('l', location))).toBe(argument);
  });
});
