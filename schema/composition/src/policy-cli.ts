import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Supergraph } from '@apollo/federation-internals';
import { collectOperationUses, decideOperation, indexFields, isPurpose, PURPOSE_NAMES, readBindings } from '@mutual-graph/policy';
import { SUPERGRAPH_PATH } from '@mutual-graph/schema';
import { Kind, parse, validate } from 'graphql';
import { policyReport } from './policy-report.js';

export const POLICY_MD_PATH = fileURLToPath(new URL('../../POLICY.md', import.meta.url));

/**
 * `npm run policy`: writes schema/POLICY.md.
 * `npm run policy -- explain FILE.graphql --purpose P [--variables JSON]`: the categories an
 * operation touches and the gateway's decision, for people writing client operations.
 */
const [command, ...rest] = process.argv.slice(2);
const supergraphSdl = await readFile(SUPERGRAPH_PATH, 'utf8');

if (!command) {
  await writeFile(POLICY_MD_PATH, policyReport(supergraphSdl));
  console.log(`wrote ${POLICY_MD_PATH}`);
} else if (command === 'explain') {
  const file = rest.find((a) => !a.startsWith('--') && rest[rest.indexOf(a) - 1] !== '--purpose' && rest[rest.indexOf(a) - 1] !== '--variables');
  const purpose = rest[rest.indexOf('--purpose') + 1];
  const variables = rest.includes('--variables') ? (JSON.parse(rest[rest.indexOf('--variables') + 1]) as Record<string, unknown>) : {};
  if (!file || !isPurpose(purpose)) {
    console.error(`usage: npm run policy -- explain FILE.graphql --purpose <${PURPOSE_NAMES.join('|')}> [--variables JSON]`);
    process.exit(2);
  }
  const schema = Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
  const document = parse(await readFile(file, 'utf8'));
  const errors = validate(schema, document);
  if (errors.length > 0) {
    console.error(`not a valid operation on the graph:\n${errors.map((e) => `  - ${e.message}`).join('\n')}`);
    process.exit(1);
  }
  const index = indexFields(supergraphSdl);
  const bindings = readBindings(supergraphSdl);
  for (const operation of document.definitions) {
    if (operation.kind !== Kind.OPERATION_DEFINITION) continue;
    const { uses, rootFields, rootType } = collectOperationUses(schema, document, operation, index, variables);
    const decision = decideOperation(bindings, purpose, uses, rootFields, rootType);
    console.log(`operation ${operation.name?.value ?? '(anonymous)'} under ${purpose}`);
    for (const use of uses) console.log(`  ${use.coordinate.padEnd(44)} ${use.unclassified ? 'UNCLASSIFIED' : (use.category ?? 'not personal')}`);
    console.log(
      decision.allowed ? `  allowed: reads ${decision.categories.join(', ') || 'nothing personal'}` : `  refused: ${decision.rule} (${decision.message})\n  fields: ${decision.fields.join(', ')}`,
    );
  }
} else {
  console.error('usage: npm run policy [-- explain FILE.graphql --purpose P]');
  process.exit(2);
}
