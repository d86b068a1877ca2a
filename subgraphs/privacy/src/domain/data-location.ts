import { badUserInput } from '@mutual-graph/platform';
import { PROVINCES, type ProvinceCode } from '@mutual-graph/domain-codes';

/**
 * Where a service provider keeps the data: a country (ISO 3166-1 alpha-2) and, in Canada, the
 * province or territory. Stored as one code: `CA-QC` (ISO 3166-2) or `US`. Country codes are checked
 * against the runtime's own region names (ICU's, through `Intl.DisplayNames`), not a list of ours.
 */
export interface StoredLocation {
  country: string;
  countryName: string;
  province: ProvinceCode | null;
}

const REGIONS = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
// Codes ISO reserves for users or groupings, which ICU still names: no country keeps data there.
const NOT_A_COUNTRY = /^(AA|Q[M-Z]|X[A-JL-Z]|ZZ|EU|EZ|UN)$/;

/** The country's name in English, or null when the code names no country. */
export function countryName(code: string): string | null {
  if (!/^[A-Z]{2}$/.test(code) || NOT_A_COUNTRY.test(code)) return null;
  return REGIONS.of(code) ?? null;
}

/** A location as given, as its stored code; refused naming `argument` when it is not one. */
export function locationCode(argument: string, location: { country: string; province?: string | null }): string {
  const country = location.country.trim().toUpperCase();
  if (countryName(country) === null) throw badUserInput(`${argument}.country`, 'country must be a two-letter ISO 3166-1 country code');
  if (country === 'CA') {
    if (!location.province || !Object.hasOwn(PROVINCES, location.province)) throw badUserInput(`${argument}.province`, 'a location in Canada names its province or territory');
    return `CA-${location.province}`;
  }
  if (location.province) throw badUserInput(`${argument}.province`, 'only a location in Canada has a province or territory');
  return country;
}

/** A stored code as its country, the country's name and, in Canada, the province or territory. */
export function dataLocation(code: string): StoredLocation {
  const country = code.startsWith('CA-') ? 'CA' : code;
  return { country, countryName: countryName(country) ?? country, province: country === 'CA' ? (code.slice(3) as ProvinceCode) : null };
}

/** A location as a person reads it: "Quebec, Canada", "United States". */
export function describeLocation(code: string): string {
  const { countryName, province } = dataLocation(code);
  return province ? `${PROVINCES[province]}, Canada` : countryName;
}
