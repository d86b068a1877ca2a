import { executeCodegen } from '@graphql-codegen/cli';
import { Kind, parse, print, visit } from 'graphql';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import config, { GENERATED_OPERATIONS } from '../../codegen.js';

/** What `npm run codegen` would write now, in memory; the generator's error when it cannot. */
async function generate(schema = config.schema): Promise<string> {
  const { result, error } = await executeCodegen({ ...config, schema, silent: true });
  if (error) throw error;
  const [file] = result;
  if (result.length !== 1 || file?.filename !== GENERATED_OPERATIONS) throw new Error(`expected one output, ${GENERATED_OPERATIONS}`);
  return file.content;
}

/** A copy of the supergraph in which `Type.field` is called something else, as a rename in a subgraph would leave it. */
function supergraphRenaming(coordinate: string, dir: string): string {
  const [typeName, fieldName] = coordinate.split('.');
  const sdl = readFileSync(config.schema as string, 'utf8');
  let renamed = 0;
  const document = visit(parse(sdl), {
    ObjectTypeDefinition(type) {
      if (type.name.value !== typeName) return undefined;
      return {
        ...type,
        fields: type.fields?.map((field) => {
          if (field.name.value !== fieldName) return field;
          renamed += 1;
          return { ...field, name: { kind: Kind.NAME, value: `${fieldName}Renamed` } };
        }),
      };
    },
  });
  if (renamed !== 1) throw new Error(`the supergraph has no ${coordinate} to rename`);
  const path = join(dir, 'supergraph.graphql');
  writeFileSync(path, print(document));
  return path;
}

describe("the gateway's own operations, typed by GraphQL Code Generator from the supergraph", () => {
  it('the committed operations.generated.ts is what `npm run codegen` generates from the documents and the supergraph now', async () => {
    expect(readFileSync(GENERATED_OPERATIONS, 'utf8')).toBe(await generate());
  });

  describe('a document that names what the supergraph lacks fails generation', () => {
    let dir: string;
    beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'mg-codegen-'))));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it.each(['Mutation.recordConsentGrants', 'Mutation.recordAccessReportRelease', 'Query.accessReportClearance', 'Member.disclosures', 'EdiProfile.answeredOn'])(
      'a supergraph without %s (renamed) generates nothing',
      async (coordinate) => {
        const fieldName = coordinate.split('.')[1];
        await expect(generate(supergraphRenaming(coordinate, dir))).rejects.toThrow(new RegExp(`Cannot query field "${fieldName}" on type`));
      },
    );
  });

  it('nothing the gateway runs imports the generator: its code uses only the generated file', () => {
    const src = fileURLToPath(new URL('../../src/', import.meta.url));
    const importing = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((path) => path.endsWith('.ts') && /from '@graphql-codegen\//.test(readFileSync(join(src, path), 'utf8')));
    expect(importing).toEqual([]);
  });
});
