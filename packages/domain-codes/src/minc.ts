/**
 * Medical Identification Number for Canada, as the graph accepts it: `CAMD-dddd-dddd`, whose
 * last digit is a Luhn check digit over the seven before it, so that validation catches a
 * mistyped MINC before any look-up. The synthetic data generates MINCs the same way.
 */
export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

export function formatMinc(sevenDigits: string): string {
  const all = `${sevenDigits}${luhnCheckDigit(sevenDigits)}`;
  return `CAMD-${all.slice(0, 4)}-${all.slice(4)}`;
}

export function isValidMinc(minc: string): boolean {
  const match = /^CAMD-(\d{4})-(\d{4})$/.exec(minc);
  if (!match) return false;
  const digits = match[1] + match[2];
  return luhnCheckDigit(digits.slice(0, 7)) === Number(digits[7]);
}
