import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { Supergraph } from '@apollo/federation-internals';
import { collectOperationUses, comparePolicies, decideOperation, indexFields, isPurpose, policySnapshot, PURPOSE_NAMES, readBindings, readPolicySnapshot } from '@mutual-graph/policy';
import { POLICY_JSON_PATH, SUPERGRAPH_PATH } from '@mutual-graph/schema';
import { Kind, parse, validate } from 'graphql';
import { readRecordedOperations } from './audit-reader.js';
import { derivedFieldProblems } from './derived-fields.js';
import { fidesManifest } from './fides-export.js';
import { changesAsJson, changesAsMarkdown, policyAt } from './policy-diff.js';
import { policyReport } from './policy-report.js';
import { proposedGraph, replayAsMarkdown, replayOperations } from './replay.js';

export const POLICY_MD_PATH = fileURLToPath(new URL('../../POLICY.md', import.meta.url));
const REPOSITORY_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The variable a replay reads the privacy office's database login from, unless `--database-url` gives it. */
const AUDIT_URL_VARIABLE = 'PRIVACY_OFFICE_DATABASE_URL';

const HELP: Record<string, string> = {
  '': `usage: npm run policy [-- <command>]

  (none)    write schema/POLICY.md and schema/policy.json from the supergraph and the matrix
  explain   the categories an operation touches and the gateway's decision
  diff      what a change to the graph or the matrix changes in who may read what; exits 1 on a widening
  replay    decide the access audit's recorded operations again under a proposed matrix
  export    the graph for privacy tooling (Fides datasets, data uses and a system)

npm run policy -- <command> --help says more.`,
  explain: `usage: npm run policy -- explain FILE.graphql --purpose <${PURPOSE_NAMES.join('|')}> [--variables JSON]

Prints every field and argument the operations in FILE touch with its category, and the decision.`,
  diff: `usage: npm run policy -- diff <git-ref | before.json> [after.json] [--format markdown|json] [--allow-widening]

Compares the policy at a git ref (its schema/policy.json), or in a file, with the working tree's (the
supergraph and matrix as built now, or after.json) and prints, per purpose, the fields and arguments it
gains and loses, categories moved, new and removed fields, EDI isolation, bindings and derived fields.
Exits 1 when the change widens what some purpose may read, unless --allow-widening says it is intended;
exits 0 on a narrowing or no change, 2 on an error.`,
  replay: `usage: npm run policy -- replay [--matrix proposed-policy.json] [--supergraph FILE] [--since 7d] [--format markdown|json] [--database-url URL]

Reads the access audit's operations since then (7d, 12h, 30m; default 7d) as the privacy office's login
(--database-url, or ${AUDIT_URL_VARIABLE}), decides each again under the proposed policy (a policy.json
as npm run policy writes it; default the working tree's) and supergraph (default schema/supergraph.graphql),
and prints the operations now refused and now allowed, by principal, purpose and operation name. No member's data.`,
  export: `usage: npm run policy -- export --format fides [--out FILE]

Writes the graph as a Fides manifest (YAML): a dataset per subgraph with its personal fields and their
fideslang data categories, each purpose as a data use, and the graph as a system with a privacy
declaration per purpose. To stdout unless --out names a file.`,
};

function usage(command: string, problem?: string): never {
  if (problem) console.error(`${problem}\n`);
  (problem ? console.error : console.log)(HELP[command] ?? HELP['']);
  process.exit(problem ? 2 : 0);
}

/** A command's options (strings, and flags as booleans) and its positionals; `--help` prints its usage, anything unknown is an error. */
function options(
  command: string,
  args: string[],
  spec: NonNullable<ParseArgsConfig['options']>,
): { values: Record<string, string | undefined>; flags: Record<string, boolean>; positionals: string[] } {
  try {
    const parsed = parseArgs({ args, options: { ...spec, help: { type: 'boolean' } }, allowPositionals: true, strict: true });
    const values = parsed.values as Record<string, string | boolean | undefined>;
    if (values.help) usage(command);
    const pick = <V>(kind: 'string' | 'boolean') => Object.fromEntries(Object.entries(values).filter(([k]) => spec[k]?.type === kind)) as Record<string, V>;
    return { values: pick<string | undefined>('string'), flags: pick<boolean>('boolean'), positionals: parsed.positionals };
  } catch (error) {
    return usage(command, (error as Error).message);
  }
}

const [command = '', ...rest] = process.argv.slice(2);
const supergraphSdl = () => readFile(SUPERGRAPH_PATH, 'utf8');

