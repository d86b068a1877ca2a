import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SUBGRAPHS } from '@mutual-graph/composition';
import { EFFECTS_ENVIRONMENT, EFFECTS_WORKER_PORT, GATEWAY_ENVIRONMENT, gatewayConfigFromEnv, RECEIVERS } from '@mutual-graph/gateway';
import { EFFECTS_ROLE, isKnownVariable, requiredVariables, SUBGRAPH_ENVIRONMENT, type EnvironmentSchema } from '@mutual-graph/platform';
import { DATABASE_OWNERS, roleName, STACK_ENVIRONMENT } from '@mutual-graph/stack';
import { parse } from 'yaml';

// There is no Docker engine on our machines: this keeps docker-compose.yml honest instead.
const ROOT = join(import.meta.dirname, '..', '..');
// `${X:-default}` becomes its default; `${X:?message}` (must come from the environment) a placeholder.
const resolveDefaults = (text: string) => text.replace(/\$\{[A-Z_]+:-([^}]*)\}/g, '$1').replace(/\$\{([A-Z_]+):\?[^}]*\}/g, 'from-environment:$1');
/** What these tests read of a service in docker-compose.yml. */
interface ComposeService {
  command: string[];
  environment: Record<string, string>;
  depends_on: Record<string, { condition: string }>;
  expose?: string[];
  ports?: string[];
}
const compose = parse(resolveDefaults(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8')), { merge: true }) as { services: Record<string, ComposeService> };
const { services } = compose;

/** `node [--import <tracing>] <file>.js` runs the build of a source file that exists (services load tracing first). */
function expectRunsBuiltSource(command: string[], sourceFile: string) {
  expect(command[0]).toBe('node');
  const rest = command[1] === '--import' ? (expect(command[2]).toBe('./packages/platform/dist/observability/telemetry.js'), command.slice(3)) : command.slice(1);
  expect(rest[0]).toBe(sourceFile.replace('/src/', '/dist/').replace(/\.ts$/, '.js'));
  expect(existsSync(join(ROOT, sourceFile))).toBe(true);
}

function expectOnlyKnownVariables(environment: Record<string, string>, schema: EnvironmentSchema) {
  for (const name of Object.keys(environment)) expect([name, isKnownVariable(schema, name)]).toEqual([name, true]);
  for (const name of requiredVariables(schema)) expect(environment).toHaveProperty(name);
}

describe('docker-compose.yml', () => {
  const postgres = services.postgres;
  const database = postgres.environment.POSTGRES_DB;

  it('has PostgreSQL, the setup job, the gateway, the effects worker and one service per subgraph, and nothing else', () => {
    expect(Object.keys(services).sort()).toEqual(['effects', 'gateway', 'postgres', 'setup', ...SUBGRAPHS.map((s) => s.name)].sort());
    expect(existsSync(join(ROOT, 'Dockerfile'))).toBe(true);
  });

  it('prepares the database as an administrator, with the passwords the subgraphs connect with', () => {
    const setup = services.setup;
    expectRunsBuiltSource(setup.command, 'packages/stack/src/setup.ts');
    expectOnlyKnownVariables(setup.environment, STACK_ENVIRONMENT);
    const admin = new URL(setup.environment.DATABASE_URL);
    expect([admin.username, admin.password, admin.hostname, admin.pathname]).toEqual([postgres.environment.POSTGRES_USER, postgres.environment.POSTGRES_PASSWORD, 'postgres', `/${database}`]);
    expect(setup.depends_on.postgres.condition).toBe('service_healthy');
  });

  it.each(SUBGRAPHS.map((s) => [s.name, s] as const))('runs subgraph %s as its own role, on its contract port, unpublished', (name, subgraph) => {
    const service = services[name];
    expectRunsBuiltSource(service.command, `subgraphs/${name}/src/server.ts`);
    expectOnlyKnownVariables(service.environment, SUBGRAPH_ENVIRONMENT);
    expect(service.environment.PORT).toBe(String(subgraph.defaultPort));
    expect(service.environment.HOST).toBe('0.0.0.0');
    expect(service.expose).toEqual([String(subgraph.defaultPort)]);
    expect(service.ports).toBeUndefined();
    expect(service.environment.GATEWAY_HOP_PUBLIC_KEY).toBe('from-environment:GATEWAY_HOP_PUBLIC_KEY');
    // Its own schema and every isolated store's, each as that owner's role, with setup's password for it.
    for (const owner of DATABASE_OWNERS.filter((o) => o.service === name)) {
      const url = new URL(service.environment[owner.variable]);
      expect([owner.variable, url.username, url.hostname, url.port, url.pathname]).toEqual([owner.variable, roleName(owner.name), 'postgres', '5432', `/${database}`]);
      expect(url.password).toBe(services.setup.environment[`${owner.name.toUpperCase()}_DB_PASSWORD`]);
    }
    expect(service.depends_on.setup.condition).toBe('service_completed_successfully');
    // The subgraphs it asks, at their services' addresses.
    for (const peer of subgraph.peers ?? []) {
      const other = SUBGRAPHS.find((s) => s.name === peer)!;
      expect(service.environment[`${peer.toUpperCase()}_SUBGRAPH_URL`]).toBe(`http://${peer}:${other.defaultPort}/graphql`);
    }
  });

  it('runs the effects worker as its own role, with the hop key, pointed at every subgraph an effect goes to, unpublished', () => {
    const effects = services.effects;
    expectRunsBuiltSource(effects.command, 'gateway/src/effects/server.ts');
    expectOnlyKnownVariables(effects.environment, EFFECTS_ENVIRONMENT);
    expect(effects.ports).toBeUndefined();
    expect(effects.expose).toEqual([String(EFFECTS_WORKER_PORT)]);
    expect(effects.environment.GATEWAY_HOP_PRIVATE_KEY).toBe('from-environment:GATEWAY_HOP_PRIVATE_KEY');
    const url = new URL(effects.environment.DATABASE_URL);
    expect([url.username, url.hostname, url.password]).toEqual([EFFECTS_ROLE, 'postgres', services.setup.environment.EFFECTS_DB_PASSWORD]);
    for (const name of RECEIVERS) {
      const subgraph = SUBGRAPHS.find((s) => s.name === name)!;
      expect(effects.environment[`${name.toUpperCase()}_SUBGRAPH_URL`]).toBe(`http://${name}:${subgraph.defaultPort}/graphql`);
    }
    expect(effects.depends_on.setup.condition).toBe('service_completed_successfully');
  });

  it('publishes only the gateway, pointed at every subgraph service', () => {
    const gateway = services.gateway;
    expectRunsBuiltSource(gateway.command, 'gateway/src/server.ts');
    expectOnlyKnownVariables(gateway.environment, GATEWAY_ENVIRONMENT);
    expect(gateway.ports).toEqual([`${gateway.environment.PORT}:4000`]);
    expect(gateway.environment.GATEWAY_HOP_PRIVATE_KEY).toBe('from-environment:GATEWAY_HOP_PRIVATE_KEY');
    expect(gateway.environment.AUTH_PUBLIC_KEY ?? gateway.environment.AUTH_JWKS_URL).toBeDefined();
    const audit = new URL(gateway.environment.DATABASE_URL);
    expect([audit.username, audit.hostname, audit.password]).toEqual([roleName('audit'), 'postgres', services.setup.environment.AUDIT_DB_PASSWORD]);
    for (const subgraph of SUBGRAPHS) {
      expect(gateway.environment[`${subgraph.name.toUpperCase()}_SUBGRAPH_URL`]).toBe(`http://${subgraph.name}:${subgraph.defaultPort}/graphql`);
    }
  });

  it('starts the gateway with the development key or with an identity provider from .env, and with neither refuses', () => {
    // What compose passes when .env sets some of the variables: the rest arrive empty, which counts as unset.
    const withEnv = (dotEnv: Record<string, string>) => ({
      ...Object.fromEntries(Object.entries(services.gateway.environment).map(([name, value]) => [name, value === null || String(value).startsWith('from-environment:') ? '' : String(value)])),
      GATEWAY_HOP_PRIVATE_KEY: JSON.stringify({ kty: 'OKP', crv: 'Ed25519', x: 'x', d: 'd' }),
      ...dotEnv,
    });
    const developmentKey = gatewayConfigFromEnv(withEnv({ AUTH_PUBLIC_KEY: JSON.stringify({ kty: 'OKP', crv: 'Ed25519', x: 'x' }) }));
    expect(developmentKey.authentication.jwksUrl).toBeUndefined();
    const provider = gatewayConfigFromEnv(
      withEnv({
        AUTH_JWKS_URL: 'https://sso.example.org/realms/mutual/protocol/openid-connect/certs',
        AUTH_ISSUER: 'https://sso.example.org/realms/mutual',
        AUTH_AUDIENCE: 'mutual-graph',
        AUTH_CLAIMS: 'keycloak',
      }),
    );
    expect(provider.authentication).toMatchObject({ issuer: 'https://sso.example.org/realms/mutual', claims: { roles: ['realm_access.roles'] } });
    expect(() => gatewayConfigFromEnv(withEnv({}))).toThrow(/set AUTH_JWKS_URL .* or AUTH_PUBLIC_KEY/);
  });
});
