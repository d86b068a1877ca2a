import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import type { IncomingHttpHeaders } from 'node:http';
import type { Request, RequestHandler, Response } from 'express';

/** A request's headers as Apollo Server reads them (a header sent more than once, its values joined). */
export function headerMapOf(incoming: IncomingHttpHeaders): HeaderMap {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(incoming)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

/**
 * A `/graphql` route (each subgraph's, and the gateway's two graphs'): Apollo Server's `executeHTTPGraphQLRequest` behind Express, as
 * `@as-integrations/express5` does it, less what costs on every request and gives nothing here:
 * `url.parse` of the request's URL (the query string is all Apollo reads of it) and Express's
 * `res.send`, which hashes every answer for an ETag no caller revalidates. Every answer says
 * `cache-control: no-store`: the answers are about people and are never to be kept. Written here
 * rather than taken from the integration because `url.parse` alone was 1.5–3% of the gateway's and
 * the member subgraph's CPU under partner load (`npm run bench -- --profile`), and the integration
 * has no switch for it (Express's `etag` setting alone would have covered the ETag).
 * Express's JSON body parser must run first.
 */
export function graphqlHandler<Context extends BaseContext>(server: ApolloServer<Context>, context: (request: { req: Request; res: Response }) => Promise<Context>): RequestHandler {
  server.assertStarted('graphqlHandler()');
  return async (req, res) => {
    const headers = headerMapOf(req.headers);
    const hashAt = req.url.indexOf('#');
    const path = hashAt === -1 ? req.url : req.url.slice(0, hashAt);
    const queryAt = path.indexOf('?');
    const search = queryAt === -1 ? '' : path.slice(queryAt);
    const answer = await server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method.toUpperCase(), headers, search, body: req.body as unknown },
      context: () => context({ req, res }),
    });
    for (const [key, value] of answer.headers) res.setHeader(key, value);
    res.setHeader('cache-control', 'no-store');
    res.statusCode = answer.status ?? 200;
    if (answer.body.kind === 'complete') {
      res.end(answer.body.string);
      return;
    }
    for await (const chunk of answer.body.asyncIterator) res.write(chunk);
    res.end();
  };
}
