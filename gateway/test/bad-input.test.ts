import { errorsIn, postGraphQL, testStack } from '../../test/support/stack.js';
import { asCaller } from '../../test/support/tokens.js';

describe('bad input through the gateway', () => {
  const { gatewayUrl } = testStack();

  it('refuses a member id that is not a UUID as BAD_USER_INPUT naming the argument', async () => {
    const { body, status } = await postGraphQL(gatewayUrl, '{ member(id: "42; drop table member") { id } }', {}, await asCaller('MEMBERSHIP'));
    expect(status).toBe(200);
    expect(body.data?.member ?? null).toBeNull();
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'id' });
  });

  it('refuses pages larger than 100 members', async () => {
    const { body } = await postGraphQL(gatewayUrl, '{ members(first: 5000) { totalCount } }', {}, await asCaller('MEMBERSHIP'));
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
  });

  it('refuses a cursor the list did not hand out', async () => {
    const { body } = await postGraphQL(gatewayUrl, '{ members(after: "not-a-cursor") { totalCount } }', {}, await asCaller('MEMBERSHIP'));
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
  });

  it('answers a malformed body with a coded 400 and no stack trace', async () => {
    const response = await fetch(gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(errorsIn(text)[0].extensions?.code).toBe('BAD_REQUEST');
    expect(text).not.toMatch(/at .*\.js:\d+|node_modules/);
  });

  it('answers an unknown field with a validation error, never a 500', async () => {
    const { body, status } = await postGraphQL(gatewayUrl, '{ member(id: "00000000-0000-4000-8000-000000000000") { salary } }', {}, await asCaller('MEMBERSHIP'));
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(body)).not.toMatch(/stacktrace/);
  });
});
