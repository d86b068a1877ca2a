import {
  categoryOf, GATEWAY_EFFECT_FIELDS, isNonPersonal, mayRead, mayUseField, POLICY_MATRIX, PURPOSE_BOUND_FIELDS, policyRefusal, type DataCategory,
} from '@mutual-graph/schema';
import { isObjectType, type GraphQLSchema } from 'graphql';
import { allow, and, applyMiddleware, deny, rule, shield } from './graphql-shield.js';
import type { IRules } from 'graphql-shield';
import type { SubgraphContext } from './context.js';

type Context = SubgraphContext<unknown>;

// Federation's own fields: the gateway alone calls them, and only with a verified hop token
// (the context refuses every other request before any resolver runs). Named here because a
// deny-by-default tree would otherwise refuse them (graphql-shield issue 641).
const fromGateway = rule('fromGateway', { cache: 'contextual' })((_parent, _args, ctx: Context) => ctx.hop !== undefined);

type ShieldRule = ReturnType<ReturnType<typeof rule>>;
// The gateway's own follow-up calls, marked as such in the hop token; no client operation reaches these.
const gatewayEffect = rule('gatewayEffect', { cache: 'contextual' })((_parent, _args, ctx: Context) =>
  ctx.hop.effect === true || policyRefusal('PURPOSE_SCOPE', 'only the gateway calls this field', { purpose: ctx.hop.purpose }));

const readable = new Map<DataCategory, ShieldRule>();
function mayReadCategory(category: DataCategory): ShieldRule {
  let r = readable.get(category);
  if (!r) {
    r = rule(`category:${category}`, { cache: 'contextual' })((_parent, _args, ctx: Context) =>
      mayRead(ctx.hop.purpose, category) || policyRefusal('PURPOSE_SCOPE', `purpose ${ctx.hop.purpose} may not read ${category}`, { purpose: ctx.hop.purpose }));
    readable.set(category, r);
  }
  return r;
}

// A Member's fields, for purposes limited to the caller's own record, and Member.edi always.
const ownRecord = rule('ownRecord', { cache: 'strict' })((parent: { id?: string }, _args, ctx: Context) =>
  (parent?.id !== undefined && parent.id === ctx.hop.principal.memberId) || policyRefusal('SUBJECT_SCOPE', "a member may read only their own record", { purpose: ctx.hop.purpose }));
const ownRecordWhenLimited = rule('ownRecordWhenLimited', { cache: 'strict' })((parent: { id?: string }, _args, ctx: Context) =>
  !POLICY_MATRIX[ctx.hop.purpose].ownRecordOnly || (parent?.id !== undefined && parent.id === ctx.hop.principal.memberId) ||
  policyRefusal('SUBJECT_SCOPE', 'a member may read only their own record', { purpose: ctx.hop.purpose }));

const purposeBound = new Map<string, ShieldRule>();
function mayUse(coordinate: string): ShieldRule {
  let r = purposeBound.get(coordinate);
  if (!r) {
    r = rule(`purposeBound:${coordinate}`, { cache: 'contextual' })((_parent, _args, ctx: Context) =>
      mayUseField(ctx.hop.purpose, coordinate) || policyRefusal('PURPOSE_SCOPE', `purpose ${ctx.hop.purpose} may not use ${coordinate}`, { purpose: ctx.hop.purpose }));
    purposeBound.set(coordinate, r);
  }
  return r;
}

/** Fields only the record's own member may read, whatever the purpose. */
const SUBJECT_ONLY = new Set(['Member.edi']);

/**
 * The field-by-field half of the policy: graphql-shield rules generated from the categories in
 * this subgraph's own schema and the shared matrix, deny by default. The same matrix the
 * gateway applies to whole operations; nothing is restated here.
 */
export function permissionsFor(schema: GraphQLSchema): IRules {
  const tree: Record<string, Record<string, unknown>> = {};
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const typeIsNonPersonal = isNonPersonal(type.astNode?.directives);
    const rules: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      const coordinate = `${type.name}.${field.name}`;
      const category = categoryOf(field.astNode?.directives);
      if (coordinate === 'Query._entities' || coordinate === 'Query._service' || coordinate === '_Service.sdl') rules[field.name] = fromGateway;
      else if (GATEWAY_EFFECT_FIELDS.includes(coordinate)) rules[field.name] = gatewayEffect;
      else if (PURPOSE_BOUND_FIELDS[coordinate] && category && type.name === 'Member') rules[field.name] = and(mayUse(coordinate), mayReadCategory(category), ownRecordWhenLimited);
      else if (PURPOSE_BOUND_FIELDS[coordinate]) rules[field.name] = category ? and(mayUse(coordinate), mayReadCategory(category)) : mayUse(coordinate);
      else if (category && SUBJECT_ONLY.has(coordinate)) rules[field.name] = and(mayReadCategory(category), ownRecord);
      else if (category && type.name === 'Member') rules[field.name] = and(mayReadCategory(category), ownRecordWhenLimited);
      else if (category) rules[field.name] = mayReadCategory(category);
      else if (typeIsNonPersonal || isNonPersonal(field.astNode?.directives)) rules[field.name] = allow;
      // Anything else is unclassified and falls to deny.
    }
    if (Object.keys(rules).length > 0) tree[type.name] = rules;
  }
  return tree as IRules;
}

export function guardSubgraph(schema: GraphQLSchema): GraphQLSchema {
  return applyMiddleware(
    schema,
    shield(permissionsFor(schema), {
      fallbackRule: deny,
      // A denied field would otherwise come back as "Not Authorised!" without a code.
      fallbackError: policyRefusal('PURPOSE_SCOPE', 'this field may not be read under the declared purpose'),
      allowExternalErrors: true,
    }),
  );
}
