import type { ApolloServerPlugin } from '@apollo/server';
import { collectOperationUses, decideOperation, POLICY_MATRIX, policyRefusal } from '@mutual-graph/schema';
import type { GatewayContext } from '../context.js';
import type { PolicyIndex } from '../policy-index.js';

/**
 * The whole-operation half of the policy. After the operation is parsed and validated and before
 * the gateway plans it or calls any subgraph, walks every field it can select and refuses it
 * whole when its categories break the matrix, EDI isolation, or the caller's subject scope.
 */
export function operationPolicyPlugin(policy: PolicyIndex): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation, schema, contextValue }) {
          const { purpose, principal } = contextValue;
          if (!operation) throw policyRefusal('PURPOSE_SCOPE', 'no operation to decide on', { purpose, wholeRequest: true });
          const { uses, rootFields, rootArguments } = collectOperationUses(schema, document, operation, policy.fields, request.variables ?? {});

          const unclassified = uses.filter((u) => u.unclassified).map((u) => u.coordinate);
          if (unclassified.length > 0) {
            throw policyRefusal('PURPOSE_SCOPE', `fields without a data category are never served: ${unclassified.join(', ')}`, { fields: unclassified, purpose, wholeRequest: true });
          }
          const decision = decideOperation(purpose, uses, rootFields);
          if (!decision.allowed) throw policyRefusal(decision.rule, decision.message, { fields: decision.fields, purpose, wholeRequest: true });

          // A purpose limited to the caller's own record reaches members only through `me` or their own id.
          if (POLICY_MATRIX[purpose].ownRecordOnly) {
            const foreign = rootArguments.filter(({ field, args }) => !(field === 'me' || (field === 'member' && principal.memberId !== undefined && args.id === principal.memberId)));
            if (foreign.length > 0 || principal.memberId === undefined) {
              throw policyRefusal('SUBJECT_SCOPE', "a member may read only their own record, through `me` or `member(id:)` with their own id", {
                fields: foreign.map((f) => `Query.${f.field}`),
                purpose,
                wholeRequest: true,
              });
            }
          }
          contextValue.categories = decision.categories;
        },
      };
    },
  };
}
