import { SUBGRAPHS } from '@mutual-graph/composition';
import type { ServiceRole } from '@mutual-graph/platform';

export { SUBGRAPHS };

/** Each subgraph's database login role: `mg_<name>`, owner of its schema and of nothing else. */
export function roleName(subgraph: string): string {
  return `mg_${subgraph}`;
}

export function serviceRoles(passwords: Record<string, string>): ServiceRole[] {
  return SUBGRAPHS.map((s) => ({ schema: s.database.schema, role: roleName(s.name), password: passwords[s.name]! }));
}
