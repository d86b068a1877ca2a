/** A statement with its values taken out: what work it is, not about whom (the timing tests compare two paths by it). */
export const statementShape = (statement: string) =>
  statement
    .replace(/'[^']*'/g, '?')
    .replace(/\b\d+(\.\d+)?\b/g, '?')
    .replace(/\s+/g, ' ')
    .replace(/\[took .*$/, '')
    .trim();
