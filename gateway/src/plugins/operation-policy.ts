import { log } from '../observability.js';
import { errorCode, isUuid, loggableError } from '@mutual-graph/platform';
import type { ApolloServerPlugin, GraphQLRequestContextDidResolveOperation } from '@apollo/server';
import {
  coerceVariables,
  collectRootSelections,
  decideOperation,
  memberIdsOfRoots,
  outsideOwnRecord,
  POLICY_MATRIX,
  policyRefusal,
  type DataCategory,
  type OperationUses,
  type PolicyBindings,
} from '@mutual-graph/policy';
import { GraphQLError as GraphQLErrorClass, OperationTypeNode, visit, BREAK, type DocumentNode, type GraphQLError, type GraphQLObjectType } from 'graphql';
import { auditEntry } from '../audit/audit-entry.js';
import { replayableOperation, type ReplayableOperation } from '../audit/replayable-operation.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { GatewayContext } from '../context.js';
import type { PolicyIndex } from '../policy-index.js';
import { limitOf } from '../limits.js';
import { annotateSpan, type ServiceMetrics } from '@mutual-graph/platform';

/** all: anyone may introspect; analysts: only principals with the analyst role (production's default). */
export type IntrospectionMode = 'all' | 'analysts';

/** Whether a document asks for the schema itself (`__schema`, `__type`; `__typename` is an answer's, not the schema's). */
function asksForSchema(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/** How an operation that never reached a decision is audited: a limit refusal by its limit, anything else by its code. */
function limitOrCode(error: GraphQLError | undefined): { code: string; rule: string | null } {
  const limit = limitOf(error);
  return limit ? { code: 'OPERATION_LIMIT', rule: limit } : { code: errorCode(error, 'BAD_REQUEST'), rule: null };
}

/**
 * When an allowed query's record is written. `beside-execution`: as the plan starts, the answer held
 * until it is durable. `with-run`: after the plan, in one commit with what the query read and disclosed
 * (the partner graph: a confirmation and its disclosure, one durable wait, whether or not it names a member).
 */
export type AllowedQueryRecord = 'beside-execution' | 'with-run';

/**
 * The whole-operation half of the policy. After the operation is parsed and validated and before
 * the gateway plans it or calls any subgraph, walks every field it can select and refuses it
 * whole when its categories break the matrix, EDI isolation, or the caller's subject scope.
 * A refusal reaches no subgraph and is answered once its record is durable; a mutation runs once
 * its record is durable; an allowed query runs at once, and its answer is held until its record is
 * durable (auditedAnswerPlugin): no audit record, no data.
 */
export function operationPolicyPlugin(
  policy: PolicyIndex,
  audit: AuditLog,
  introspection: IntrospectionMode = 'all',
  metrics?: ServiceMetrics,
  allowedQueries: AllowedQueryRecord = 'beside-execution',
): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(requestContext) {
          const { request, operation, contextValue } = requestContext;
          const operationOf = { name: operation?.name?.value ?? request.operationName ?? null, text: request.query ?? null };
          const named: Decided = { memberIds: [], replayable: null };
          let categories: DataCategory[];
          try {
            if (contextValue.pendingRefusal) throw contextValue.pendingRefusal;
            if (introspection === 'analysts' && !contextValue.principal.roles.includes('analyst') && asksForSchema(requestContext.document)) {
              throw new GraphQLErrorClass('introspection is served to analysts only', { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
            }
            categories = decide(requestContext, policy, named);
          } catch (error) {
            const extensions = (error as GraphQLError).extensions ?? {};
            const refusal = extensions.policy as { rule?: string; fields?: string[] } | undefined;
            contextValue.audited = true;
            metrics?.refusals.inc({ rule: refusal?.rule ?? String(extensions.code), purpose: contextValue.purpose });
            annotateSpan({ purpose: contextValue.purpose, 'policy.decision': 'REFUSED', 'policy.rule': refusal?.rule ?? String(extensions.code) });
            await audit.recordOrRefuse(
              auditEntry(
                contextValue,
                { ...operationOf, replayable: named.replayable },
                { decision: 'REFUSED', code: String(extensions.code), rule: refusal?.rule ?? null, fields: refusal?.fields ?? [], memberIds: named.memberIds },
              ),
            );
            throw error;
          }
          contextValue.audited = true;
          if (operation) contextValue.settleOperation(operation.operation);
          annotateSpan({ purpose: contextValue.purpose, 'policy.decision': 'ALLOWED', 'policy.categories': categories });
          const entry = auditEntry(contextValue, { ...operationOf, replayable: named.replayable }, { decision: 'ALLOWED', categories, memberIds: named.memberIds });
          if (operation?.operation !== OperationTypeNode.QUERY) {
            // A write runs only once its record is durable: what it changes cannot be taken back.
            contextValue.allowedAudit = { recordId: Promise.resolve(await audit.recordOrRefuse(entry)) };
          } else if (allowedQueries === 'with-run') {
            // Written once the query has run, with what it read and disclosed: one commit (auditedAnswerPlugin).
            contextValue.allowedAudit = { entry };
          } else {
            // Written while the plan runs; the answer waits for it (auditedAnswerPlugin). Handled there,
            // so a failure is no unhandled rejection meanwhile.
            const recordId = audit.record(entry);
            recordId.catch(() => {});
            contextValue.allowedAudit = { recordId };
          }
          contextValue.categories = categories;
          for (const category of categories) contextValue.release?.categories.add(category);
        },

        async didEncounterErrors({ contextValue, errors, request }) {
          // Operations that never reached a decision (unparsable, invalid) are audited too.
          if (contextValue.audited || !contextValue.principal) return;
          contextValue.audited = true;
          const refused = limitOrCode(errors[0]);
          metrics?.refusals.inc({ rule: refused.rule ?? refused.code, purpose: contextValue.purpose });
          await audit
            .record(auditEntry(contextValue, { name: request.operationName ?? null, text: request.query ?? null }, { decision: 'REFUSED', ...refused }))
            .catch((error) => log.error({ err: loggableError(error) }, 'audit record not written'));
        },
      };
    },
  };
}

