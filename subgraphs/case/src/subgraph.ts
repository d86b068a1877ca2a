import { fileURLToPath } from 'node:url';
import type { SubgraphDefinition } from '@mutual-graph/platform';
import { AdviceCall } from './entities/advice-call.js';
import { MedicoLegalMatter } from './entities/medico-legal-matter.js';
import { createLoaders, type CaseLoaders } from './loaders/index.js';
import { MedicoLegalMatterResolver } from './resolvers/medico-legal-matter.resolver.js';
import { caseReferences } from './resolvers/member.reference.js';
import { MemberCaseworkResolver } from './resolvers/member.resolver.js';
import { seedCasework } from './seed.js';
import { Member } from './types/member.js';

/** The case subgraph: medico-legal matters and advice calls. */
export const caseSubgraph: SubgraphDefinition<CaseLoaders> = {
  name: 'case',
  defaultPort: 4002,
  database: {
    schema: 'casework',
    entities: [MedicoLegalMatter, AdviceCall],
    migrationsPath: fileURLToPath(new URL('./migrations', import.meta.url)),
  },
  schema: {
    resolvers: [MemberCaseworkResolver, MedicoLegalMatterResolver],
    // Entities reached only through `_entities` must be named, or type-graphql leaves them out.
    orphanedTypes: [Member, MedicoLegalMatter],
    referenceResolvers: caseReferences,
  },
  createLoaders,
  seed: seedCasework,
};