try {
  if (command === '' || command === '--help' || command === 'help') {
    if (command !== '') usage('');
    const sdl = await supergraphSdl();
    await writeFile(POLICY_MD_PATH, policyReport(sdl));
    await writeFile(POLICY_JSON_PATH, `${JSON.stringify(policySnapshot(sdl), null, 2)}\n`);
    console.log(`wrote ${POLICY_MD_PATH} and ${POLICY_JSON_PATH}`);
  } else if (command === 'explain') {
    const { values, positionals } = options('explain', rest, { purpose: { type: 'string' }, variables: { type: 'string' } });
    const [file] = positionals;
    if (!file || !isPurpose(values.purpose)) usage('explain', 'explain needs an operation file and one of the purposes');
    const purpose = values.purpose;
    const variables = values.variables ? (JSON.parse(values.variables) as Record<string, unknown>) : {};
    const sdl = await supergraphSdl();
    const schema = Supergraph.build(sdl).apiSchema().toGraphQLJSSchema();
    const document = parse(await readFile(file, 'utf8'));
    const errors = validate(schema, document);
    if (errors.length > 0) {
      console.error(`not a valid operation on the graph:\n${errors.map((e) => `  - ${e.message}`).join('\n')}`);
      process.exit(1);
    }
    const index = indexFields(sdl);
    const bindings = readBindings(sdl);
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
  } else if (command === 'diff') {
    const { values, flags, positionals } = options('diff', rest, { format: { type: 'string', default: 'markdown' }, 'allow-widening': { type: 'boolean', default: false } });
    const [before, after] = positionals;
    if (!before || positionals.length > 2 || !['markdown', 'json'].includes(values.format!)) usage('diff', 'diff needs a git ref or a file, and --format markdown or json');
    const was = await policyAt(before, REPOSITORY_ROOT);
    const is = after ? readPolicySnapshot(await readFile(after, 'utf8'), after) : policySnapshot(await supergraphSdl());
    const labels = { before, after: after ?? 'working tree' };
    const changes = comparePolicies(was, is);
    // A snapshot edited by hand (a proposal) has not been through composition: its derived fields are checked here too.
    changes.widenings.push(...derivedFieldProblems(is).map((p) => `derived field: ${p}`));
    console.log(values.format === 'json' ? changesAsJson(changes, labels) : changesAsMarkdown(changes, is, labels));
    if (changes.widenings.length > 0 && !flags['allow-widening']) {
      console.error(`policy diff: ${changes.widenings.length} widening(s); pass --allow-widening when they are intended`);
      process.exit(1);
    }
  } else if (command === 'replay') {
    const { values } = options('replay', rest, {
      matrix: { type: 'string' },
      supergraph: { type: 'string' },
      since: { type: 'string', default: '7d' },
      format: { type: 'string', default: 'markdown' },
      'database-url': { type: 'string' },
    });
    const databaseUrl = values['database-url'] ?? process.env[AUDIT_URL_VARIABLE];
    if (!databaseUrl) usage('replay', `replay reads the audit as the privacy office: give --database-url or ${AUDIT_URL_VARIABLE}`);
    if (!['markdown', 'json'].includes(values.format!)) usage('replay', '--format is markdown or json');
    const sdl = values.supergraph ? await readFile(values.supergraph, 'utf8') : await supergraphSdl();
    const snapshot = values.matrix ? readPolicySnapshot(await readFile(values.matrix, 'utf8'), values.matrix) : policySnapshot(sdl);
    const started = performance.now();
    const records = await readRecordedOperations(databaseUrl, values.since!);
    const report = replayOperations(records, proposedGraph(sdl, snapshot));
    const seconds = Number(((performance.now() - started) / 1000).toFixed(2));
    const labels = { matrix: values.matrix ?? 'the working tree', since: values.since! };
    console.log(values.format === 'json' ? JSON.stringify({ ...labels, seconds, ...report }, null, 2) : `${replayAsMarkdown(report, labels)}\n(${seconds} s)`);
  } else if (command === 'export') {
    const { values } = options('export', rest, { format: { type: 'string' }, out: { type: 'string' } });
    if (values.format !== 'fides') usage('export', 'export --format fides is the one format');
    const sdl = await supergraphSdl();
    const manifest = fidesManifest(sdl, policySnapshot(sdl));
    if (values.out) {
      await writeFile(values.out, manifest);
      console.log(`wrote ${values.out}`);
    } else process.stdout.write(manifest);
  } else {
    usage('', `no command ${command}`);
  }
} catch (error) {
  console.error(`policy ${command}: ${(error as Error).message}`);
  process.exit(2);
}
