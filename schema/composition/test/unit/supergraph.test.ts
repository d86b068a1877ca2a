import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { composeSupergraph, policyReport, unclassifiedFields } from '@mutual-graph/composition';
import { indexProvenance, POLICY_SPEC_URL, policySnapshot, readPolicySnapshot } from '@mutual-graph/policy';
import { POLICY_JSON_PATH, SUBGRAPH_SDL_DIR, SUPERGRAPH_PATH } from '@mutual-graph/schema';

const POLICY_MD_PATH = join(import.meta.dirname, '..', '..', '..', 'POLICY.md');

describe('the committed supergraph', () => {
  it('is exactly what composing the subgraphs gives now (run `npm run compose` after changing a subgraph)', async () => {
    const fresh = await composeSupergraph();
    expect(await readFile(SUPERGRAPH_PATH, 'utf8')).toBe(`${fresh.supergraphSdl.trim()}\n`);
    for (const [name, sdl] of Object.entries(fresh.subgraphSdl)) {
      expect(await readFile(join(SUBGRAPH_SDL_DIR, `${name}.graphql`), 'utf8')).toBe(`${sdl.trim()}\n`);
    }
  });

  it('makes Member an entity keyed by id in all four subgraphs', async () => {
    const { supergraphSdl } = await composeSupergraph();
    const member = /type Member\n((?:\s+@join__type\([^)]*\)\n)+)/.exec(supergraphSdl)?.[1] ?? '';
    for (const graph of ['MEMBER', 'CASE', 'EDUCATION', 'PRIVACY']) expect(member).toContain(`@join__type(graph: ${graph}, key: "id")`);
  });
});

describe('categories through composition', () => {
  it('fails composition for a field reachable from Member with no category and no @nonPersonal', async () => {
    const { supergraphSdl } = await composeSupergraph();
    expect(unclassifiedFields(supergraphSdl)).toEqual([]);
    const stripped = supergraphSdl.replace('minc: String @join__field(graph: MEMBER) @dataCategory(category: PROFESSIONAL)', 'minc: String @join__field(graph: MEMBER)');
    expect(stripped).not.toBe(supergraphSdl);
    expect(unclassifiedFields(stripped)).toEqual(['Member.minc']);
  });

  it('carries every category annotation into the supergraph', async () => {
    const sdl = await readFile(SUPERGRAPH_PATH, 'utf8');
    const imports = ['@dataCategory', '@nonPersonal', '@onlyForPurposes', '@requiresRole', '@subjectOnly', '@actsOnCaller', '@actsOnNamedMember', '@memberKey', '@gatewayEffect', '@provenance'];
    expect(sdl).toContain(`@link(url: "${POLICY_SPEC_URL}", import: [${imports.map((d) => `"${d}"`).join(', ')}])`);
    expect(sdl).toMatch(/edi: EdiProfile @join__field\(graph: MEMBER\) @dataCategory\(category: EDI\)/);
  });

  it("carries each field's provenance into the supergraph, where the portability export reads it", async () => {
    const provenance = indexProvenance(await readFile(SUPERGRAPH_PATH, 'utf8'));
    expect(provenance.get('SupportProgramEnrolment.memberPerspective')).toBe('MEMBER');
    expect(provenance.get('Contact.email')).toBe('MEMBER');
    expect(provenance.has('Member.membershipNumber')).toBe(false);
  });

  it('keeps schema/policy.json current (run `npm run policy`)', async () => {
    const written = readPolicySnapshot(await readFile(POLICY_JSON_PATH, 'utf8'));
    expect(written).toEqual(policySnapshot(await readFile(SUPERGRAPH_PATH, 'utf8')));
  });

  it('keeps schema/POLICY.md current (run `npm run policy`)', async () => {
    expect(await readFile(POLICY_MD_PATH, 'utf8')).toBe(policyReport(await readFile(SUPERGRAPH_PATH, 'utf8')));
  });
});
