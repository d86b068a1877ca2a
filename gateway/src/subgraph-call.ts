/**
 * The gateway's own call to one subgraph, outside a query plan: to carry out an effect a request's
 * subgraphs asked for (record a disclosure or a consent, erase answers, share periods). Signed like
 * any hop; resolves with the data, or throws when the subgraph answered with errors or not at all.
 */
export async function callSubgraph(url: string | undefined, token: string, requestId: string, query: string, variables?: object): Promise<Record<string, unknown>> {
  if (!url) throw new Error('that subgraph is not in the supergraph');
  const answer = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-request-id': requestId },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(5000),
  });
  const body = (await answer.json()) as { data?: Record<string, unknown> | null; errors?: unknown[] };
  if (body.errors || !body.data) throw new Error(`answered ${JSON.stringify(body.errors ?? body)}`);
  return body.data;
}
