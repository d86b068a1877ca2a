import { randomUUID } from 'node:crypto';
import { syntheticMember } from '@mutual-graph/synthetic';
import { startInProcessGraph, type InProcessGraph } from '../../test/support/in-process-graph.js';
import { postGraphQL, sql, testStack, type GraphQLBody, type GraphQLResponse } from '../../test/support/stack.js';
import { asCaller, tokenFor } from '../../test/support/tokens.js';

const stack = testStack();
const member = syntheticMember(12, stack.seed);
const partnerUrl = new URL('/partner/graphql', stack.gatewayUrl).toString();
const risk = () => asCaller('RISK_MANAGEMENT', { sub: 'limits-test' });

/** A valid operation nested `levels` times through matter → member → matters. */
function deepQuery(levels: number): string {
  let inner = 'id';
  for (let i = 0; i < levels; i += 1) inner = `medicoLegalHistory { member { ${inner} } }`;
  return `query Deep($id: ID!) { member(id: $id) { ${inner} } }`;
}

function expectLimit(response: GraphQLResponse, limit: string) {
  // A client's fault, as every limit is: 400, never a 500.
  expect(response.status).toBe(400);
  expect(response.body.data ?? null).toBeNull();
  expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'OPERATION_LIMIT', limit });
  expect(JSON.stringify(response.body)).not.toMatch(/stack|at [A-Za-z]+ \(|127\.0\.0\.1|postgres/i);
}

async function stillAnswers() {
  const { body } = await postGraphQL(stack.gatewayUrl, 'query ($id: ID!) { member(id: $id) { lastName } }', { id: member.id }, await risk());
  expect(body.data!.member.lastName).toBe(member.lastName);
}

