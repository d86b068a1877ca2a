import { caseSubgraph } from '@mutual-graph/case-subgraph';
import { educationSubgraph } from '@mutual-graph/education-subgraph';
import { memberSubgraph } from '@mutual-graph/member-subgraph';
import { privacySubgraph } from '@mutual-graph/privacy-subgraph';
import type { ServiceRole, SubgraphDefinition } from '@mutual-graph/platform';

/** The four subgraphs, in the order their ports run (4001–4004). */
export const SUBGRAPHS: SubgraphDefinition<unknown>[] = [memberSubgraph, caseSubgraph, educationSubgraph, privacySubgraph] as SubgraphDefinition<unknown>[];

/** Each subgraph's database login role: `mg_<name>`, owner of the schema `<name>` and of nothing else. */
export function roleName(subgraph: string): string {
  return `mg_${subgraph}`;
}

export function serviceRoles(passwords: Record<string, string>): ServiceRole[] {
  return SUBGRAPHS.map((s) => ({ schema: s.database.schema, role: roleName(s.name), password: passwords[s.name]! }));
}
