import { log } from '../observability.js';
import { loggableError } from '@mutual-graph/platform';
import type { ApolloServerPlugin } from '@apollo/server';
import { auditUnavailable, type AuditLog, type AuditOutcomeOfRun } from '../audit/audit-log.js';
import type { GatewayContext } from '../context.js';

/**
 * No answer leaves before what it tells is on record. Once an allowed operation has run, its audit
 * is completed in one write: the members the subgraphs reported reading (the privacy office finds the
 * operation under each, lists and `_entities` included) and, on the partner graph, the disclosures the
 * member subgraph's notices describe, both beside the operation's record (written with them when the
 * operation policy deferred it, or after it when it was already on its way). If that write, or the
 * record before it, fails, the caller gets AUDIT_UNAVAILABLE, or DISCLOSURE_NOT_RECORDED when a
 * partner was to be told something, and no data (fail closed).
 */
export function auditedAnswerPlugin(audit: AuditLog, options: { disclosures: boolean }): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          const allowed = contextValue.allowedAudit;
          const run: AuditOutcomeOfRun = { membersRead: [...contextValue.membersRead] };
          const disclosed = options.disclosures ? contextValue.notices.flatMap((n) => (n.kind === 'disclosure' ? [n] : [])) : [];
          if (disclosed.length > 0) {
            const { principal, purpose } = contextValue;
            run.disclosures = { recipient: principal.partnerId ?? principal.sub, purpose, entries: disclosed };
          }
          // Nothing was allowed to run (refused, or never decided) and nothing is to be disclosed: nothing to hold.
          if (!allowed && disclosed.length === 0) return;
          try {
            if (allowed && 'entry' in allowed) await audit.recordWithRun(allowed.entry, run);
            else await audit.recordRun(allowed ? await allowed.recordId : null, run);
          } catch (error) {
            log.error({ err: loggableError(error), requestId: contextValue.requestId }, 'audit not written, answer withheld');
            if (response.body.kind !== 'single') throw error;
            const refusal = auditUnavailable();
            response.body.singleResult =
              disclosed.length > 0
                ? { errors: [{ message: 'the disclosure could not be recorded, so nothing was disclosed; try again shortly', extensions: { code: 'DISCLOSURE_NOT_RECORDED' } }] }
                : { errors: [{ message: refusal.message, extensions: { code: refusal.extensions.code } }] };
            if (response.http) response.http.status = 503;
          }
        },
      };
    },
  };
}
