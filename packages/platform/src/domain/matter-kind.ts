import { MATTER_KINDS, type MatterKindCode } from '@mutual-graph/domain-codes';
import { registerEnumType } from 'type-graphql';

/** The kinds of medico-legal matter as a GraphQL enum, from the one list (schema's MATTER_KINDS), for every subgraph that shows them. */
export const MatterKind = Object.fromEntries(MATTER_KINDS.map((kind) => [kind, kind])) as { readonly [K in MatterKindCode]: K };
export type MatterKind = MatterKindCode;

registerEnumType(MatterKind, { name: 'MatterKind', description: 'What kind of medico-legal matter' });
