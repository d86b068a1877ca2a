import { GraphQLError } from 'graphql';
import type { Purpose, RefusalRule } from './vocabulary.js';

/** A FORBIDDEN error as the contract spells it: `extensions.policy.rule` names the rule broken. */
export function policyRefusal(rule: RefusalRule, message: string, details: { fields?: string[]; purpose?: Purpose | null; wholeRequest?: boolean } = {}): GraphQLError {
  return new GraphQLError(message, {
    extensions: {
      code: 'FORBIDDEN',
      policy: { rule, ...(details.fields ? { fields: details.fields } : {}), ...(details.purpose ? { purpose: details.purpose } : {}) },
      // A refused request answers 403; a refused field inside a response does not change its status.
      ...(details.wholeRequest ? { http: { status: 403 } } : {}),
    },
  });
}

/** UNAUTHENTICATED: no token, a bad signature, an expired token. */
export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}
