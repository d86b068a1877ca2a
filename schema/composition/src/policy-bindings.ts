import { directiveNamed, isPurpose, namesIn, POLICY_MATRIX, purposesNamed, readBindings, type PolicyBindings, type PurposePolicy } from '@mutual-graph/policy';
import {
  buildSchema,
  getNamedType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  Kind,
  parse,
  type ConstDirectiveNode,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLNamedType,
} from 'graphql';

/**
 * Every root field the policy matrix names (each purpose's `rootFields`) must exist in the
 * supergraph: a renamed field would otherwise silently fall out of the purpose's limit. (Bindings
 * of single fields are directives on those fields, and move with them.) Returns what names
 * nothing, as sentences.
 */
export function bindingsNamingNothing(supergraphSdl: string, matrix: Record<string, Pick<PurposePolicy, 'rootFields'>> = POLICY_MATRIX): string[] {
  const schema = buildSchema(supergraphSdl, { assumeValidSDL: true });
  const rootExists = (field: string) => [schema.getQueryType(), schema.getMutationType()].some((root) => root !== null && root !== undefined && field in root.getFields());
  return Object.entries(matrix).flatMap(([purpose, row]) =>
    (row.rootFields ?? []).filter((f) => !rootExists(f)).map((f) => `the ${purpose} purpose's rootFields name ${f}, which is no root field of the supergraph`),
  );
}

/** Argument and input field names that say they name a member: each must be a `@memberKey`, or self-service would not see whom it names. */
export const MEMBER_KEY_NAMES: readonly string[] = ['memberId', 'memberIds'];

const has = (node: { astNode?: { directives?: readonly ConstDirectiveNode[] } | null }, name: string) => directiveNamed(node.astNode?.directives, name) !== undefined;
const isId = (type: GraphQLNamedType) => type.name === 'ID';

/**
 * What a member key must be, wherever it is declared: an ID (or a list of them). An argument or
 * input field named like one must be one; an object's field may be named so and be only a value.
 */
function memberKeyProblems(coordinate: string, node: GraphQLArgument | GraphQLInputField | GraphQLField<unknown, unknown>, selects: boolean): string[] {
  const key = has(node, 'memberKey');
  if (key && !isId(getNamedType(node.type))) return [`${coordinate} is a @memberKey but its type is ${node.type.toString()}, not an ID`];
  if (!key && selects && MEMBER_KEY_NAMES.includes(node.name)) return [`${coordinate} is named like a member key but is not marked @memberKey`];
  return [];
}

/**
 * Bindings that cannot mean what they say: `@actsOnCaller` or `@actsOnNamedMember` on a field that
 * is not a root field, `@actsOnNamedMember` with no `@memberKey` argument, `@gatewayEffect` on
 * anything but a mutation, `@onlyForPurposes` or `@requiresRole` naming nothing (or a purpose the
 * vocabulary lacks), `@subjectOnly` on a type that says no field of whose it is, a `@memberKey` that
 * is not an ID, one type with two, and an argument or input field named like a member key
 * (`memberId`, `memberIds`) that is not one. Each fails composition, as a sentence.
 */
export function inconsistentBindings(supergraphSdl: string): string[] {
  const schema = buildSchema(supergraphSdl, { assumeValidSDL: true });
  const query = schema.getQueryType()?.name;
  const mutation = schema.getMutationType()?.name;
  const problems: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (/^(__|join__|link__)/.test(type.name)) continue;
    if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) problems.push(...memberKeyProblems(`${type.name}.${field.name}`, field, true));
      continue;
    }
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    const isRoot = type.name === query || type.name === mutation;
    const keys = Object.values(type.getFields()).filter((f) => has(f, 'memberKey'));
    if (keys.length > 1) problems.push(`${type.name} marks ${keys.map((f) => f.name).join(' and ')} @memberKey: an object is about one member`);
    for (const field of Object.values(type.getFields())) {
      const coordinate = `${type.name}.${field.name}`;
      const directives = field.astNode?.directives;
      if (has(field, 'memberKey')) {
        if (isRoot) problems.push(`${coordinate} is a root field marked @memberKey: only an object's field can say whose the object is`);
        else problems.push(...memberKeyProblems(coordinate, field, false));
      }
      for (const name of ['actsOnCaller', 'actsOnNamedMember']) {
        if (has(field, name) && !isRoot) problems.push(`${coordinate} is marked @${name} but is no root field`);
      }
      if (has(field, 'actsOnNamedMember') && !field.args.some((a) => has(a, 'memberKey'))) {
        problems.push(`${coordinate} is marked @actsOnNamedMember but none of its arguments is a @memberKey`);
      }
      if (has(field, 'gatewayEffect') && type.name !== mutation) problems.push(`${coordinate} is marked @gatewayEffect but only a mutation can be a gateway effect`);
      const purposes = purposesNamed(directives);
      if (purposes?.length === 0) problems.push(`${coordinate} is marked @onlyForPurposes but names no purpose`);
      for (const purpose of (purposes ?? []).filter((p) => !isPurpose(p))) problems.push(`${coordinate} is bound by @onlyForPurposes to ${purpose}, which is no purpose of use`);
      if (namesIn(directiveNamed(directives, 'requiresRole'), 'roles')?.length === 0) problems.push(`${coordinate} is marked @requiresRole but names no role`);
      if (has(field, 'subjectOnly') && keys.length === 0) problems.push(`${coordinate} is marked @subjectOnly but ${type.name} has no @memberKey field to say whose it is`);
      for (const arg of field.args) problems.push(...memberKeyProblems(`${coordinate}(${arg.name}:)`, arg, true));
    }
  }
  return problems;
}

