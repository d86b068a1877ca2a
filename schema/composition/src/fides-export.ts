import { CATEGORIES, PURPOSE_NAMES, PURPOSES, type DataCategory, type PolicySnapshot, type Purpose } from '@mutual-graph/policy';
import { Kind, parse, type ConstDirectiveNode } from 'graphql';
import { stringify } from 'yaml';

/**
 * Our vocabulary in fideslang's default taxonomy (https://github.com/ethyca/fideslang, vendored in
 * schema/composition/fideslang/): each data category as the fideslang data categories it covers, each
 * purpose of use as the fideslang data use it is a kind of. The one table: the export uses it and the
 * README shows it (`fidesMappingMarkdown`, checked by a test).
 */
export const FIDES_CATEGORIES: Record<DataCategory, readonly string[]> = {
  PROFILE: ['user.name', 'user.demographic.date_of_birth', 'user.demographic.language', 'user.unique_id'],
  EDI: ['user.demographic.race_ethnicity', 'user.demographic.gender', 'user.demographic.sexual_orientation'],
  CONTACT: ['user.contact'],
  PROFESSIONAL: ['user.workplace', 'user.job_title', 'user.government_id'],
  MEMBERSHIP: ['user.account'],
  FINANCIAL: ['user.financial', 'user.payment'],
  SURVEY: ['user.content.private'],
  MEDICO_LEGAL: ['user.content.private', 'user.health_and_medical'],
  LEARNING: ['user.behavior'],
  PRIVACY_RECORD: ['user.privacy_preferences'],
  COMMUNICATIONS: ['user.privacy_preferences', 'user.contact'],
};

export const FIDES_DATA_USES: Record<Purpose, string> = {
  MEMBERSHIP: 'essential.service',
  PARTNER_CONFIRMATION: 'third_party_sharing',
  MEDICO_LEGAL_ASSISTANCE: 'essential.service.operations.support',
  RISK_MANAGEMENT: 'analytics.reporting',
  EDUCATION: 'essential.service',
  EDI_REPORTING: 'analytics.reporting',
  MEMBER_SELF_SERVICE: 'essential.service',
  PRIVACY_OFFICE: 'essential.legal_obligation',
  COMMUNICATIONS: 'marketing.communications',
  SERVICE_EVALUATION: 'functional.service.improve',
};

/** Whose data the graph holds, in fideslang's data subjects: the mutual's members. */
export const FIDES_DATA_SUBJECT = 'customer';

/** Our organisation's key prefix for what the export declares itself (datasets, the system, our purposes as custom data uses). */
const KEY = 'mutual_graph';

/** Each purpose as a custom fideslang data use under the one it is a kind of: `essential.service.membership`. */
export const fidesDataUseKey = (purpose: Purpose) => `${FIDES_DATA_USES[purpose]}.${purpose.toLowerCase()}`;

/** The mapping table, as the README shows it. */
export function fidesMappingMarkdown(): string {
  return [
    '| our category | fideslang data categories |',
    '| --- | --- |',
    ...Object.entries(FIDES_CATEGORIES).map(([c, keys]) => `| \`${c}\` | ${keys.map((k) => `\`${k}\``).join(', ')} |`),
    '',
    '| our purpose | fideslang data use (parent of ours) |',
    '| --- | --- |',
    ...PURPOSE_NAMES.map((p) => `| \`${p}\` | \`${FIDES_DATA_USES[p]}\` (\`${fidesDataUseKey(p)}\`) |`),
  ].join('\n');
}

const fidesCategories = (categories: Iterable<DataCategory>) => [...new Set([...categories].flatMap((c) => FIDES_CATEGORIES[c]))].sort();

