import { mayReadCoordinate, type PolicySnapshot } from './policy-snapshot.js';
import { PURPOSE_NAMES, type DataCategory, type Purpose } from './vocabulary.js';

/** A field's or argument's category in one snapshot: a category, null (not personal), or absent. */
type CategoryOrAbsent = DataCategory | null | undefined;

/** How one purpose's reach changed: the personal fields and arguments it may read (or give) now and could not, and the reverse. */
export interface PurposeReach {
  purpose: Purpose;
  gains: string[];
  loses: string[];
}

/** One change to a purpose's row of the matrix, said in words, and whether it lets the purpose read more. */
export interface MatrixChange {
  purpose: Purpose;
  change: string;
  widening: boolean;
}

/** One change to a field's binding (purposes, roles, the subject, the caller, member keys, the gateway). */
export interface BindingChange {
  coordinate: string;
  binding: 'onlyForPurposes' | 'requiresRole' | 'subjectOnly' | 'actsOnCaller' | 'actsOnNamedMember' | 'memberKey' | 'gatewayEffect';
  before: string[] | null;
  after: string[] | null;
  widening: boolean;
}

/** What changed between two snapshots of the policy (`comparePolicies`), and which of it widens. */
export interface PolicyChanges {
  reach: PurposeReach[];
  matrix: MatrixChange[];
  categoriesMoved: { coordinate: string; from: DataCategory | null; to: DataCategory | null; widening: boolean }[];
  newFields: { coordinate: string; category: DataCategory | null }[];
  removedFields: { coordinate: string; category: DataCategory | null }[];
  ediIsolation: { before: DataCategory[]; after: DataCategory[]; widening: boolean } | null;
  bindings: BindingChange[];
  derived: { coordinate: string; before: DataCategory[] | null; after: DataCategory[] | null }[];
  /**
   * Every widening, as a sentence: a purpose that may read a personal field or argument it could
   * not; a purpose given a category, a root field, a peer-call category, entity fetches, or freed from
   * its own record; a field moved to a category more purposes may read (or to none); EDI isolated from
   * fewer categories; a binding that limited who may use a field removed or loosened (purposes or roles
   * added, `@subjectOnly`, `@gatewayEffect` or `@memberKey` removed, `@actsOnCaller` or
   * `@actsOnNamedMember` added). Empty: the change only narrows, or changes nothing anyone may read.
   */
  widenings: string[];
}

