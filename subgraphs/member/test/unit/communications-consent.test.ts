import { COMMUNICATIONS_CONSENT_CALL, type HopClaims } from '@mutual-graph/schema';
import { FakeSubgraph } from '../../../../test/unit/support/fake-subgraph.js';
import { consentGated, consentingToCommunications } from '../../src/domain/communications-consent.js';

const A = '0b8f3c57-9a2d-4c1e-8f3a-1d2e3f4a5b6c';
const B = '1c9a4d68-ab3e-4d2f-9a4b-2e3f4a5b6c7d';
const privacy = new FakeSubgraph();
let url: string;

beforeAll(async () => { url = await privacy.start(); });
afterAll(() => privacy.stop());
beforeEach(() => { privacy.calls.length = 0; });

describe('communications consent, asked of the privacy subgraph', () => {
  it('gates only the COMMUNICATIONS purpose', () => {
    expect(consentGated({ purpose: 'COMMUNICATIONS' } as HopClaims)).toBe(true);
    for (const purpose of ['MEMBERSHIP_ADMINISTRATION', 'communications', 'COMMUNICATIONS ', '']) expect(consentGated({ purpose } as HopClaims)).toBe(false);
  });

  it('asks once for the whole batch, with the peer token, and keeps only members whose consent is current', async () => {
    privacy.answer = { data: { _entities: [{ id: A, communicationPreferences: { consented: true } }, { id: B, communicationPreferences: { consented: false } }] } };
    expect(await consentingToCommunications(url, 'peer-token', [A, B])).toEqual(new Set([A]));
    expect(privacy.calls).toEqual([{ authorization: 'Bearer peer-token', query: COMMUNICATIONS_CONSENT_CALL.query, variables: { r: [{ __typename: 'Member', id: A }, { __typename: 'Member', id: B }] } }]);
  });

  it('asks nothing for no members', async () => {
    expect(await consentingToCommunications(url, undefined, [])).toEqual(new Set());
    expect(privacy.calls).toHaveLength(0);
  });

  it('fails closed when the gateway signed no token for the call', async () => {
    await expect(consentingToCommunications(url, undefined, [A])).rejects.toThrow('the gateway signed no token');
    expect(privacy.calls).toHaveLength(0);
  });

  it('fails closed on any error from the privacy subgraph, even with data beside it', async () => {
    privacy.answer = { data: { _entities: [{ id: A, communicationPreferences: { consented: true } }] }, errors: [{ message: 'partial' }] };
    await expect(consentingToCommunications(url, 'peer-token', [A])).rejects.toThrow('communications consent could not be checked');
    privacy.answer = {};
    await expect(consentingToCommunications(url, 'peer-token', [A])).rejects.toThrow('communications consent could not be checked');
  });

  it('counts an unknown member (null entity) as not consenting', async () => {
    privacy.answer = { data: { _entities: [null, { id: B, communicationPreferences: { consented: true } }] } };
    expect(await consentingToCommunications(url, 'peer-token', [A, B])).toEqual(new Set([B]));
  });

  it('takes consent only when it is exactly true', async () => {
    privacy.answer = { data: { _entities: [{ id: A, communicationPreferences: { consented: 'false' } }, { id: B, communicationPreferences: { consented: 1 } }] } };
    expect(await consentingToCommunications(url, 'peer-token', [A, B])).toEqual(new Set());
  });
});