/** Member ids the operation names (every `@memberKey`: `member(id:)`, `memberId`/`memberIds`, inputs included), and the caller's own under self-service. */
function namedMembers(bindings: PolicyBindings, rootType: GraphQLObjectType, rootArguments: OperationUses['rootArguments'], ownMemberId: string | undefined): string[] {
  const named = memberIdsOfRoots(bindings, rootType, rootArguments).flatMap((root) => root.named);
  if (ownMemberId) named.push(ownMemberId);
  return [...new Set(named.filter(isUuid).map((id) => id.toLowerCase()))];
}

/** What the decision leaves for the audit entry, allowed or refused: the members named, and what a replay needs. */
interface Decided {
  memberIds: string[];
  replayable: ReplayableOperation | null;
}

/**
 * The categories an allowed operation touches; throws the refusal otherwise. The members it names
 * go into the audit entry first, so a refused attempt on a member's record is found under them too,
 * and so does what a replay of the decision needs (replayable-operation.ts).
 */
function decide({ request, document, operation, schema, contextValue }: GraphQLRequestContextDidResolveOperation<GatewayContext>, policy: PolicyIndex, audited: Decided): DataCategory[] {
  const { purpose, principal } = contextValue;
  if (!operation) throw policyRefusal('PURPOSE_SCOPE', 'no operation to decide on', { purpose, wholeRequest: true });
  const variables = coerceVariables(schema, operation, request.variables ?? {});
  const { fields, argumentsGiven } = policy.usesInParts(schema, document, operation, variables);
  const uses = argumentsGiven.length === 0 ? fields : [...fields, ...argumentsGiven];
  const { rootFields, rootArguments, rootType } = collectRootSelections(schema, document, operation, variables);
  const root = schema.getType(rootType) as GraphQLObjectType;
  const row = POLICY_MATRIX[purpose];
  audited.memberIds = namedMembers(policy.bindings, root, rootArguments, row.ownRecordOnly ? principal.memberId : undefined);
  audited.replayable = replayableOperation(document, operation.name?.value ?? request.operationName ?? undefined, argumentsGiven, policy.bindings, root, rootArguments, principal.memberId);

  const unclassified = uses.filter((u) => u.unclassified).map((u) => u.coordinate);
  if (unclassified.length > 0) {
    throw policyRefusal('PURPOSE_SCOPE', `fields without a data category are never served: ${unclassified.join(', ')}`, { fields: unclassified, purpose, wholeRequest: true });
  }
  const decision = decideOperation(policy.bindings, purpose, uses, rootFields, rootType, principal.roles);
  if (!decision.allowed) throw policyRefusal(decision.rule, decision.message, { fields: decision.fields, purpose, wholeRequest: true });

  // A purpose limited to the caller's own record reaches members only through root fields that act
  // on the token's member by construction (`@actsOnCaller`: `me`, `updateMyContact`, …) or on the
  // member they name (`@actsOnNamedMember`: `member(id:)`), and only with the token's own member id
  // wherever an argument or input names one (`@memberKey`). Refused here, before planning, so no
  // resolver is reached to refuse it (or forget to).
  if (row.ownRecordOnly) {
    const foreign = outsideOwnRecord(policy.bindings, root, rootArguments, principal.memberId);
    if (foreign.length > 0 || principal.memberId === undefined) {
      throw policyRefusal('SUBJECT_SCOPE', 'a member may act only on their own record: `me`, their own root fields, or their own member id', {
        fields: [...new Set(foreign)].map((f) => `${rootType}.${f}`),
        purpose,
        wholeRequest: true,
      });
    }
  }
  return decision.categories;
}
