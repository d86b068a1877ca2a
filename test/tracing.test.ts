import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { ServiceProcess } from '@mutual-graph/stack';
import { syntheticCasework, syntheticMembers } from '@mutual-graph/synthetic';
import { freePort, spawnGateway, spawnSubgraph } from './support/processes.js';
import { postGraphQL, testStack } from './support/stack.js';
import { asCaller } from './support/tokens.js';

// Tracing on, for a gateway and a case subgraph of our own, exporting to a collector this test
// plays (OTLP over HTTP, JSON): one trace from the gateway through the subgraph to SQL.
const stack = testStack();
const member = [...syntheticMembers(stack.seed)].slice(450).find((m) => syntheticCasework(m, stack.seed).matters.length > 0 && m.minc)!;

interface Span {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  service: string;
  attributes: Record<string, unknown>;
}
/** OTLP's JSON encoding, as far as this collector reads it. */
interface OtlpValue {
  stringValue?: string;
  intValue?: string | number;
  boolValue?: boolean;
  doubleValue?: number;
  arrayValue?: { values?: OtlpValue[] };
}
interface OtlpAttribute {
  key: string;
  value: OtlpValue;
}
interface OtlpExport {
  resourceSpans?: { resource: { attributes: OtlpAttribute[] }; scopeSpans?: { spans?: { traceId: string; spanId: string; parentSpanId?: string; name: string; attributes?: OtlpAttribute[] }[] }[] }[];
}
const value = (v: OtlpValue | undefined): unknown => v?.stringValue ?? v?.intValue ?? v?.boolValue ?? v?.doubleValue ?? v?.arrayValue?.values?.map((item) => value(item));

describe('OpenTelemetry traces', () => {
  const spans: Span[] = [];
  let collector: Server;
  const processes: ServiceProcess[] = [];
  let gatewayUrl: string;

  beforeAll(async () => {
    collector = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        for (const resource of (JSON.parse(body) as OtlpExport).resourceSpans ?? []) {
          const service = String(value(resource.resource.attributes.find((a) => a.key === 'service.name')?.value));
          for (const scope of resource.scopeSpans ?? []) {
            for (const span of scope.spans ?? []) {
              spans.push({
                traceId: span.traceId,
                spanId: span.spanId,
                parentSpanId: span.parentSpanId,
                name: span.name,
                service,
                attributes: Object.fromEntries((span.attributes ?? []).map((a) => [a.key, value(a.value)])),
              });
            }
          }
        }
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    const collectorPort = await freePort();
    await new Promise<void>((resolve) => collector.listen(collectorPort, '127.0.0.1', resolve));
    const otel = { OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${collectorPort}`, OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json', OTEL_BSP_SCHEDULE_DELAY: '100' };
    const casePort = await freePort();
    processes.push(await spawnSubgraph('case', casePort, stack.ownerUrls, { ...otel, OTEL_SERVICE_NAME: 'mutual-graph-case' }));
    const gatewayPort = await freePort();
    processes.push(
      await spawnGateway(gatewayPort, join(stack.serviceLogFile, '..', 'gateway-traced.log'), {
        env: { ...otel, OTEL_SERVICE_NAME: 'mutual-graph-gateway' },
        subgraphUrls: { case: `http://127.0.0.1:${casePort}/graphql` },
      }),
    );
    gatewayUrl = `http://127.0.0.1:${gatewayPort}/graphql`;
  }, 60_000);

  afterAll(async () => {
    for (const p of processes) p.child.kill('SIGTERM');
    await Promise.all(processes.map((p) => p.exited));
    collector.close();
  });

  it('follows one request from the gateway through the subgraph to SQL, with purpose and decision and no field values', async () => {
    const { body } = await postGraphQL(
      gatewayUrl,
      'query Traced($id: ID!) { member(id: $id) { lastName minc medicoLegalHistory { kind openedOn } } }',
      { id: member.id },
      await asCaller('MEDICO_LEGAL_ASSISTANCE', { sub: 'trace-test' }),
    );
    expect(body.data.member.lastName).toBe(member.lastName);
    await postGraphQL(
      gatewayUrl,
      'query Refused($id: ID!) { member(id: $id) { edi { genderIdentity } medicoLegalHistory { kind } } }',
      { id: member.id },
      await asCaller('MEDICO_LEGAL_ASSISTANCE', { sub: 'trace-test' }),
    );

    let decided: Span | undefined;
    let sql: Span | undefined;
    // The refusal's span may come in a later export batch than the allowed operation's: wait for it too.
    const refusedSpan = () => spans.some((s) => s.attributes['mutual_graph.policy.decision'] === 'REFUSED' && s.attributes['mutual_graph.policy.rule'] === 'EDI_ISOLATION');
    for (let i = 0; i < 100 && !(decided && sql && refusedSpan()); i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      decided = spans.find((s) => s.service === 'mutual-graph-gateway' && s.attributes['mutual_graph.policy.decision'] === 'ALLOWED');
      sql = decided && spans.find((s) => s.service === 'mutual-graph-case' && s.traceId === decided!.traceId && s.attributes['db.system'] === 'postgresql');
    }
    expect(decided?.attributes).toMatchObject({ 'mutual_graph.purpose': 'MEDICO_LEGAL_ASSISTANCE', 'mutual_graph.policy.categories': expect.arrayContaining(['MEDICO_LEGAL']) });
    expect(sql).toBeDefined();
    expect(spans.some((s) => s.service === 'mutual-graph-case' && s.traceId === decided!.traceId && s.attributes['mutual_graph.purpose'] === 'MEDICO_LEGAL_ASSISTANCE')).toBe(true);
    expect(refusedSpan()).toBe(true);

    // The gateway's log line for the operation names the same trace.
    const logged = readFileSync(join(stack.serviceLogFile, '..', 'gateway-traced.log'), 'utf8')
      .split('\n')
      .filter((l) => l.includes('"Traced"'));
    expect(logged.some((l) => l.includes(`"traceId":"${decided!.traceId}"`))).toBe(true);

    const exported = JSON.stringify(spans);
    for (const personal of [member.lastName, member.firstName, member.minc, member.email, member.id]) expect([personal, exported.includes(personal)]).toEqual([personal, false]);
    expect(spans.some((s) => 'graphql.source' in s.attributes)).toBe(false);
  }, 60_000);
});
