import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { SUBGRAPHS } from '@mutual-graph/composition';
import { EFFECTS_ENVIRONMENT, EFFECTS_WORKER_PORT, effectsWorkerConfigFromEnv, GATEWAY_ENVIRONMENT, gatewayConfigFromEnv, RECEIVERS } from '@mutual-graph/gateway';
import { EFFECTS_ROLE, isKnownVariable, readEnvironment, requiredVariables, SUBGRAPH_ENVIRONMENT, type EnvironmentSchema } from '@mutual-graph/platform';
import { PARTNER_SUPERGRAPH_PATH, SUPERGRAPH_PATH } from '@mutual-graph/schema';
import { DATABASE_LOGINS, DATABASE_OWNERS, EFFECTS_LOGIN, PRIVACY_OFFICE_LOGIN, roleName, seedOptionsFromEnv, STACK_ENVIRONMENT, stackEnvironment } from '@mutual-graph/stack';
import { kustomize, ofKind, quantity, schemaErrors, selects, type KubernetesObject, type LabelSelector } from './support/kubernetes-manifests.js';
import { allowed, egressAllows, ingressAllows, reachesDns, type Party } from './support/network-policies.js';

// No cluster here: this renders deploy/kubernetes's overlays and holds them to the Kubernetes schemas and to the services' own contracts.
const ROOT = join(import.meta.dirname, '..', '..');
const OVERLAYS = ['single-node', 'production'] as const;
/** The README's section on Kubernetes: how to create the Secrets and apply an overlay. */
const GUIDE =
  readFileSync(join(ROOT, 'README.md'), 'utf8')
    .split(/^## /m)
    .find((section) => section.startsWith('Deploying on Kubernetes\n')) ?? '';
/** The variables `npm run -s keys` prints, which the guide turns into the keys Secret. */
const PRINTED_KEYS = [...readFileSync(join(ROOT, 'packages/stack/src/keys.ts'), 'utf8').matchAll(/console\.log\(`([A-Z_]+)=/g)].map((m) => m[1]);

interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef?: { name: string; key: string; optional?: boolean }; [other: string]: unknown };
}
interface Container {
  name: string;
  image: string;
  command: string[];
  ports?: { name?: string; containerPort: number }[];
  env?: EnvVar[];
  envFrom?: unknown[];
  readinessProbe?: { httpGet?: { path: string; port: number | string } };
  livenessProbe?: { httpGet?: { path: string; port: number | string } };
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  volumeMounts?: { name: string; mountPath: string; subPath?: string }[];
}
interface PodTemplate {
  metadata: { labels: Record<string, string> };
  spec: { containers: Container[]; volumes?: { name: string; configMap?: { name: string } }[] };
}
type Workload = KubernetesObject & { spec: { selector?: LabelSelector; replicas?: number; template: PodTemplate } };

/** Each long-running service: its environment schema, the port it answers on, the source its command runs. */
const SERVICES: { name: string; schema: EnvironmentSchema; port: number; source: string }[] = [
  ...SUBGRAPHS.map((s) => ({ name: s.name, schema: SUBGRAPH_ENVIRONMENT, port: s.defaultPort, source: `subgraphs/${s.name}/src/server.ts` })),
  { name: 'gateway', schema: GATEWAY_ENVIRONMENT, port: 4000, source: 'gateway/src/server.ts' },
  { name: 'effects', schema: EFFECTS_ENVIRONMENT, port: EFFECTS_WORKER_PORT, source: 'gateway/src/effects/server.ts' },
];
/** Who calls each subgraph: the gateway, the effects worker for the subgraphs effects go to, and the subgraphs that name it a peer. */
const callersOf = (subgraph: string) => ['gateway', ...(RECEIVERS.includes(subgraph) ? ['effects'] : []), ...SUBGRAPHS.filter((s) => s.peers?.includes(subgraph)).map((s) => s.name)].sort();
/** Whom each service calls. */
const calleesOf = (service: string) => (service === 'gateway' ? SUBGRAPHS.map((s) => s.name) : service === 'effects' ? RECEIVERS : (SUBGRAPHS.find((s) => s.name === service)?.peers ?? []));
/** Variables that carry a key or a password: never a literal value in the manifests. */
const SENSITIVE = /PASSWORD|_KEY$|DATABASE_(REPLICA_)?URL$/;
/** Each subgraph's login on a streaming standby (DATABASE_REPLICA_URL): the one key a deployment may leave out. */
const REPLICA_KEYS = SUBGRAPHS.map((s) => `${s.name}-replica-url`);
/** The Secrets the manifests reference, created apart (README): each key's name. */
const SECRET_KEYS: Record<string, string[]> = {
  'mutual-graph-keys': ['GATEWAY_HOP_PRIVATE_KEY', 'GATEWAY_HOP_PUBLIC_KEY', 'AUTH_PUBLIC_KEY'],
  'mutual-graph-database': ['admin-url', ...[...DATABASE_OWNERS.map((o) => o.name), EFFECTS_LOGIN, PRIVACY_OFFICE_LOGIN].flatMap((login) => [`${login}-url`, `${login}-password`]), ...REPLICA_KEYS],
};

/** A value of the right shape for a secret's key, to hand the services' own configuration readers. */
function sampleSecret(key: string): string {
  if (key.endsWith('-url')) return 'postgres://role:password@postgres:5432/mutual_graph';
  if (key.endsWith('-password')) return 'password';
  if (key === 'GATEWAY_HOP_PRIVATE_KEY') return JSON.stringify({ kty: 'OKP', crv: 'Ed25519', x: 'x', d: 'd' });
  return JSON.stringify({ kty: 'OKP', crv: 'Ed25519', x: 'x' });
}

/** A container's environment as the process would see it, secrets replaced by samples; each variable set once, from a value or a secret only. */
function environmentOf(container: Container): Record<string, string> {
  expect(container.envFrom).toBeUndefined(); // every name in sight, for the schema checks below
  const env: Record<string, string> = {};
  for (const variable of container.env ?? []) {
    expect([variable.name, variable.name in env]).toEqual([variable.name, false]);
    if (variable.valueFrom) {
      expect([variable.name, Object.keys(variable.valueFrom)]).toEqual([variable.name, ['secretKeyRef']]);
      env[variable.name] = sampleSecret(variable.valueFrom.secretKeyRef!.key);
    } else {
      expect([variable.name, SENSITIVE.test(variable.name)]).toEqual([variable.name, false]);
      env[variable.name] = variable.value ?? '';
    }
  }
  return env;
}

/** The secret a variable is read from, or undefined. */
const secretOf = (container: Container, name: string) => container.env?.find((v) => v.name === name)?.valueFrom?.secretKeyRef;

/** `node [--import <tracing>] <file>.js` runs the build of a source file that exists. */
function expectRunsBuiltSource(command: string[], sourceFile: string) {
  expect(command[0]).toBe('node');
  const rest = command[1] === '--import' ? (expect(command[2]).toBe('./packages/platform/dist/observability/telemetry.js'), command.slice(3)) : command.slice(1);
  expect(rest[0]).toBe(sourceFile.replace('/src/', '/dist/').replace(/\.ts$/, '.js'));
  expect(existsSync(join(ROOT, sourceFile))).toBe(true);
}

describe.each(OVERLAYS)('deploy/kubernetes/overlays/%s', (overlay) => {
  const objects = kustomize(join(ROOT, 'deploy', 'kubernetes', 'overlays', overlay));
  const deployments = ofKind<Workload>(objects, 'Deployment');
  const deploymentOf = (name: string) => deployments.find((d) => d.metadata.name === name)!;
  const containerOf = (name: string) => deploymentOf(name).spec.template.spec.containers[0];
  const podOf = (name: string) => deploymentOf(name).spec.template.metadata.labels;
  const job = ofKind<Workload>(objects, 'Job').find((j) => j.metadata.name === 'setup')!;
  const policies = ofKind(objects, 'NetworkPolicy');

  it('renders only objects valid against the published Kubernetes schemas', async () => {
    expect(objects.length).toBeGreaterThan(0);
    const errors = await Promise.all(objects.map(async (o) => [`${o.kind}/${o.metadata.name}`, await schemaErrors(o)]));
    expect(errors.filter(([, error]) => error !== undefined)).toEqual([]);
  });

  it('runs one Deployment per service, each the one image, its command building on a source that exists', () => {
    expect(deployments.map((d) => d.metadata.name).sort()).toEqual(SERVICES.map((s) => s.name).sort());
    const images = new Set([...deployments, job].flatMap((w) => w.spec.template.spec.containers.map((c) => c.image)));
    expect(images.size).toBe(1);
    for (const service of SERVICES) {
      const deployment = deploymentOf(service.name);
      expect(deployment.spec.template.spec.containers).toHaveLength(1);
      expectRunsBuiltSource(containerOf(service.name).command, service.source);
      // The autoscaler owns the count: a number here would be reset by every apply.
      expect([service.name, deployment.spec.replicas]).toEqual([service.name, undefined]);
      expect(selects(deployment.spec.selector!, podOf(service.name))).toBe(true);
      // Its selector picks no other service's pods.
      for (const other of SERVICES.filter((s) => s.name !== service.name))
        expect([service.name, other.name, selects(deployment.spec.selector!, podOf(other.name))]).toEqual([service.name, other.name, false]);
    }
  });

  it.each(SERVICES.map((s) => [s.name, s] as const))('%s: probes /ready and /health on its port, with requests and limits', (name, service) => {
    const container = containerOf(name);
    expect(container.ports).toHaveLength(1);
    const [port] = container.ports!;
    expect(port.containerPort).toBe(service.port);
    const env = environmentOf(container);
    expect([env.PORT, env.HOST]).toEqual([String(service.port), '0.0.0.0']);
    for (const [probe, path] of [
      [container.readinessProbe, '/ready'],
      [container.livenessProbe, '/health'],
    ] as const) {
      expect(probe?.httpGet?.path).toBe(path);
      expect([port.name, port.containerPort]).toContain(probe!.httpGet!.port);
    }
    for (const resource of ['cpu', 'memory']) {
      const request = quantity(container.resources!.requests![resource]);
      const limit = quantity(container.resources!.limits![resource]);
      expect(request).toBeGreaterThan(0);
      expect(limit).toBeGreaterThanOrEqual(request);
    }
  });

  it.each(SERVICES.map((s) => [s.name, s] as const))('%s: sets only variables its schema knows, every required one, and the service accepts them', (name, service) => {
    const env = environmentOf(containerOf(name));
    for (const variable of Object.keys(env)) expect([variable, isKnownVariable(service.schema, variable)]).toEqual([variable, true]);
    for (const variable of requiredVariables(service.schema)) expect(env).toHaveProperty(variable);
    // What the service's own reader makes of it (the gateway's and the worker's also check variables against each other).
    if (name === 'gateway') {
      expect(gatewayConfigFromEnv(env).subgraphUrls).toEqual(Object.fromEntries(SUBGRAPHS.map((s) => [s.name, `http://${s.name}:${s.defaultPort}/graphql`])));
    } else if (name === 'effects') {
      expect(Object.keys(effectsWorkerConfigFromEnv(env).subgraphUrls).sort()).toEqual([...RECEIVERS].sort());
    } else {
      expect(() => readEnvironment(SUBGRAPH_ENVIRONMENT, env)).not.toThrow();
    }
  });

  it('reads every key and password from the Secrets created apart, none in the repository, each key one the README creates', () => {
    expect(ofKind(objects, 'Secret')).toEqual([]);
    const containers = [...deployments, job].flatMap((w) => w.spec.template.spec.containers);
    const referenced = containers.flatMap((c) => (c.env ?? []).flatMap((v) => (v.valueFrom?.secretKeyRef ? [v.valueFrom.secretKeyRef] : [])));
    expect(referenced.length).toBeGreaterThan(0);
    for (const { name, key } of referenced) expect([name, key, SECRET_KEYS[name]?.includes(key)]).toEqual([name, key, true]);
    // The guide's commands create each of them: the keys from `npm run -s keys`, a URL and a password for each login in its loop.
    expect(GUIDE).toContain('npm run -s keys');
    expect(GUIDE).toContain('create secret generic mutual-graph-keys --from-env-file=');
    for (const { key } of referenced.filter((r) => r.name === 'mutual-graph-keys')) expect([key, PRINTED_KEYS.includes(key)]).toEqual([key, true]);
    const loop = /for login in ([a-z_ ]+); do/.exec(GUIDE);
    // Only a replica's URL may be missing from the Secret (the subgraph then reads the primary alone); the guide says how to add one.
    for (const { key, optional } of referenced) expect([key, optional === true]).toEqual([key, REPLICA_KEYS.includes(key)]);
    for (const subgraph of SUBGRAPHS) expect([subgraph.name, secretOf(containerOf(subgraph.name), 'DATABASE_REPLICA_URL')?.key]).toEqual([subgraph.name, `${subgraph.name}-replica-url`]);
    expect(GUIDE).toContain('$login-replica-url=');
    const logins = referenced.filter((r) => r.name === 'mutual-graph-database' && r.key !== 'admin-url' && !REPLICA_KEYS.includes(r.key)).map((r) => r.key.replace(/-(url|password)$/, ''));
    expect(loop?.[1].split(' ').sort()).toEqual([...new Set(logins)].sort());
    expect(GUIDE).toContain('--from-literal=admin-url=');
    expect(GUIDE).toContain('--from-literal=$login-password=$password --from-literal=$login-url=postgres://mg_$login:$password@');
    // `mg_$login` is each login's role: the owners' (roleName) and the effects worker's.
    expect(EFFECTS_ROLE).toBe(roleName(EFFECTS_LOGIN));
    for (const container of containers)
      for (const variable of container.env ?? []) if (SENSITIVE.test(variable.name)) expect([variable.name, secretOf(container, variable.name)]).toEqual([variable.name, expect.anything()]);
  });

  it('gives each service its own database login, and the setup Job the password of each one the services use', () => {
    for (const owner of DATABASE_OWNERS) expect([owner.name, secretOf(containerOf(owner.service), owner.variable)?.key]).toEqual([owner.name, `${owner.name}-url`]);
    expect(secretOf(containerOf('effects'), 'DATABASE_URL')?.key).toBe(`${EFFECTS_LOGIN}-url`);
    const setup = job.spec.template.spec.containers[0];
    expectRunsBuiltSource(setup.command, 'packages/stack/src/setup.ts');
    const env = environmentOf(setup);
    for (const variable of Object.keys(env)) expect([variable, isKnownVariable(STACK_ENVIRONMENT, variable)]).toEqual([variable, true]);
    expect(() => stackEnvironment(env)).not.toThrow();
    expect(secretOf(setup, 'DATABASE_URL')?.key).toBe('admin-url');
    for (const login of DATABASE_LOGINS.filter((l) => isKnownVariable(STACK_ENVIRONMENT, `${l.toUpperCase()}_DB_PASSWORD`))) {
      expect([login, secretOf(setup, `${login.toUpperCase()}_DB_PASSWORD`)?.key]).toEqual([login, `${login}-password`]);
    }
  });

  it('seeds synthetic members only on a single node: the production setup Job seeds nothing', () => {
    const seed = seedOptionsFromEnv(environmentOf(job.spec.template.spec.containers[0]));
    if (overlay === 'production') expect(seed).toBeNull();
    else expect(seed?.members).toBeGreaterThan(0);
  });

  it('serves each service on its contract port under its own name, and points every caller at those names', () => {
    const services = ofKind<KubernetesObject & { spec: { selector: Record<string, string>; ports: { port: number; targetPort: number | string }[] } }>(objects, 'Service');
    for (const service of SERVICES) {
      const found = services.find((s) => s.metadata.name === service.name)!;
      expect(found.spec.ports.map((p) => p.port)).toEqual([service.port]);
      const port = containerOf(service.name).ports![0];
      expect([port.name, port.containerPort]).toContain(found.spec.ports[0].targetPort);
      // It selects this service's pods and no other's.
      for (const other of SERVICES)
        expect([service.name, other.name, selects({ matchLabels: found.spec.selector }, podOf(other.name))]).toEqual([service.name, other.name, other.name === service.name]);
    }
    for (const caller of SERVICES) {
      const env = environmentOf(containerOf(caller.name));
      for (const callee of calleesOf(caller.name)) {
        const subgraph = SUBGRAPHS.find((s) => s.name === callee)!;
        expect([caller.name, env[`${callee.toUpperCase()}_SUBGRAPH_URL`]]).toEqual([caller.name, `http://${callee}:${subgraph.defaultPort}/graphql`]);
      }
    }
  });

  it('scales each Deployment between HorizontalPodAutoscaler bounds, and lets one pod at a time go in a disruption', () => {
    const autoscalers = ofKind<KubernetesObject & { spec: { scaleTargetRef: { apiVersion: string; kind: string; name: string }; minReplicas: number; maxReplicas: number } }>(
      objects,
      'HorizontalPodAutoscaler',
    );
    const budgets = ofKind<KubernetesObject & { spec: { selector: LabelSelector; maxUnavailable?: number; minAvailable?: number } }>(objects, 'PodDisruptionBudget');
    for (const { name } of SERVICES) {
      const autoscaler = autoscalers.filter((a) => a.spec.scaleTargetRef.name === name);
      expect(autoscaler.map((a) => [a.spec.scaleTargetRef.apiVersion, a.spec.scaleTargetRef.kind])).toEqual([['apps/v1', 'Deployment']]);
      const { minReplicas, maxReplicas } = autoscaler[0].spec;
      expect(minReplicas).toBeLessThanOrEqual(maxReplicas);
      if (overlay === 'single-node') expect([name, minReplicas, maxReplicas]).toEqual([name, 1, 1]);
      else expect([name, minReplicas >= 2]).toEqual([name, true]);
      const budget = budgets.filter((b) => selects(b.spec.selector, podOf(name)));
      expect(budget).toHaveLength(1);
      expect(SERVICES.filter((other) => selects(budget[0].spec.selector, podOf(other.name))).map((s) => s.name)).toEqual([name]);
      // A budget of all pods would block every node drain of a one-replica overlay.
      expect(budget[0].spec.maxUnavailable ?? minReplicas - budget[0].spec.minAvailable!).toBeGreaterThanOrEqual(1);
    }
    expect(autoscalers).toHaveLength(SERVICES.length);
  });

  it('mounts the composed supergraphs as a folder from one ConfigMap the gateway reads its paths in', () => {
    const gateway = deploymentOf('gateway').spec.template.spec;
    const env = environmentOf(gateway.containers[0]);
    const volume = gateway.volumes!.find((v) => v.configMap)!;
    const mount = gateway.containers[0].volumeMounts!.find((m) => m.name === volume.name)!;
    // subPath mounts never see an update.
    expect(mount.subPath).toBeUndefined();
    const configMap = ofKind(objects, 'ConfigMap').find((c) => c.metadata.name === volume.configMap!.name)!;
    for (const [variable, composed] of [
      ['SUPERGRAPH_PATH', SUPERGRAPH_PATH],
      ['PARTNER_SUPERGRAPH_PATH', PARTNER_SUPERGRAPH_PATH],
    ]) {
      expect(posix.dirname(env[variable])).toBe(mount.mountPath);
      expect([variable, configMap.data?.[posix.basename(env[variable])] === readFileSync(composed, 'utf8')]).toEqual([variable, true]);
    }
    // A ConfigMap holds at most 1 MiB.
    expect(Buffer.byteLength(JSON.stringify(configMap.data))).toBeLessThan(2 ** 20);
  });

  it('lets the subgraphs be called only by the gateway, the effects worker and the peers that ask them', () => {
    const stranger: Party = { pod: { app: 'something-else' } };
    const pods = [...SERVICES.map((s) => s.name), 'setup'];
    const podLabels = (name: string) => (name === 'setup' ? job.spec.template.metadata.labels : podOf(name));
    for (const subgraph of SUBGRAPHS) {
      // Each side holds on its own: the subgraph admits only its callers, and only they may send to it.
      for (const allows of [allowed, ingressAllows, egressAllows]) {
        const callers = pods.filter((caller) => allows(policies, { pod: podLabels(caller) }, { pod: podOf(subgraph.name) }, subgraph.defaultPort));
        expect([subgraph.name, allows.name, callers.sort()]).toEqual([subgraph.name, allows.name, callersOf(subgraph.name)]);
      }
      expect(allowed(policies, stranger, { pod: podOf(subgraph.name) }, subgraph.defaultPort)).toBe(false);
      expect(allowed(policies, { address: '203.0.113.7' }, { pod: podOf(subgraph.name) }, subgraph.defaultPort)).toBe(false);
    }
    // The gateway is the one published service; the worker answers its probes alone.
    expect(allowed(policies, { address: '203.0.113.7' }, { pod: podOf('gateway') }, 4000)).toBe(true);
    expect(allowed(policies, stranger, { pod: podOf('effects') }, EFFECTS_WORKER_PORT)).toBe(false);
    for (const name of pods) expect([name, reachesDns(policies, podLabels(name))]).toEqual([name, true]);
  });

  it('lets the services and the setup Job reach PostgreSQL at its address, and nothing else of the namespace', () => {
    const slice = ofKind<KubernetesObject & { endpoints: { addresses: string[] }[]; ports: { port: number }[] }>(objects, 'EndpointSlice').find(
      (s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'postgres',
    )!;
    expect(ofKind(objects, 'Service').find((s) => s.metadata.name === 'postgres')).toBeDefined();
    const addresses = slice.endpoints.flatMap((e) => e.addresses);
    expect(addresses.length).toBeGreaterThan(0);
    const port = slice.ports[0].port;
    for (const address of addresses) {
      for (const name of SERVICES.map((s) => s.name)) expect([name, allowed(policies, { pod: podOf(name) }, { address }, port)]).toEqual([name, true]);
      expect(allowed(policies, { pod: job.spec.template.metadata.labels }, { address }, port)).toBe(true);
      expect(allowed(policies, { pod: { app: 'something-else' } }, { address }, port)).toBe(false);
    }
    // Whatever denies by default denies both ways, for every pod.
    const deny = policies.filter((p) => JSON.stringify(p.spec) === JSON.stringify({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] }));
    expect(deny).toHaveLength(1);
  });

  it('lets the setup Job run before the services, with only the objects labelled for that phase applied', () => {
    const phase = objects.filter((o) => o.metadata.labels?.['mutual-graph/phase'] === 'setup');
    expect(phase).toContain(job);
    const phasePolicies = ofKind(phase, 'NetworkPolicy');
    const slice = ofKind<KubernetesObject & { endpoints: { addresses: string[] }[] }>(phase, 'EndpointSlice')[0];
    expect(slice).toBeDefined();
    expect(ofKind(phase, 'Service').map((s) => s.metadata.name)).toEqual(['postgres']);
    const setup = job.spec.template.metadata.labels;
    expect(allowed(phasePolicies, { pod: setup }, { address: slice.endpoints[0].addresses[0] }, 5432)).toBe(true);
    expect(reachesDns(phasePolicies, setup)).toBe(true);
    // The default deny is in this phase too: nothing is open between the two applies.
    expect(allowed(phasePolicies, { pod: { app: 'something-else' } }, { pod: podOf('member') }, 4001)).toBe(false);
    expect(GUIDE).toContain('-l mutual-graph/phase=setup');
  });
});