/** Each binding as one comparable line: `Query.ediSummary @onlyForPurposes(EDI_REPORTING)`. */
function bindingLines(bindings: PolicyBindings): Map<string, string> {
  const lines = new Map<string, string>();
  const add = (coordinate: string, text: string) => lines.set(`${coordinate} ${text}`, coordinate);
  for (const [c, purposes] of bindings.purposeBound) add(c, `@onlyForPurposes(${[...purposes].sort().join(', ')})`);
  for (const [c, roles] of bindings.roleBound) add(c, `@requiresRole(${[...roles].sort().join(', ')})`);
  for (const c of bindings.subjectOnly) add(c, '@subjectOnly');
  for (const c of bindings.actsOnCaller) add(c, '@actsOnCaller');
  for (const c of bindings.actsOnNamedMember) add(c, '@actsOnNamedMember');
  for (const c of bindings.gatewayEffects) add(c, '@gatewayEffect');
  for (const c of bindings.memberKeys) add(c, '@memberKey');
  for (const [type, field] of bindings.memberOwner) add(`${type}.${field}`, '@memberKey');
  return lines;
}

/** Every field, argument and input field a subgraph resolves itself (its `@external` fields are another's). */
function coordinatesDefined(sdl: string): Set<string> {
  const defined = new Set<string>();
  for (const def of parse(sdl).definitions) {
    if (def.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION || def.kind === Kind.INPUT_OBJECT_TYPE_EXTENSION) {
      for (const field of def.fields ?? []) defined.add(`${def.name.value}.${field.name.value}`);
    }
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.OBJECT_TYPE_EXTENSION && def.kind !== Kind.INTERFACE_TYPE_DEFINITION && def.kind !== Kind.INTERFACE_TYPE_EXTENSION) continue;
    for (const field of def.fields ?? []) {
      if (directiveNamed(field.directives, 'external')) continue;
      defined.add(`${def.name.value}.${field.name.value}`);
      for (const arg of field.arguments ?? []) defined.add(`${def.name.value}.${field.name.value}(${arg.name.value}:)`);
    }
  }
  return defined;
}

/**
 * The gateway decides on the supergraph's bindings, each subgraph's shield on its own schema's:
 * they must be the same. A binding a subgraph declares that the supergraph lacks (its directive
 * not composed, or stripped on the way) fails composition, and so does a binding the supergraph
 * carries on a field, argument or input field that a subgraph also defines without it.
 */
export function bindingsLostInComposition(subgraphSdl: Record<string, string>, supergraphSdl: string): string[] {
  const composed = bindingLines(readBindings(supergraphSdl));
  return Object.entries(subgraphSdl).flatMap(([name, sdl]) => {
    const own = bindingLines(readBindings(sdl));
    const defined = coordinatesDefined(sdl);
    return [
      ...[...own.keys()].filter((line) => !composed.has(line)).map((line) => `the ${name} subgraph declares ${line}, which the supergraph does not carry`),
      ...[...composed].filter(([line, coordinate]) => defined.has(coordinate) && !own.has(line)).map(([line]) => `the supergraph carries ${line}, which the ${name} subgraph does not declare`),
    ];
  });
}
