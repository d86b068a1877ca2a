import type { Logger as Pino } from '@mutual-graph/platform';
import { Logger } from 'graphile-worker';

const LEVELS = { error: 'error', warning: 'warn', info: 'info', debug: 'debug' } as const;

/** graphile-worker's log lines as the service's own JSON lines (none when no logger is given). */
export function queueLogger(logger?: Pino): Logger {
  return new Logger((scope) => (level, message) => {
    if (!logger) return;
    const { label, taskIdentifier, jobId } = scope;
    logger[LEVELS[level]]({ queue: label, kind: taskIdentifier, jobId }, message);
  });
}
