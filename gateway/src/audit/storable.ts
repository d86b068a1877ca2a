/**
 * Values made storable in the audit table before they are queued. A row PostgreSQL refuses would
 * fail the whole INSERT it shares with other requests' rows, and its own attempt would leave no trace;
 * so nothing a client controls reaches the table as sent.
 *
 * - Control characters (C0 with NUL, DEL, C1) and lone surrogates become U+FFFD: PostgreSQL stores
 *   no NUL in text, and the others have no business in a name; the row still shows that one was sent.
 * - A value longer than its column is cut to fit, its last character replaced by TRUNCATED (…), so a
 *   cut value is told apart from one that happened to be that long. Lengths are counted in code
 *   points, as PostgreSQL counts varchar(n).
 * - Arrays (text[], no length limit of their own) keep at most MAX_ELEMENTS elements, each cut to
 *   ELEMENT_LENGTH; when elements were dropped, the last kept one says how many: `…+N`.
 */
export const TRUNCATED = '…';
export const REPLACED = '\ufffd';
export const ELEMENT_LENGTH = 200;
export const MAX_ELEMENTS = 200;

// C0 (NUL included), DEL, C1, and UTF-16 surrogates not in a pair.
// eslint-disable-next-line no-control-regex -- control characters are what it finds
const UNSTORABLE = /[\u0000-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** `value` with control characters replaced and cut to at most `max` characters (code points). */
export function storableText(value: string, max: number): string {
  const clean = value.replace(UNSTORABLE, REPLACED);
  const points = Array.from(clean);
  return points.length <= max ? clean : points.slice(0, max - 1).join('') + TRUNCATED;
}

/** As storableText, null kept as null. */
export function storableOrNull(value: string | null | undefined, max: number): string | null {
  return value === null || value === undefined ? null : storableText(value, max);
}

/** Every element storable, and at most MAX_ELEMENTS of them (the last then counts those left out). */
export function storableList(values: readonly string[]): string[] {
  const kept = values.slice(0, MAX_ELEMENTS).map((v) => storableText(v, ELEMENT_LENGTH));
  if (values.length > MAX_ELEMENTS) kept[MAX_ELEMENTS - 1] = `${TRUNCATED}+${values.length - MAX_ELEMENTS + 1}`;
  return kept;
}
