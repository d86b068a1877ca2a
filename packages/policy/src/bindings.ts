import { Kind, parse, type ConstDirectiveNode, type ConstValueNode, type DocumentNode } from 'graphql';
import { directiveNamed, eachSchemaElement } from './field-index.js';
import { isPurpose, type Purpose } from './vocabulary.js';

/**
 * The policy as the fields declare it (the policy spec's directives beyond the categories), by
 * schema coordinate (`Type.field`, `Type.field(argument:)`, `Input.field`). Read from an SDL by
 * `readBindings`: the supergraph for the gateway, composition and POLICY.md, a subgraph's own
 * schema for its shield. The decisions take these as data.
 */
export interface PolicyBindings {
  /** `@onlyForPurposes`: fields only these purposes may use, whatever their categories. */
  purposeBound: ReadonlyMap<string, readonly Purpose[]>;
  /** `@requiresRole`: fields only principals holding one of these roles may use. */
  roleBound: ReadonlyMap<string, readonly string[]>;
  /** `@subjectOnly`: fields only the record's own member may read. */
  subjectOnly: ReadonlySet<string>;
  /** `@actsOnCaller`: root fields that act on the token's own member by construction. */
  actsOnCaller: ReadonlySet<string>;
  /** `@actsOnNamedMember`: root fields that act on the member their member keys name, and no other. */
  actsOnNamedMember: ReadonlySet<string>;
  /** `@memberKey` on arguments and input fields: values that name a member. */
  memberKeys: ReadonlySet<string>;
  /** `@memberKey` on an object's field: by type, the field holding the id of the member an object is about. */
  memberOwner: ReadonlyMap<string, string>;
  /** `@gatewayEffect`: mutations only the gateway calls. */
  gatewayEffects: ReadonlySet<string>;
}

/** A directive's list-of-names argument: enum values in composed SDL, strings where a printer quoted them, one value as a list of one. */
export function namesIn(node: ConstDirectiveNode | undefined, argument: string): string[] | undefined {
  const value = node?.arguments?.find((a) => a.name.value === argument)?.value;
  if (!value) return node ? [] : undefined;
  const items: readonly ConstValueNode[] = value.kind === Kind.LIST ? value.values : [value];
  return items.flatMap((v) => (v.kind === Kind.ENUM || v.kind === Kind.STRING ? [v.value] : []));
}

/** The purposes a field is bound to, as declared (names outside the vocabulary included: composition refuses them). */
export const purposesNamed = (nodes: readonly ConstDirectiveNode[] | undefined) => namesIn(directiveNamed(nodes, 'onlyForPurposes'), 'purposes');

/** Reads every binding of an SDL document (a supergraph or one subgraph), as `indexFields` reads categories. */
export function readBindings(sdl: string | DocumentNode): PolicyBindings {
  const document = typeof sdl === 'string' ? parse(sdl) : sdl;
  const purposeBound = new Map<string, Purpose[]>();
  const roleBound = new Map<string, string[]>();
  const subjectOnly = new Set<string>();
  const actsOnCaller = new Set<string>();
  const actsOnNamedMember = new Set<string>();
  const memberKeys = new Set<string>();
  const memberOwner = new Map<string, string>();
  const gatewayEffects = new Set<string>();
  const has = (nodes: readonly ConstDirectiveNode[] | undefined, name: string) => directiveNamed(nodes, name) !== undefined;

  eachSchemaElement(document, ({ kind, typeName, name, coordinate, directives }) => {
    if (kind !== 'field') {
      if (has(directives, 'memberKey')) memberKeys.add(coordinate);
      return;
    }
    const purposes = purposesNamed(directives);
    if (purposes) purposeBound.set(coordinate, purposes.filter(isPurpose));
    const roles = namesIn(directiveNamed(directives, 'requiresRole'), 'roles');
    if (roles) roleBound.set(coordinate, roles);
    if (has(directives, 'subjectOnly')) subjectOnly.add(coordinate);
    if (has(directives, 'actsOnCaller')) actsOnCaller.add(coordinate);
    if (has(directives, 'actsOnNamedMember')) actsOnNamedMember.add(coordinate);
    if (has(directives, 'gatewayEffect')) gatewayEffects.add(coordinate);
    if (has(directives, 'memberKey')) memberOwner.set(typeName, name);
  });
  return { purposeBound, roleBound, subjectOnly, actsOnCaller, actsOnNamedMember, memberKeys, memberOwner, gatewayEffects };
}

/** What a document with no bindings holds (the gateway's, before it loads a supergraph). */
export const NO_BINDINGS: PolicyBindings = readBindings({ kind: Kind.DOCUMENT, definitions: [] });

/** Whether the purpose may use the field: never a gateway effect; a purpose-bound field only under its purposes. */
export function mayUseField(bindings: PolicyBindings, purpose: Purpose, coordinate: string): boolean {
  if (bindings.gatewayEffects.has(coordinate)) return false;
  const bound = bindings.purposeBound.get(coordinate);
  return bound === undefined || bound.includes(purpose);
}

/** Whether a principal with these roles may use the field (fields no role binds: anyone the purpose allows). */
export function holdsRoleFor(bindings: PolicyBindings, roles: readonly string[], coordinate: string): boolean {
  const bound = bindings.roleBound.get(coordinate);
  return bound === undefined || bound.some((role) => roles.includes(role));
}
