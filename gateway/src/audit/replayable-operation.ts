import type { PolicyBindings } from '@mutual-graph/policy';
import { memberIdsOfRoots, type OperationUses } from '@mutual-graph/policy';
import { usageReportingSignature } from '@apollo/utils.usagereporting';
import type { DocumentNode, GraphQLObjectType } from 'graphql';

/**
 * What `npm run policy -- replay` needs of an operation to decide it again, and no more: the
 * operation as Apollo's usage reporting signs it (only the operation run and the fragments it spreads,
 * every string and number literal emptied, lists and objects emptied, aliases removed: its fields,
 * not what it was given), what its arguments selected by, and whether the members it named were the
 * caller's own. No variable, no literal, no member id.
 */
export interface ReplayableOperation {
  document: string;
  /** Every argument and input field given a value, by schema coordinate (from the variables as the decision read them). */
  argumentUses: string[];
  /** For the caller's-own-record check: whether the token named a member, and per root field how many members it named and whether any was another. */
  memberScope: MemberScope;
}

export interface MemberScope {
  callerIsMember: boolean;
  roots: { field: string; named: number; foreign: boolean }[];
}

/** Signatures by parsed document (Apollo Server keeps one per distinct operation text), then by operation name. */
const signatures = new WeakMap<DocumentNode, Map<string, string>>();

function signatureOf(document: DocumentNode, operationName: string): string {
  let byName = signatures.get(document);
  if (!byName) signatures.set(document, (byName = new Map<string, string>()));
  let signature = byName.get(operationName);
  if (signature === undefined) byName.set(operationName, (signature = usageReportingSignature(document, operationName)));
  return signature;
}

/** The replayable record of one decided operation, from what the decision read. */
export function replayableOperation(
  document: DocumentNode,
  operationName: string | undefined,
  argumentUses: OperationUses['uses'],
  bindings: PolicyBindings,
  root: GraphQLObjectType,
  rootArguments: OperationUses['rootArguments'],
  ownMemberId: string | undefined,
): ReplayableOperation {
  return {
    document: signatureOf(document, operationName ?? ''),
    argumentUses: [...new Set(argumentUses.map((u) => u.coordinate))].sort(),
    memberScope: {
      callerIsMember: ownMemberId !== undefined,
      roots: memberIdsOfRoots(bindings, root, rootArguments).map(({ field, named }) => ({ field, named: named.length, foreign: named.some((id) => ownMemberId === undefined || id !== ownMemberId) })),
    },
  };
}
