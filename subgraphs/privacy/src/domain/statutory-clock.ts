/** Days the organisation has to answer a privacy request, and the most one extension may add. */
export const RESPONSE_DAYS = 30;
export const MAX_EXTENSION_DAYS = 30;

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export const today = () => new Date().toISOString().slice(0, 10);
