import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { FIDES_CATEGORIES, fidesManifest, fidesMappingMarkdown } from '@mutual-graph/composition';
import { policySnapshot } from '@mutual-graph/policy';
import { SUPERGRAPH_PATH } from '@mutual-graph/schema';

// fideslang as published (schema/composition/fideslang/README.md): its Taxonomy model's JSON Schema and its default taxonomy.
const FIDESLANG = join(import.meta.dirname, '..', '..', 'fideslang');
const README = join(import.meta.dirname, '..', '..', '..', '..', 'README.md');
const readJson = async <T>(file: string) => JSON.parse(await readFile(join(FIDESLANG, file), 'utf8')) as T;
type Keyed = { fides_key: string }[];

interface Manifest {
  dataset: { fides_key: string; collections: { name: string; fields: { name: string; data_categories: string[] }[] }[] }[];
  data_use: { fides_key: string; parent_key: string }[];
  system: { fides_key: string; privacy_declarations: { data_use: string; data_categories: string[]; data_subjects: string[] }[] }[];
}

/** fideslang's own validators that its JSON Schema does not carry: key pattern, parent keys, and keys its taxonomy (or the manifest) defines. */
async function fideslangProblems(manifest: Manifest): Promise<string[]> {
  const categories = new Set((await readJson<{ data_category: Keyed }>('data_categories.json')).data_category.map((c) => c.fides_key));
  const defaultUses = new Set((await readJson<{ data_use: Keyed }>('data_uses.json')).data_use.map((c) => c.fides_key));
  const subjects = new Set((await readJson<{ data_subject: Keyed }>('data_subjects.json')).data_subject.map((c) => c.fides_key));
  const uses = new Set([...defaultUses, ...manifest.data_use.map((u) => u.fides_key)]);
  const problems: string[] = [];
  const key = (k: string) => (/^[a-zA-Z0-9_.<>-]+$/.test(k) ? [] : [`${k}: not a fides key`]);
  for (const d of manifest.dataset) {
    problems.push(...key(d.fides_key));
    for (const c of d.collections) for (const f of c.fields) for (const k of f.data_categories) if (!categories.has(k)) problems.push(`${d.fides_key}.${c.name}.${f.name}: no data category ${k}`);
  }
  for (const u of manifest.data_use) {
    problems.push(...key(u.fides_key));
    if (!defaultUses.has(u.parent_key)) problems.push(`${u.fides_key}: no data use ${u.parent_key}`);
    if (u.fides_key.split('.').slice(0, -1).join('.') !== u.parent_key) problems.push(`${u.fides_key}: parent_key ${u.parent_key} is not its parent`);
  }
  for (const s of manifest.system)
    for (const p of s.privacy_declarations) {
      if (!uses.has(p.data_use)) problems.push(`${s.fides_key}: no data use ${p.data_use}`);
      for (const k of p.data_categories) if (!categories.has(k)) problems.push(`${s.fides_key} ${p.data_use}: no data category ${k}`);
      for (const k of p.data_subjects) if (!subjects.has(k)) problems.push(`${s.fides_key} ${p.data_use}: no data subject ${k}`);
    }
  return problems;
}

describe('the Fides export', () => {
  let manifest: Manifest;
  let validate: ReturnType<Ajv2020['compile']>;

  beforeAll(async () => {
    const sdl = await readFile(SUPERGRAPH_PATH, 'utf8');
    manifest = parse(fidesManifest(sdl, policySnapshot(sdl))) as Manifest;
    validate = new Ajv2020({ strict: false, allErrors: true }).compile(await readJson('taxonomy.schema.json'));
  });

  it("validates against fideslang's Taxonomy model and uses only keys of its default taxonomy", async () => {
    expect(validate(manifest) ? [] : validate.errors).toEqual([]);
    expect(await fideslangProblems(manifest)).toEqual([]);
  });

  it('lists every personal field of the graph in the dataset of the subgraph that resolves it, with its categories mapped', () => {
    const member = manifest.dataset.find((d) => d.fides_key === 'mutual_graph_member')!;
    const fields = member.collections.find((c) => c.name === 'Member')!.fields;
    expect(fields.find((f) => f.name === 'lastName')).toMatchObject({ data_categories: [...FIDES_CATEGORIES.PROFILE].sort() });
    const matters = manifest.dataset.find((d) => d.fides_key === 'mutual_graph_case')!.collections.find((c) => c.name === 'Member')!.fields;
    expect(matters.find((f) => f.name === 'medicoLegalHistory')).toMatchObject({ data_categories: [...FIDES_CATEGORIES.MEDICO_LEGAL].sort() });
    // Nothing non-personal, no argument, no root field.
    expect(manifest.dataset.flatMap((d) => d.collections.map((c) => c.name))).not.toContain('Query');
  });

  it('declares each purpose that reads personal data as a data use under fideslang’s, with the categories the matrix gives it', () => {
    const declarations = manifest.system[0].privacy_declarations;
    expect(declarations.find((p) => p.data_use === 'marketing.communications.communications')).toMatchObject({ data_subjects: ['customer'] });
    expect(declarations.map((p) => p.data_use)).not.toContain('analytics.reporting.edi_reporting');
  });

  it('fails validation for an export naming a category fideslang does not have, or a broken resource', async () => {
    const typo = structuredClone(manifest);
    typo.dataset[0].collections[0].fields[0].data_categories = ['user.medical_secrets'];
    expect(await fideslangProblems(typo)).toEqual([expect.stringContaining('no data category user.medical_secrets')]);
    const broken = structuredClone(manifest) as unknown as { dataset: Record<string, unknown>[] };
    delete broken.dataset[0].collections;
    expect(validate(broken)).toBe(false);
    const use = structuredClone(manifest);
    use.data_use[0].parent_key = 'essential.mutual';
    expect(await fideslangProblems(use)).toEqual(expect.arrayContaining([expect.stringContaining('no data use essential.mutual')]));
  });

  it('shows the one mapping table in the README', async () => {
    // As Prettier leaves a Markdown table: cells padded, separators as long as their column, indented in a list item.
    const rows = (text: string) =>
      text
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line.startsWith('|'))
        .map((line) =>
          line
            .split('|')
            .map((cell) => cell.trim().replace(/^-+$/, '---'))
            .join('|'),
        );
    const readme = rows(await readFile(README, 'utf8')).join('\n');
    for (const table of fidesMappingMarkdown().split('\n\n')) expect(readme).toContain(rows(table).join('\n'));
  });
});
