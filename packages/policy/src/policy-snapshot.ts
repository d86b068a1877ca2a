import { parse, type DocumentNode } from 'graphql';
import { readBindings, type PolicyBindings } from './bindings.js';
import { derivedFields, type DerivedField } from './derived.js';
import { indexFields, type FieldIndex } from './field-index.js';
import { CURRENT_MATRIX, type MatrixOfPurposes, type PurposePolicy } from './matrix.js';
import { isCategory, isPurpose, PURPOSE_NAMES, type DataCategory, type Purpose } from './vocabulary.js';

/**
 * The whole policy of one graph as data: the matrix, EDI isolation, every field's category, every
 * binding and every derived field. `npm run policy` writes this build's as schema/policy.json beside
 * the supergraph; `policy diff` compares two, `policy replay` decides recorded operations under one.
 */
export interface PolicySnapshot {
  matrix: Record<Purpose, Omit<PurposePolicy, 'reason'>>;
  ediIsolatedFrom: DataCategory[];
  /** By schema coordinate: its category, or null (not personal). */
  fields: Record<string, DataCategory | null>;
  bindings: {
    purposeBound: Record<string, Purpose[]>;
    roleBound: Record<string, string[]>;
    subjectOnly: string[];
    actsOnCaller: string[];
    actsOnNamedMember: string[];
    memberKeys: string[];
    memberOwner: Record<string, string>;
    gatewayEffects: string[];
  };
  derived: DerivedField[];
}

const sorted = <T>(values: Iterable<T>) => [...values].sort();
const sortedRecord = <T>(entries: Iterable<[string, T]>) => Object.fromEntries([...entries].sort(([a], [b]) => a.localeCompare(b)));

/** The snapshot of a supergraph under a matrix (this build's unless given). */
export function policySnapshot(supergraphSdl: string | DocumentNode, { purposes, ediIsolatedFrom }: MatrixOfPurposes = CURRENT_MATRIX): PolicySnapshot {
  const document = typeof supergraphSdl === 'string' ? parse(supergraphSdl) : supergraphSdl;
  const index = indexFields(document);
  const b = readBindings(document);
  const matrix = Object.fromEntries(
    PURPOSE_NAMES.map((p) => {
      const { categories, ownRecordOnly, rootFields, entityFetches, peerCallCategories } = purposes[p];
      const row: Omit<PurposePolicy, 'reason'> = { categories: [...categories] };
      if (ownRecordOnly) row.ownRecordOnly = true;
      if (rootFields) row.rootFields = [...rootFields];
      if (entityFetches) row.entityFetches = true;
      if (peerCallCategories) row.peerCallCategories = [...peerCallCategories];
      return [p, row];
    }),
  ) as PolicySnapshot['matrix'];
  return {
    matrix,
    ediIsolatedFrom: [...ediIsolatedFrom],
    fields: sortedRecord(index.entries()),
    bindings: {
      purposeBound: sortedRecord([...b.purposeBound].map(([k, v]) => [k, [...v]])),
      roleBound: sortedRecord([...b.roleBound].map(([k, v]) => [k, [...v]])),
      subjectOnly: sorted(b.subjectOnly),
      actsOnCaller: sorted(b.actsOnCaller),
      actsOnNamedMember: sorted(b.actsOnNamedMember),
      memberKeys: sorted(b.memberKeys),
      memberOwner: sortedRecord(b.memberOwner),
      gatewayEffects: sorted(b.gatewayEffects),
    },
    derived: derivedFields(document, index),
  };
}

/** A snapshot read from JSON (a file, a git ref's file): checked to name only our purposes and categories, so a typo is an error, not a silent narrowing. */
export function readPolicySnapshot(json: string, from = 'policy snapshot'): PolicySnapshot {
  const snapshot = JSON.parse(json) as PolicySnapshot;
  const problems: string[] = [];
  // As read, before it is known to be one: names are strings of any value.
  const unknownName = (value: unknown) => String(value);
  if (!snapshot || typeof snapshot !== 'object' || !snapshot.matrix || !snapshot.fields || !snapshot.bindings) throw new Error(`${from}: not a policy snapshot (matrix, fields, bindings)`);
  for (const purpose of PURPOSE_NAMES) if (!snapshot.matrix[purpose]) problems.push(`no row for purpose ${purpose}`);
  for (const [purpose, row] of Object.entries(snapshot.matrix)) {
    if (!isPurpose(purpose)) problems.push(`unknown purpose ${purpose}`);
    for (const c of [...(row.categories ?? []), ...(row.peerCallCategories ?? [])]) if (!isCategory(c)) problems.push(`${purpose}: unknown category ${unknownName(c)}`);
  }
  for (const c of snapshot.ediIsolatedFrom ?? []) if (!isCategory(c)) problems.push(`ediIsolatedFrom: unknown category ${unknownName(c)}`);
  for (const [coordinate, c] of Object.entries(snapshot.fields)) if (c !== null && !isCategory(c)) problems.push(`${coordinate}: unknown category ${unknownName(c)}`);
  if (problems.length > 0) throw new Error(`${from}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  snapshot.derived ??= [];
  snapshot.ediIsolatedFrom ??= [];
  return snapshot;
}

export const matrixOf = (snapshot: PolicySnapshot): MatrixOfPurposes => ({ purposes: snapshot.matrix, ediIsolatedFrom: snapshot.ediIsolatedFrom });

export const fieldIndexOf = (snapshot: PolicySnapshot): FieldIndex => new Map(Object.entries(snapshot.fields));

export function bindingsOf({ bindings: b }: PolicySnapshot): PolicyBindings {
  return {
    purposeBound: new Map(Object.entries(b.purposeBound)),
    roleBound: new Map(Object.entries(b.roleBound)),
    subjectOnly: new Set(b.subjectOnly),
    actsOnCaller: new Set(b.actsOnCaller),
    actsOnNamedMember: new Set(b.actsOnNamedMember),
    memberKeys: new Set(b.memberKeys),
    memberOwner: new Map(Object.entries(b.memberOwner ?? {})),
    gatewayEffects: new Set(b.gatewayEffects),
  };
}

const ROOT_TYPES = ['Query', 'Mutation'];

/**
 * Whether a purpose may read (or give) a field or argument, by itself: it exists; it is no gateway
 * effect; a purpose-bound one only under its purposes; a personal one only if the purpose may read
 * its category; a root field only among the purpose's root fields, where the purpose has a list.
 * (Within an operation, EDI isolation and the caller's own record limit this further.)
 */
export function mayReadCoordinate(snapshot: PolicySnapshot, purpose: Purpose, coordinate: string): boolean {
  if (!Object.hasOwn(snapshot.fields, coordinate)) return false;
  if (snapshot.bindings.gatewayEffects.includes(coordinate)) return false;
  const bound = snapshot.bindings.purposeBound[coordinate];
  if (bound && !bound.includes(purpose)) return false;
  const category = snapshot.fields[coordinate];
  const row = snapshot.matrix[purpose];
  if (category && !row.categories.includes(category)) return false;
  const field = coordinate.replace(/\(.*$/, '');
  const [type = '', name = ''] = field.split('.');
  if (row.rootFields && ROOT_TYPES.includes(type) && !row.rootFields.includes(name)) return false;
  return true;
}

/** The purposes that may read a field or argument (`mayReadCoordinate`). */
export const readersOf = (snapshot: PolicySnapshot, coordinate: string): Purpose[] => PURPOSE_NAMES.filter((p) => mayReadCoordinate(snapshot, p, coordinate));