describe('limits on hostile operations (internal graph)', () => {
  it('accepts a deep real operation and refuses one nested past the depth limit', async () => {
    const ok = await postGraphQL(stack.gatewayUrl, deepQuery(3), { id: member.id }, await risk());
    expect(ok.body.errors).toBeUndefined();
    expectLimit(await postGraphQL(stack.gatewayUrl, deepQuery(8), { id: member.id }, await risk()), 'MAX_DEPTH');
    await stillAnswers();
  });

  it('refuses an alias bomb, and audits the refusal with the limit it broke', async () => {
    const requestId = randomUUID();
    const aliases = Array.from({ length: 50 }, (_, i) => `a${i}: member(id: $id) { lastName }`).join(' ');
    const response = await postGraphQL(stack.gatewayUrl, `query Bomb($id: ID!) { ${aliases} }`, { id: member.id }, { ...(await risk()), 'x-request-id': requestId });
    expectLimit(response, 'MAX_ALIASES');
    const [record] = await sql(stack.adminUrl, 'select decision, code, rule, subject from audit.audit_record where request_id = $1', [requestId]);
    expect(record).toEqual({ decision: 'REFUSED', code: 'OPERATION_LIMIT', rule: 'MAX_ALIASES', subject: 'limits-test' });
  });

  it('stops validating an operation built to fail a thousand times, every error coded', async () => {
    const fields = Array.from({ length: 1000 }, (_, i) => `noSuchField${i}`).join(' ');
    const { body } = await postGraphQL(stack.gatewayUrl, `query ($id: ID!) { member(id: $id) { ${fields} } }`, { id: member.id }, await risk());
    expect(body.data ?? null).toBeNull();
    expect(body.errors.length).toBeLessThanOrEqual(101);
    expect(body.errors.at(-1).extensions).toEqual({ code: 'OPERATION_LIMIT', limit: 'MAX_ERRORS' });
    expect(body.errors!.every((e) => typeof e.extensions?.code === 'string')).toBe(true);
  });

  it('refuses a directive flood', async () => {
    const directives = Array.from({ length: 60 }, () => '@include(if: true)').join(' ');
    expectLimit(await postGraphQL(stack.gatewayUrl, `query ($id: ID!) { member(id: $id) ${directives} { lastName } }`, { id: member.id }, await risk()), 'MAX_DIRECTIVES');
  });

  it('refuses an operation of too many tokens before parsing it through, with 400 like every limit', async () => {
    const requestId = randomUUID();
    const fields = Array.from({ length: 4000 }, () => 'lastName').join(' ');
    expectLimit(await postGraphQL(stack.gatewayUrl, `query Tokens($id: ID!) { member(id: $id) { ${fields} } }`, { id: member.id }, { ...(await risk()), 'x-request-id': requestId }), 'MAX_TOKENS');
    const [record] = await sql(stack.adminUrl, 'select decision, code, rule from audit.audit_record where request_id = $1', [requestId]);
    expect(record).toEqual({ decision: 'REFUSED', code: 'OPERATION_LIMIT', rule: 'MAX_TOKENS' });
    await stillAnswers();
  });

  it('refuses a fragment bomb by its cost, and circular fragments as invalid, and stays responsive', async () => {
    const fragments = ['fragment F0 on Member { lastName firstName }'];
    for (let i = 1; i < 12; i += 1) fragments.push(`fragment F${i} on Member { medicoLegalHistory { member { ...F${i - 1} } } ...F${i - 1} }`);
    const bomb = await postGraphQL(stack.gatewayUrl, `query ($id: ID!) { member(id: $id) { ...F11 } } ${fragments.join(' ')}`, { id: member.id }, await risk());
    expect(bomb.body.data ?? null).toBeNull();
    expect(['MAX_DEPTH', 'MAX_COST']).toContain(bomb.body.errors?.[0]?.extensions?.limit);
    const circular = await postGraphQL(stack.gatewayUrl, 'query { me { ...A } } fragment A on Member { ...B } fragment B on Member { ...A }', {}, await risk());
    expect(circular.body.data ?? null).toBeNull();
    expect(circular.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    await stillAnswers();
  });

  it('refuses a huge request body with a code, not a stack trace', async () => {
    const response = await postGraphQL(stack.gatewayUrl, 'query ($s: String) { supportServices { name } }', { s: 'x'.repeat(2 * 1024 * 1024) }, await risk());
    expect(response.status).toBe(413);
    expect(response.body.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    await stillAnswers();
  });

  it('keeps CSRF prevention on: a simple cross-site request is refused before it runs', async () => {
    const response = await fetch(`${stack.gatewayUrl}?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { authorization: (await risk()).authorization, 'x-purpose-of-use': 'RISK_MANAGEMENT' },
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/CSRF/i);
  });

  it('never suggests field names', async () => {
    const { body } = await postGraphQL(stack.gatewayUrl, 'query ($id: ID!) { member(id: $id) { lastNam } }', { id: member.id }, await risk());
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(body)).not.toMatch(/did you mean/i);
  });

  it('answers a small batch one operation at a time, each decided and audited on its own, and refuses a batch of 1,000', async () => {
    const headers = { 'content-type': 'application/json', ...(await risk()), 'x-request-id': `batch-${randomUUID().slice(0, 8)}` };
    const small = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers,
      body: JSON.stringify([
        { query: 'query One($id: ID!) { member(id: $id) { lastName } }', variables: { id: member.id } },
        { query: 'query Two($id: ID!) { member(id: $id) { contact { email } } }', variables: { id: member.id } },
      ]),
    });
    const answers = (await small.json()) as GraphQLBody<{ member: { lastName: string } }>[];
    expect(answers[0].data!.member.lastName).toBe(member.lastName);
    expect(answers[1].errors![0].extensions!.policy!.rule).toBe('PURPOSE_SCOPE');
    const audited = await sql(stack.adminUrl, 'select request_id, operation_name, decision from audit.audit_record where request_id like $1 order by request_id', [`${headers['x-request-id']}-%`]);
    expect(audited).toEqual([
      { request_id: `${headers['x-request-id']}-1`, operation_name: 'One', decision: 'ALLOWED' },
      { request_id: `${headers['x-request-id']}-2`, operation_name: 'Two', decision: 'REFUSED' },
    ]);
    const huge = await fetch(stack.gatewayUrl, { method: 'POST', headers, body: JSON.stringify(Array.from({ length: 1000 }, () => ({ query: '{ supportServices { name } }' }))) });
    expect(huge.status).toBe(400);
    expect(((await huge.json()) as GraphQLBody).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'MAX_BATCH' });
    await stillAnswers();
  });
});

describe('stricter limits on the partner graph', () => {
  const asPartner = async () => ({ authorization: `Bearer ${await tokenFor({ sub: 'hospital-7', roles: ['partner'], purposes: ['PARTNER_CONFIRMATION'], partnerId: 'hospital-7' })}` });

  it('refuses batches and bodies a partner never needs', async () => {
    const batch = await fetch(partnerUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await asPartner()) },
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    });
    expect(batch.status).toBe(400);
    expect(((await batch.json()) as GraphQLBody).errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const big = await postGraphQL(partnerUrl, 'query { __typename }', { padding: 'x'.repeat(20_000) }, await asPartner());
    expect(big.status).toBe(413);
  });
});

describe('introspection in production configuration', () => {
  let graph: InProcessGraph;
  beforeAll(async () => {
    graph = await startInProcessGraph({ introspection: 'analysts' });
  });
  afterAll(() => graph.stop());

  it('is served to analysts and refused to everyone else, before any subgraph is asked', async () => {
    const INTROSPECT = '{ __schema { queryType { name } } }';
    const analyst = await postGraphQL<{ __schema: { queryType: { name: string } } }>(graph.gateway.graphqlUrl, INTROSPECT, {}, await asCaller('RISK_MANAGEMENT', { roles: ['analyst'] }));
    expect(analyst.body.data!.__schema.queryType.name).toBe('Query');
    graph.reset();
    const app = await postGraphQL(graph.gateway.graphqlUrl, INTROSPECT, {}, await asCaller('RISK_MANAGEMENT', { roles: ['app'] }));
    expect(app.body.data ?? null).toBeNull();
    expect(app.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(Object.values(graph.requests).reduce((a, b) => a + b, 0)).toBe(0);
    // __typename is part of an answer, not the schema: still served.
    const typename = await postGraphQL(graph.gateway.graphqlUrl, '{ __typename }', {}, await asCaller('RISK_MANAGEMENT', { roles: ['app'] }));
    expect(typename.body.data).toEqual({ __typename: 'Query' });
  });
});
