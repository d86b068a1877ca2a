import { createLogger, ServiceMetrics } from '@mutual-graph/platform';
import { Counter } from 'prom-client';
import type { AuthenticationEvents } from './authentication/authenticator.js';

/** The gateway process's one logger and one metrics registry (several graphs, one process). */
export const log = createLogger('gateway');
export const metrics = new ServiceMetrics('gateway');

const jwksFetches = new Counter({
  name: 'gateway_jwks_fetches_total',
  help: "Fetches of the identity provider's JWKS, by outcome (ok, failed)",
  labelNames: ['outcome'],
  registers: [metrics.registry],
});
const tokenRefusals = new Counter({
  name: 'gateway_token_refusals_total',
  help: 'Client tokens refused, by reason (missing, invalid, expired, unknown-key, claims, keys-unavailable)',
  labelNames: ['reason'],
  registers: [metrics.registry],
});

/** What authentication reports, to the metrics and the log (reasons only: never a token nor a claim). */
export const authenticationEvents: AuthenticationEvents = {
  jwksFetched(outcome, reason) {
    jwksFetches.inc({ outcome });
    if (outcome === 'failed') log.warn({ reason }, "the identity provider's JWKS could not be fetched; the keys held are kept");
  },
  keysRetired(keys, tokensDropped) {
    log.info({ keys: [...keys], tokensDropped }, 'signing keys left the JWKS: tokens under them are refused from now, and every kept token is verified afresh');
  },
  refused(reason) {
    tokenRefusals.inc({ reason });
  },
};
