import { GraphQLError } from 'graphql';
import { ELIGIBILITY_CALL } from '@mutual-graph/schema';
import { FakeSubgraph } from '../../../../test/unit/support/fake-subgraph.js';
import { eligibleOn } from '../../src/domain/eligibility.js';

const MEMBER = '6f1c2b1e-8a8e-4d5e-9a51-2f0c7b1d9e11';
const member = new FakeSubgraph();
let url: string;

beforeAll(async () => { url = await member.start(); });
afterAll(() => member.stop());
beforeEach(() => { member.calls.length = 0; });

async function refusal(call: Promise<unknown>): Promise<GraphQLError> {
  const error = await call.then(() => { throw new Error('the check answered where it should refuse'); }, (e: unknown) => e);
  expect(error).toBeInstanceOf(GraphQLError);
  return error as GraphQLError;
}

describe('eligibility, asked of the member subgraph', () => {
  it('asks only the eligibility call, for one member on one date, with the peer token', async () => {
    member.answer = { data: { _entities: [{ membership: { eligibleOn: true } }] } };
    expect(await eligibleOn(url, 'peer-token', MEMBER, '2026-03-01')).toBe('ELIGIBLE');
    expect(member.calls).toEqual([{ authorization: 'Bearer peer-token', query: ELIGIBILITY_CALL.query, variables: { r: [{ __typename: 'Member', id: MEMBER }], date: '2026-03-01' } }]);
  });

  it('answers INELIGIBLE when the member was not protected on the date', async () => {
    member.answer = { data: { _entities: [{ membership: { eligibleOn: false } }] } };
    expect(await eligibleOn(url, 'peer-token', MEMBER, '2026-03-01')).toBe('INELIGIBLE');
  });

  it('answers UNKNOWN for a member the member subgraph does not know', async () => {
    member.answer = { data: { _entities: [null] } };
    expect(await eligibleOn(url, 'peer-token', MEMBER, '2026-03-01')).toBe('UNKNOWN');
  });

  it('refuses, asking nothing, when the gateway signed no peer token for the request', async () => {
    const error = await refusal(eligibleOn(url, undefined, MEMBER, '2026-03-01'));
    expect([error.extensions.code, error.extensions.argument, error.message]).toEqual(['BAD_USER_INPUT', 'memberId', 'eligibility cannot be checked under this purpose']);
    expect(member.calls).toHaveLength(0);
  });

  it("turns the member subgraph's FORBIDDEN into the same refusal, without echoing its message", async () => {
    member.answer = { data: null, errors: [{ message: 'secret detail of the shield', extensions: { code: 'FORBIDDEN' } }] };
    const error = await refusal(eligibleOn(url, 'peer-token', MEMBER, '2026-03-01'));
    expect(error.message).toBe('eligibility cannot be checked under this purpose');
  });

  it('fails, rather than guessing, on any other error or an answer without data', async () => {
    member.answer = { errors: [{ message: 'boom' }] };
    await expect(eligibleOn(url, 'peer-token', MEMBER, '2026-03-01')).rejects.toThrow('eligibility check failed');
    member.answer = {};
    await expect(eligibleOn(url, 'peer-token', MEMBER, '2026-03-01')).rejects.toThrow('eligibility check failed');
  });

  it.each([['the string "false"', 'false'], ['1', 1], ['an object', {}], ['nothing', null]])('never reads %s as a yes or no', async (_label, eligibleOnAnswer) => {
    member.answer = { data: { _entities: [{ membership: { eligibleOn: eligibleOnAnswer } }] } };
    await expect(eligibleOn(url, 'peer-token', MEMBER, '2026-03-01')).rejects.toThrow('the member subgraph gave no yes or no');
  });

  it('fails on an entity without membership rather than crash on it', async () => {
    member.answer = { data: { _entities: [{}] } };
    await expect(eligibleOn(url, 'peer-token', MEMBER, '2026-03-01')).rejects.toThrow('eligibility check failed');
  });
});