const graphOf = (directives: readonly ConstDirectiveNode[] | undefined, name: string, external: boolean) =>
  (directives ?? [])
    .filter((d) => d.name.value === name)
    .filter((d) => external || !d.arguments?.some((a) => a.name.value === 'external' && a.value.kind === Kind.BOOLEAN && a.value.value))
    .flatMap((d) => d.arguments?.filter((a) => a.name.value === 'graph').flatMap((a) => (a.value.kind === Kind.ENUM ? [a.value.value.toLowerCase()] : [])) ?? []);

/** Where each object field is resolved: the subgraph of its own `@join__field` (not an external one), or its type's first. */
function owningSubgraphs(supergraphSdl: string): Map<string, string> {
  const owners = new Map<string, string>();
  for (const def of parse(supergraphSdl).definitions) {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.INTERFACE_TYPE_DEFINITION) continue;
    const typeGraphs = graphOf(def.directives, 'join__type', true);
    for (const field of def.fields ?? []) {
      const owner = graphOf(field.directives, 'join__field', false)[0] ?? typeGraphs[0];
      if (owner) owners.set(`${def.name.value}.${field.name.value}`, owner);
    }
  }
  return owners;
}

/**
 * The graph as a Fides manifest (YAML): one dataset per subgraph, a collection per type with its
 * personal fields and their fideslang categories; each purpose as a custom data use; and the graph as
 * one system whose privacy declarations say, per purpose, which categories it may read about whom.
 */
export function fidesManifest(supergraphSdl: string, snapshot: PolicySnapshot): string {
  const owners = owningSubgraphs(supergraphSdl);
  type FidesField = { name: string; description: string; data_categories: string[] };
  const byDataset = new Map<string, Map<string, FidesField[]>>();
  for (const [coordinate, category] of Object.entries(snapshot.fields)) {
    const owner = owners.get(coordinate);
    // Object fields only (arguments and input fields select, they hold nothing), personal ones only.
    if (!category || !owner || coordinate.includes('(') || coordinate.startsWith('_') || /^(Query|Mutation)\./.test(coordinate)) continue;
    const [type, field] = coordinate.split('.') as [string, string];
    const collections = byDataset.get(owner) ?? new Map<string, FidesField[]>();
    byDataset.set(owner, collections);
    const fields: FidesField[] = collections.get(type) ?? [];
    collections.set(type, fields);
    fields.push({ name: field, description: `${category}: ${CATEGORIES[category]}`, data_categories: fidesCategories([category]) });
  }
  const dataset = [...byDataset.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([subgraph, collections]) => ({
      fides_key: `${KEY}_${subgraph}`,
      name: `mutual-graph ${subgraph} subgraph`,
      description: `The personal fields the ${subgraph} subgraph resolves, by GraphQL type, with their data categories (generated by npm run policy -- export --format fides).`,
      collections: [...collections.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([name, fields]) => ({ name, fields: fields.sort((a, b) => a.name.localeCompare(b.name)) })),
    }));
  const data_use = PURPOSE_NAMES.map((p) => ({
    fides_key: fidesDataUseKey(p),
    name: p,
    description: PURPOSES[p],
    parent_key: FIDES_DATA_USES[p],
  }));
  const system = [
    {
      fides_key: KEY,
      name: 'mutual-graph',
      description: "The federated GraphQL graph of members' records: what each purpose of use may read, from its policy matrix.",
      system_type: 'Service',
      dataset_references: dataset.map((d) => d.fides_key),
      privacy_declarations: PURPOSE_NAMES.flatMap((p) => {
        const row = snapshot.matrix[p];
        const categories = fidesCategories([...row.categories, ...(row.peerCallCategories ?? [])]);
        // A purpose that reads no personal category (aggregates, content about no one) declares no processing.
        if (categories.length === 0) return [];
        return [{ name: p, data_use: fidesDataUseKey(p), data_categories: categories, data_subjects: [FIDES_DATA_SUBJECT], dataset_references: dataset.map((d) => d.fides_key) }];
      }),
    },
  ];
  return stringify({ dataset, data_use, system }, { lineWidth: 0 });
}
