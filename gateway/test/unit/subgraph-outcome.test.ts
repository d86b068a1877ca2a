import { GraphQLError } from 'graphql';
import { SubgraphDataSource } from '../../src/subgraph-data-source.js';

// What the gateway tells a client when a subgraph did not answer: "try again" only where nothing
// can have happened; a change that may have reached the subgraph is "read it back first".
const source = new SubgraphDataSource('case', 'http://127.0.0.1:9/graphql');
const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
const MUTATION = 'mutation ($m: ID!) { requestAssistance(memberId: $m) { id } }';
const QUERY = 'query ($r: [_Any!]!) { _entities(representations: $r) { __typename } }';

function codeOf(error: Error, query: string, status?: number): unknown {
  try {
    source.didEncounterError(error, {} as never, status === undefined ? undefined : ({ status } as never), undefined, { query, variables: {} });
  } catch (thrown) {
    return thrown instanceof GraphQLError ? thrown.extensions : thrown;
  }
  return undefined;
}

describe('a subgraph that did not answer', () => {
  it('is SUBGRAPH_UNAVAILABLE for a query, however it failed', () => {
    for (const [error, status] of [[refused], [reset], [new Error('Bad Gateway'), 502], [new Error('Gateway Timeout'), 504]] as const)
      expect(codeOf(error, QUERY, status)).toEqual({ code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'case' });
  });

  it('is SUBGRAPH_UNAVAILABLE for a change it never received (the connection refused)', () => {
    expect(codeOf(refused, MUTATION)).toEqual({ code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'case' });
    expect(codeOf(Object.assign(new Error('fetch failed'), { cause: refused }), MUTATION)).toEqual({ code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'case' });
  });

  it('is SUBGRAPH_OUTCOME_UNKNOWN for a change it may have had: a load balancer’s 502 or 504, a connection lost after sending', () => {
    for (const [error, status] of [[reset], [new Error('Bad Gateway'), 502], [new Error('Gateway Timeout'), 504]] as const)
      expect(codeOf(error, MUTATION, status)).toEqual({ code: 'SUBGRAPH_OUTCOME_UNKNOWN', subgraph: 'case' });
  });
});
