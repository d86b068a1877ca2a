import { POLICY_MATRIX, type PurposePolicy } from '@mutual-graph/policy';
import { buildSchema } from 'graphql';

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
    (row.rootFields ?? []).filter((f) => !rootExists(f)).map((f) => `the ${purpose} purpose's rootFields name ${f}, which is no root field of the supergraph`));
}
