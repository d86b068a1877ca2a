import { CURRENT_MATRIX, policySnapshot, readersOf, type MatrixOfPurposes, type PolicySnapshot } from '@mutual-graph/policy';

/**
 * A field computed from fields of other subgraphs (`@requires`) reveals what it is computed from:
 * every purpose that may read it must be one that may read the categories of the fields it requires,
 * and one computed from EDI must itself be EDI (EDI isolation sees only the categories an operation
 * selects). Returns what breaks that, as sentences: the field, the fields it requires, their
 * categories, and the purposes that may read the field but not them. A field declaring a category (or
 * purpose binding) that no such purpose may read passes.
 */
export function derivedFieldsRevealingMore(supergraphSdl: string, matrix: MatrixOfPurposes = CURRENT_MATRIX): string[] {
  return derivedFieldProblems(policySnapshot(supergraphSdl, matrix));
}

export function derivedFieldProblems(snapshot: PolicySnapshot): string[] {
  const problems: string[] = [];
  for (const { coordinate, requires, categories } of snapshot.derived) {
    const own = snapshot.fields[coordinate] ?? null;
    const from = `${requires.join(', ')} (${categories.join(', ') || 'not personal'})`;
    if (categories.includes('EDI') && own !== 'EDI') {
      problems.push(`${coordinate} @requires ${from} but is declared ${own ?? 'not personal'}: a field computed from EDI must be EDI itself, or EDI isolation cannot see it`);
    }
    const short = readersOf(snapshot, coordinate)
      .map((purpose) => ({ purpose, missing: categories.filter((c) => !snapshot.matrix[purpose].categories.includes(c)) }))
      .filter(({ missing }) => missing.length > 0);
    if (short.length > 0) {
      problems.push(
        `${coordinate} @requires ${from}, but is declared ${own ?? 'not personal'}, which ${short.map(({ purpose, missing }) => `${purpose} (without ${missing.join(', ')})`).join(', ')} may read: declare the wider category or bind it to purposes that may read what it is computed from`,
      );
    }
  }
  return problems;
}
