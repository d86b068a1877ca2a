import { log } from '../observability.js';
import { loggableError } from '@mutual-graph/platform';
import type { ApolloServerPlugin } from '@apollo/server';
import { auditUnavailable, type AuditLog } from '../audit/audit-log.js';
import type { GatewayContext } from '../context.js';

/**
 * The members an allowed operation read, as the subgraphs reported them, go into the audit beside
 * the operation's record before the answer leaves: the privacy office finds the operation under
 * every member it read, lists and `_entities` included. If they cannot be written the caller gets
 * AUDIT_UNAVAILABLE and no data (fail closed), as when the record itself cannot be.
 */
export function membersReadPlugin(audit: AuditLog): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          const { auditRecordId, membersRead } = contextValue;
          if (!auditRecordId || membersRead.size === 0 || response.body.kind !== 'single') return;
          try {
            await audit.recordMembersRead(auditRecordId, [...membersRead]);
          } catch (error) {
            log.error({ err: loggableError(error), requestId: contextValue.requestId }, 'members read not audited, answer withheld');
            const refusal = auditUnavailable();
            response.body.singleResult = { errors: [{ message: refusal.message, extensions: { code: refusal.extensions.code } }] };
            if (response.http) response.http.status = 503;
          }
        },
      };
    },
  };
}
