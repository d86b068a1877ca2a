import {
  argumentUses,
  categoryOf,
  holdsRoleFor,
  isNonPersonal,
  mayRead,
  mayReadInPeerCall,
  mayUseField,
  outsideOwnRecord,
  POLICY_MATRIX,
  policyRefusal,
  type DataCategory,
  type FieldIndex,
  type PolicyBindings,
} from '@mutual-graph/policy';
import { isObjectType, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { allow, and, applyMiddleware, deny, rule, shield } from './graphql-shield.js';
import type { IRules } from 'graphql-shield';
import type { SubgraphContext } from './context.js';
import { memberOwning } from './member-ownership.js';
import { ownPolicy } from './own-policy.js';

type Context = SubgraphContext<unknown>;
type ShieldRule = ReturnType<ReturnType<typeof rule>>;

// Federation's own fields: the gateway alone calls them, and only with a verified hop token
// (the context refuses every other request before any resolver runs). Named here because a
// deny-by-default tree would otherwise refuse them (graphql-shield issue 641).
const fromGateway = rule('fromGateway', { cache: 'contextual' })((_parent, _args, ctx: Context) => ctx.hop !== undefined);

const once = <K, V>(make: (key: K) => V) => {
  const made = new Map<K, V>();
  return (key: K) => {
    let value = made.get(key);
    if (value === undefined) made.set(key, (value = make(key)));
    return value;
  };
};

// The gateway's own follow-up calls: the hop token names the one effect field it was signed for.
const gatewayEffect = once((coordinate: string) =>
  rule(`gatewayEffect:${coordinate}`, { cache: 'contextual' })(
    (_parent, _args, ctx: Context) => ctx.hop.effect === coordinate || policyRefusal('PURPOSE_SCOPE', 'only the gateway calls this field', { purpose: ctx.hop.purpose }),
  ),
);

/**
 * One check of a field's: true, or the refusal (an Error with its code). A field's checks run in
 * one graphql-shield rule (`allOf`), so they are plain functions, each made once per key.
 */
type Check = (parent: unknown, args: Record<string, unknown>, ctx: Context, info: GraphQLResolveInfo) => true | Error;

const mayReadCategory = once(
  (category: DataCategory): Check =>
    (_parent, _args, ctx) =>
      // A declared peer call may read what its purpose reads only subgraph to subgraph (peerCallCategories).
      (ctx.hop.peerCall ? mayReadInPeerCall(ctx.hop.purpose, category) : mayRead(ctx.hop.purpose, category)) ||
      policyRefusal('PURPOSE_SCOPE', `purpose ${ctx.hop.purpose} may not read ${category}`, { purpose: ctx.hop.purpose }),
);

const subjectScope = (ctx: Context) => policyRefusal('SUBJECT_SCOPE', 'a member may read only their own record', { purpose: ctx.hop.purpose });

/** The checks that read this subgraph's bindings: made once per schema, each kept once per coordinate. */
function bindingChecks(bindings: PolicyBindings) {
  const mayUse = once(
    (coordinate: string): Check =>
      (_parent, _args, ctx) =>
        mayUseField(bindings, ctx.hop.purpose, coordinate) || policyRefusal('PURPOSE_SCOPE', `purpose ${ctx.hop.purpose} may not use ${coordinate}`, { purpose: ctx.hop.purpose }),
  );

  const holdsRole = once(
    (coordinate: string): Check =>
      (_parent, _args, ctx) =>
        holdsRoleFor(bindings, ctx.hop.principal.roles, coordinate) || policyRefusal('ROLE_REQUIRED', `${coordinate} needs a role this principal does not hold`, { purpose: ctx.hop.purpose }),
  );

  // @subjectOnly fields (Member.edi): only the record's own member, whatever the purpose.
  const ownRecord: Check = (parent, _args, ctx, info) => {
    const owner = memberOwning(bindings, info.parentType.name, parent);
    return (owner !== undefined && owner === ctx.hop.principal.memberId?.toLowerCase()) || subjectScope(ctx);
  };

  // Under a purpose limited to the caller's own record, no object that belongs to another member is
  // answered: a Member by its id, a matter, a call, a registration, a consent by its member id,
  // whether reached from the caller's own record or straight through `_entities`.
  const ownRecordWhenLimited: Check = (parent, _args, ctx, info) => {
    if (!POLICY_MATRIX[ctx.hop.purpose].ownRecordOnly) return true;
    const own = ctx.hop.principal.memberId?.toLowerCase();
    if (own === undefined) return subjectScope(ctx);
    const owner = memberOwning(bindings, info.parentType.name, parent);
    return owner === undefined || owner === own || subjectScope(ctx);
  };

  /**
   * A root field as the matrix limits it, whatever categories it carries: only the root fields a
   * purpose may use at all, and under a purpose limited to the caller's own record only those that
   * act on the token's member by construction (`@actsOnCaller`), or on the member they name
   * (`@actsOnNamedMember`) when that is the token's, and never a member key given another id
   * (the gateway's rule, `outsideOwnRecord`).
   */
  const rootField = once((field: string): Check => (_parent, args, ctx, info) => {
    const row = POLICY_MATRIX[ctx.hop.purpose];
    if (row.rootFields && !row.rootFields.includes(field)) return policyRefusal('PURPOSE_SCOPE', `purpose ${ctx.hop.purpose} may not use ${field}`, { purpose: ctx.hop.purpose });
    if (!row.ownRecordOnly) return true;
    return outsideOwnRecord(bindings, info.parentType, [{ field, args }], ctx.hop.principal.memberId).length === 0 || subjectScope(ctx);
  });

  return { mayUse, holdsRole, ownRecord, ownRecordWhenLimited, rootField };
}

/**
 * `_entities` under a purpose the matrix limits to a few root fields: only when the query planner
 * fetches entities under it (`entityFetches`), or in a declared peer call (its token serves that one
 * query); otherwise it would read records by id past the limit.
 */
const entitiesUnderPurpose = rule('entitiesUnderPurpose', { cache: 'contextual' })((_parent, _args, ctx: Context) => {
  const row = POLICY_MATRIX[ctx.hop.purpose];
  return !row.rootFields || row.entityFetches === true || ctx.hop.peerCall === true || policyRefusal('PURPOSE_SCOPE', `purpose ${ctx.hop.purpose} may not use _entities`, { purpose: ctx.hop.purpose });
});

/** What a field's arguments select by must be readable under the purpose, as its own category must. */
function argumentsReadable(index: FieldIndex, typeName: string, fieldName: string): Check {
  return (_parent, args, ctx, info) => {
    const field = info.parentType.getFields()[fieldName];
    for (const use of argumentUses(typeName, field, args, index)) {
      if (use.unclassified) return policyRefusal('PURPOSE_SCOPE', `${use.coordinate} says nothing of what it selects by`, { purpose: ctx.hop.purpose });
      if (use.category && !mayRead(ctx.hop.purpose, use.category)) {
        return policyRefusal('PURPOSE_SCOPE', `purpose ${ctx.hop.purpose} may not select by ${use.category} (${use.coordinate})`, { purpose: ctx.hop.purpose });
      }
    }
    return true;
  };
}

/**
 * A field's checks as one graphql-shield rule, run in order: the first refusal is the answer, as
 * `and` would give it (every check answers true or its refusal), without `and`'s promises for
 * each check on every object of every list. Not cached: each check costs less than a cache key.
 */
function allOf(coordinate: string, checks: Check[]): ShieldRule {
  return rule(`field:${coordinate}`, { cache: 'no_cache' })((parent, args: Record<string, unknown>, ctx: Context, info: GraphQLResolveInfo) => {
    for (const check of checks) {
      const answer = check(parent, args, ctx, info);
      if (answer !== true) return answer;
    }
    return true;
  });
}

const FEDERATION_FIELDS = new Set(['Query._entities', 'Query._service', '_Service.sdl']);

/**
 * The field-by-field half of the policy: graphql-shield rules generated from the categories and
 * bindings in this subgraph's own schema and the shared matrix, deny by default. Every rule of the
 * gateway's that one subgraph can check is checked here again: categories of fields and of arguments,
 * purpose-bound and effect-only fields, the matrix's root-field limits, and subject scope on the
 * root fields and on every object that belongs to a member. Nothing is restated here.
 */
export function permissionsFor(schema: GraphQLSchema): IRules {
  const { index, bindings } = ownPolicy(schema);
  const { mayUse, holdsRole, ownRecord, ownRecordWhenLimited, rootField } = bindingChecks(bindings);
  const roots = new Set([schema.getQueryType()?.name, schema.getMutationType()?.name].filter(Boolean));
  const tree: Record<string, Record<string, unknown>> = {};
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const typeIsNonPersonal = isNonPersonal(type.astNode?.directives);
    const rules: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      const coordinate = `${type.name}.${field.name}`;
      if (FEDERATION_FIELDS.has(coordinate)) {
        rules[field.name] = coordinate === 'Query._entities' ? and(fromGateway, entitiesUnderPurpose) : fromGateway;
        continue;
      }
      if (bindings.gatewayEffects.has(coordinate)) {
        rules[field.name] = gatewayEffect(coordinate);
        continue;
      }
      const category = categoryOf(field.astNode?.directives);
      const classified = category !== undefined || typeIsNonPersonal || isNonPersonal(field.astNode?.directives);
      // Anything unclassified falls to deny.
      if (!classified) continue;
      const checks: Check[] = [];
      if (roots.has(type.name)) checks.push(rootField(field.name));
      if (bindings.purposeBound.has(coordinate)) checks.push(mayUse(coordinate));
      if (bindings.roleBound.has(coordinate)) checks.push(holdsRole(coordinate));
      if (category) checks.push(mayReadCategory(category), bindings.subjectOnly.has(coordinate) ? ownRecord : ownRecordWhenLimited);
      if (field.args.length > 0) checks.push(argumentsReadable(index, type.name, field.name));
      rules[field.name] = checks.length === 0 ? allow : allOf(coordinate, checks);
    }
    if (Object.keys(rules).length > 0) tree[type.name] = rules;
  }
  return tree as IRules;
}

/**
 * The schema behind the shield: every field that carries a rule (a check, or deny for anything
 * unclassified) is wrapped by graphql-shield; a field whose rule is `allow` is left as it is, since
 * the wrapper would only turn its plain property read into promises on every object of every list.
 */
export function guardSubgraph(schema: GraphQLSchema): GraphQLSchema {
  const rules = permissionsFor(schema) as Record<string, Record<string, unknown>>;
  const guarded = shield(rules as IRules, {
    fallbackRule: deny,
    // A denied field would otherwise come back as "Not Authorised!" without a code.
    fallbackError: policyRefusal('PURPOSE_SCOPE', 'this field may not be read under the declared purpose'),
    allowExternalErrors: true,
  }).generate(schema) as Record<string, Record<string, unknown>>;
  for (const [typeName, fields] of Object.entries(rules)) {
    for (const [fieldName, fieldRule] of Object.entries(fields)) if (fieldRule === allow) delete guarded[typeName]?.[fieldName];
  }
  return applyMiddleware(schema, guarded as never);
}
