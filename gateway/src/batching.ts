import type { ApolloServer } from '@apollo/server';
import type { Request, RequestHandler } from 'express';
import { headerMapOf, partRequestId, REQUEST_ID_HEADER, requestIdFrom } from '@mutual-graph/platform';
import type { GatewayContext } from './context.js';

type ContextOf = (input: { req: Request }) => Promise<GatewayContext>;

/**
 * Batched HTTP requests (a JSON array of operations), bounded. Apollo Server would run a batch's
 * operations in parallel on one shared context; here every operation gets its own context (its
 * own decision, audit record, hop token and effects) and they run one after the other. Arrays
 * longer than `maxBatch` are refused whole before any is parsed; `maxBatch` 1 refuses batches.
 */
export function boundedBatches(apollo: ApolloServer<GatewayContext>, contextOf: ContextOf, maxBatch: number): RequestHandler {
  return async (req, res, next) => {
    if (!Array.isArray(req.body)) return next();
    const operations = req.body as unknown[];
    if (maxBatch <= 1 || operations.length > maxBatch || operations.length === 0) {
      res.status(400).json({
        errors: [
          { message: maxBatch <= 1 ? 'batched requests are not served on this graph' : `a batch holds 1 to ${maxBatch} operations`, extensions: { code: 'BAD_USER_INPUT', limit: 'MAX_BATCH' } },
        ],
      });
      return;
    }
    const headers = headerMapOf(req.headers);
    // One id for the batch (the caller's, or a new one), and each operation a part of it.
    const requestId = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
    const answers: unknown[] = [];
    for (const [i, body] of operations.entries()) {
      // One context per operation; its request id says which operation of the batch it was.
      const single: Request = Object.assign(Object.create(Object.getPrototypeOf(req) as object) as Request, req, {
        body,
        headers: { ...req.headers, [REQUEST_ID_HEADER]: partRequestId(requestId, i + 1) },
      });
      const response = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: 'POST', headers, search: '', body },
        context: () => contextOf({ req: single }),
      });
      answers.push(
        response.body.kind === 'complete' ? JSON.parse(response.body.string) : { errors: [{ message: 'incremental delivery is not served in a batch', extensions: { code: 'BAD_USER_INPUT' } }] },
      );
    }
    res.status(200).json(answers);
  };
}
