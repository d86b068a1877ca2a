import { createLogger, ServiceMetrics } from '@mutual-graph/platform';

/** The gateway process's one logger and one metrics registry (several graphs, one process). */
export const log = createLogger('gateway');
export const metrics = new ServiceMetrics('gateway');
