import { holdsRoleFor, mayUseField, type PolicyBindings } from './bindings.js';
import { CURRENT_MATRIX, type MatrixOfPurposes } from './matrix.js';
import type { DataCategory, Purpose, RefusalRule } from './vocabulary.js';

/** One field an operation selects: its schema coordinate and its category (null: not personal). */
export interface FieldUse {
  coordinate: string;
  category: DataCategory | null;
}

export type Decision = { allowed: true; categories: DataCategory[] } | { allowed: false; rule: RefusalRule; fields: string[]; categories: DataCategory[]; message: string };

const unique = <T>(values: T[]) => [...new Set(values)].sort();

/**
 * Decides a whole operation from the fields it touches, before anything runs.
 * EDI isolation stands over every purpose; then each category must be one the purpose may read;
 * then, given the principal's roles, each role-bound field must be one a role held allows. The
 * fields' own bindings (`readBindings` of the supergraph) say which are purpose-, role- or gateway-bound.
 * The matrix is this build's unless another is given (the replay of a proposed one).
 */
export function decideOperation(
  bindings: PolicyBindings,
  purpose: Purpose,
  uses: FieldUse[],
  rootFields: string[],
  rootType = 'Query',
  roles?: readonly string[],
  { purposes, ediIsolatedFrom }: MatrixOfPurposes = CURRENT_MATRIX,
): Decision {
  const mayRead = (p: Purpose, category: DataCategory) => purposes[p].categories.includes(category);
  const categories = unique(uses.flatMap((u) => (u.category ? [u.category] : [])));
  if (categories.includes('EDI') && categories.some((c) => ediIsolatedFrom.includes(c))) {
    const fields = unique(uses.filter((u) => u.category === 'EDI' || (u.category && ediIsolatedFrom.includes(u.category))).map((u) => u.coordinate));
    return { allowed: false, rule: 'EDI_ISOLATION', fields, categories, message: 'EDI fields may not be read in the same operation as membership or medico-legal fields' };
  }
  const allowedRoots = purposes[purpose].rootFields;
  const strayRoots = rootFields.filter((f) => (allowedRoots && !allowedRoots.includes(f)) || !mayUseField(bindings, purpose, `${rootType}.${f}`));
  const outOfScope = unique(uses.filter((u) => (u.category && !mayRead(purpose, u.category)) || !mayUseField(bindings, purpose, u.coordinate)).map((u) => u.coordinate));
  if (strayRoots.length > 0 || outOfScope.length > 0) {
    return {
      allowed: false,
      rule: 'PURPOSE_SCOPE',
      fields: unique([...strayRoots.map((f) => `${rootType}.${f}`), ...outOfScope]),
      categories,
      message: `purpose ${purpose} may not read ${[...strayRoots.map((f) => `${rootType}.${f}`), ...outOfScope].join(', ')}`,
    };
  }
  const roleBound = roles === undefined ? [] : unique(uses.map((u) => u.coordinate).filter((c) => !holdsRoleFor(bindings, roles, c)));
  if (roleBound.length > 0) {
    return { allowed: false, rule: 'ROLE_REQUIRED', fields: roleBound, categories, message: `${roleBound.join(', ')} needs a role this principal does not hold` };
  }
  return { allowed: true, categories };
}
