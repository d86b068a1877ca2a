import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { ErrorRequestHandler } from 'express';
import { loggableError, type Logger } from '../observability/logger.js';

// Codes a client can act on; anything else is an internal fault and is masked.
const CLIENT_CODES = new Set([
  'BAD_USER_INPUT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'AUDIT_UNAVAILABLE',
  'OPERATION_NOT_REGISTERED',
  'DISCLOSURE_NOT_RECORDED',
  'OPERATION_LIMIT',
  'SUBGRAPH_UNAVAILABLE',
  'SUBGRAPH_OUTCOME_UNKNOWN',
  'ACCESS_REPORT_INCOMPLETE',
  'NO_EDI_RELEASE',
  'EDI_PRIVACY_BUDGET_SPENT',
]);

/**
 * Apollo Server `formatError`: keeps coded client errors as they are and replaces every
 * other error's message, so no SQL text, host name or stack reaches a client. The original goes
 * to the service's own log, its quoted values taken out.
 */
export function maskInternalErrors(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && CLIENT_CODES.has(code)) {
      const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    logger.error({ err: loggableError(unwrapResolverError(error)), path: formatted.path?.join('.') }, 'internal error');
    return {
      message: 'Internal server error',
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

/** The code a GraphQL error carries in its extensions, or `fallback` when it carries none (a code is a string). */
export function errorCode(error: { extensions?: Record<string, unknown> } | undefined, fallback: string): string {
  const code = error?.extensions?.code;
  return typeof code === 'string' ? code : fallback;
}

/** Express's last handler: a malformed or oversized body is a coded GraphQL error, never an HTML stack page. */
export const jsonErrorHandler =
  (logger: Logger): ErrorRequestHandler =>
  (error: unknown, _req, res, _next) => {
    const { status: given, type } = (error ?? {}) as { status?: unknown; type?: unknown };
    const status = typeof given === 'number' && given < 500 ? given : 500;
    const code = status === 413 ? 'PAYLOAD_TOO_LARGE' : status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR';
    // Fixed wording: body-parser's own messages quote the body they could not read.
    const message = status === 413 ? 'the request body is too large' : type === 'entity.parse.failed' ? 'the request body is not valid JSON' : status < 500 ? 'bad request' : 'Internal server error';
    if (status >= 500) logger.error({ err: loggableError(error) }, 'unhandled HTTP error');
    res.status(status).json({ errors: [{ message, extensions: { code } }] });
  };
