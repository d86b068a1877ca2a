import { request } from 'node:http';
import { syntheticMember, syntheticMembers } from '@mutual-graph/synthetic';
import { testStack, type GraphQLBody } from '../../../test/support/stack.js';
import { asGatewayHop } from '../../../test/support/tokens.js';

// A hop token is bound to the operation text and variables of the request it was signed for. These
// are requests that carry that very text and those variables, so the binding matches, and still
// have the subgraph run something else.

const stack = testStack();
const self = syntheticMember(3, stack.seed);
const other = [...syntheticMembers(stack.seed)].find((m) => m.id !== self.id)!;
const SIGNED = 'query ($id: ID!) { member(id: $id) { firstName } }';
const CONTACTS = '{ members(first: 5) { edges { node { firstName lastName contact { email } } } } }';

/** An HTTP request with any method, headers and body (fetch refuses a body on GET). */
function raw(url: string, method: string, headers: Record<string, string>, body?: string): Promise<{ status: number; body: GraphQLBody | null }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers: { ...headers, ...(body ? { 'content-length': String(Buffer.byteLength(body)) } : {}) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => {
        let parsed: GraphQLBody | null = null;
        try {
          parsed = JSON.parse(text) as GraphQLBody;
        } catch {
          /* not JSON */
        }
        resolve({ status: res.statusCode ?? 0, body: parsed });
      });
    });
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

describe('a hop token binds the operation the subgraph runs, not only the text the body carries', () => {
  it('is refused on a GET whose JSON body is the signed request and whose query string is another operation', async () => {
    const variables = { id: self.id };
    const headers = await asGatewayHop({ to: 'member', query: SIGNED, variables }, 'MEMBERSHIP');
    const url = `${stack.subgraphUrls.member}?query=${encodeURIComponent(CONTACTS)}`;
    const response = await raw(url, 'GET', { ...headers, 'content-type': 'application/json' }, JSON.stringify({ query: SIGNED, variables }));
    expect(response.body?.data?.members ?? null).toBeNull();
    expect(response.status).toBe(401);
  });

  it('is refused when the signed document holds two operations and operationName picks the other one', async () => {
    // The token is signed for this document text with these variables; operationName is not part of it.
    const document = `query One($id: ID!) { member(id: $id) { firstName } }\nquery Two { members(first: 5) { edges { node { firstName lastName contact { email } } } } }`;
    const variables = { id: other.id };
    const headers = await asGatewayHop({ to: 'member', query: document, variables }, 'MEMBERSHIP');
    const response = await raw(stack.subgraphUrls.member, 'POST', { ...headers, 'content-type': 'application/json' }, JSON.stringify({ query: document, variables, operationName: 'Two' }));
    expect(response.body?.data?.members ?? null).toBeNull();
    expect(response.status).toBe(401);
  });
});