const keys = (a: object, b: object) => [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
const minus = <T>(a: readonly T[], b: readonly T[]) => a.filter((x) => !b.includes(x));
const same = (a: readonly unknown[] | null | undefined, b: readonly unknown[] | null | undefined) => JSON.stringify(a ? [...a].sort() : a) === JSON.stringify(b ? [...b].sort() : b);

/** The purposes that may read a coordinate in one snapshot. */
const readers = (s: PolicySnapshot, coordinate: string) => PURPOSE_NAMES.filter((p) => mayReadCoordinate(s, p, coordinate));

/** Compares the policy before (a git ref's, a file's) with the policy after (the working tree's). */
export function comparePolicies(before: PolicySnapshot, after: PolicySnapshot): PolicyChanges {
  const coordinates = keys(before.fields, after.fields);
  const categoryIn = (s: PolicySnapshot, c: string): CategoryOrAbsent => (Object.hasOwn(s.fields, c) ? s.fields[c] : undefined);

  const reach = PURPOSE_NAMES.map((purpose) => {
    const gains: string[] = [];
    const loses: string[] = [];
    for (const c of coordinates) {
      // Personal in either snapshot (a field made non-personal is a gain for everyone who could not read it).
      if (!categoryIn(before, c) && !categoryIn(after, c)) continue;
      const was = mayReadCoordinate(before, purpose, c);
      const is = mayReadCoordinate(after, purpose, c);
      if (is && !was) gains.push(c);
      if (was && !is) loses.push(c);
    }
    return { purpose, gains, loses };
  }).filter((r) => r.gains.length + r.loses.length > 0);

  const matrix: MatrixChange[] = [];
  for (const purpose of PURPOSE_NAMES) {
    const b = before.matrix[purpose];
    const a = after.matrix[purpose];
    for (const c of minus(a.categories, b.categories)) matrix.push({ purpose, change: `may read ${c}`, widening: true });
    for (const c of minus(b.categories, a.categories)) matrix.push({ purpose, change: `may no longer read ${c}`, widening: false });
    if (b.ownRecordOnly && !a.ownRecordOnly) matrix.push({ purpose, change: "no longer limited to the caller's own record", widening: true });
    if (!b.ownRecordOnly && a.ownRecordOnly) matrix.push({ purpose, change: "limited to the caller's own record", widening: false });
    if (b.rootFields && !a.rootFields) matrix.push({ purpose, change: 'no longer limited to a list of root fields', widening: true });
    if (!b.rootFields && a.rootFields) matrix.push({ purpose, change: `limited to root fields ${a.rootFields.join(', ')}`, widening: false });
    if (b.rootFields && a.rootFields) {
      for (const f of minus(a.rootFields, b.rootFields)) matrix.push({ purpose, change: `may use root field ${f}`, widening: true });
      for (const f of minus(b.rootFields, a.rootFields)) matrix.push({ purpose, change: `may no longer use root field ${f}`, widening: false });
    }
    for (const c of minus(a.peerCallCategories ?? [], b.peerCallCategories ?? [])) matrix.push({ purpose, change: `reads ${c} in peer calls`, widening: true });
    for (const c of minus(b.peerCallCategories ?? [], a.peerCallCategories ?? [])) matrix.push({ purpose, change: `no longer reads ${c} in peer calls`, widening: false });
    if (!b.entityFetches && a.entityFetches) matrix.push({ purpose, change: 'the query planner may fetch entities under it', widening: true });
    if (b.entityFetches && !a.entityFetches) matrix.push({ purpose, change: 'the query planner no longer fetches entities under it', widening: false });
  }

  const categoriesMoved: PolicyChanges['categoriesMoved'] = [];
  const newFields: PolicyChanges['newFields'] = [];
  const removedFields: PolicyChanges['removedFields'] = [];
  for (const c of coordinates) {
    const from = categoryIn(before, c);
    const to = categoryIn(after, c);
    if (from === undefined) newFields.push({ coordinate: c, category: to ?? null });
    else if (to === undefined) removedFields.push({ coordinate: c, category: from });
    else if (from !== to) categoriesMoved.push({ coordinate: c, from, to, widening: minus(readers(after, c), readers(before, c)).length > 0 || to === null });
  }

  const ediWeakened = minus(before.ediIsolatedFrom, after.ediIsolatedFrom);
  const ediIsolation = same(before.ediIsolatedFrom, after.ediIsolatedFrom) ? null : { before: before.ediIsolatedFrom, after: after.ediIsolatedFrom, widening: ediWeakened.length > 0 };

  const bindings: BindingChange[] = [];
  const compareLists = (binding: BindingChange['binding'], b: Record<string, string[]>, a: Record<string, string[]>) => {
    for (const c of keys(b, a)) {
      const was = b[c] ?? null;
      const is = a[c] ?? null;
      if (same(was, is)) continue;
      // Removed, or more purposes or roles named: more may use it. (A field that went away takes its binding with it.)
      const gone = Object.hasOwn(after.fields, c) === false;
      bindings.push({ coordinate: c, binding, before: was, after: is, widening: !gone && (is === null || (was !== null && minus(is, was).length > 0)) });
    }
  };
  compareLists('onlyForPurposes', before.bindings.purposeBound, after.bindings.purposeBound);
  compareLists('requiresRole', before.bindings.roleBound, after.bindings.roleBound);
  const compareSets = (binding: BindingChange['binding'], b: readonly string[], a: readonly string[], wideningWhen: 'removed' | 'added') => {
    for (const c of minus(a, b)) bindings.push({ coordinate: c, binding, before: null, after: [], widening: wideningWhen === 'added' });
    for (const c of minus(b, a)) bindings.push({ coordinate: c, binding, before: [], after: null, widening: wideningWhen === 'removed' && Object.hasOwn(after.fields, c) });
  };
  compareSets('subjectOnly', before.bindings.subjectOnly, after.bindings.subjectOnly, 'removed');
  compareSets('gatewayEffect', before.bindings.gatewayEffects, after.bindings.gatewayEffects, 'removed');
  compareSets('memberKey', before.bindings.memberKeys, after.bindings.memberKeys, 'removed');
  compareSets('actsOnCaller', before.bindings.actsOnCaller, after.bindings.actsOnCaller, 'added');
  compareSets('actsOnNamedMember', before.bindings.actsOnNamedMember, after.bindings.actsOnNamedMember, 'added');

  const derivedBefore = new Map(before.derived.map((d) => [d.coordinate, d.categories]));
  const derivedAfter = new Map(after.derived.map((d) => [d.coordinate, d.categories]));
  const derived = keys(Object.fromEntries(derivedBefore), Object.fromEntries(derivedAfter))
    .map((coordinate) => ({ coordinate, before: derivedBefore.get(coordinate) ?? null, after: derivedAfter.get(coordinate) ?? null }))
    .filter((d) => !same(d.before, d.after));

  // The causes first (the matrix, EDI isolation, bindings, categories), then what each purpose gains by them.
  const widenings = [
    ...matrix.filter((m) => m.widening).map((m) => `${m.purpose} ${m.change}`),
    ...(ediIsolation?.widening ? [`EDI is no longer isolated from ${ediWeakened.join(', ')}`] : []),
    ...bindings.filter((b) => b.widening).map((b) => `${b.coordinate} @${b.binding} ${describeBinding(b)}`),
    ...categoriesMoved.filter((m) => m.widening).map((m) => `${m.coordinate} moved from ${m.from ?? 'not personal'} to ${m.to ?? 'not personal'}`),
    ...reach.filter((r) => r.gains.length > 0).map(({ purpose, gains }) => `${purpose} may read ${gains.map((c) => `${c} (${after.fields[c] ?? 'not personal'})`).join(', ')}`),
  ];
  return { reach, matrix, categoriesMoved, newFields, removedFields, ediIsolation, bindings, derived, widenings };
}

/** A binding change in words: `removed`, `added`, or `A, B → A, B, C`. */
export function describeBinding({ before, after }: Pick<BindingChange, 'before' | 'after'>): string {
  if (after === null) return 'removed';
  if (before === null) return after.length > 0 ? `added (${after.join(', ')})` : 'added';
  return `${before.join(', ')} → ${after.join(', ')}`;
}
