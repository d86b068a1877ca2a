import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { Logger } from './logger.js';
import type { ServiceMetrics } from './metrics.js';
import { errorCode } from '../http/errors.js';
import { requestIdOf } from '../http/request-id.js';

interface Observed extends BaseContext {
  requestId?: string;
  purpose?: string;
  hop?: { purpose?: string; requestId?: string };
}

const REFUSAL_CODES = new Set(['FORBIDDEN', 'UNAUTHENTICATED', 'OPERATION_LIMIT', 'OPERATION_NOT_REGISTERED', 'BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED']);

/**
 * One log line and one set of metrics per operation: request id, operation name, purpose, outcome,
 * error codes and duration. Never the operation's variables or its data.
 */
export function requestLogPlugin(logger: Logger, metrics: ServiceMetrics): ApolloServerPlugin<Observed> {
  return {
    async requestDidStart({ request, contextValue }) {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ response, errors, operationName }) {
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          const operation = metrics.operationLabel(operationName ?? request.operationName);
          const codes = [...new Set((errors ?? (response.body.kind === 'single' ? response.body.singleResult.errors : undefined) ?? []).map((e) => errorCode(e, 'INTERNAL_SERVER_ERROR')))];
          const outcome = codes.length === 0 ? 'ok' : codes.every((c) => REFUSAL_CODES.has(c)) ? 'refused' : 'error';
          metrics.requests.inc({ operation, outcome });
          metrics.duration.observe({ operation }, seconds);
          const purpose = contextValue.purpose ?? contextValue.hop?.purpose;
          const entry = { requestId: requestIdOf(contextValue), operation, purpose, outcome, codes, ms: Math.round(seconds * 1000) };
          if (outcome === 'error') logger.warn(entry, 'operation failed');
          else logger.info(entry, 'operation');
        },
      };
    },
  };
}
