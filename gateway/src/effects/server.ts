import 'reflect-metadata';
import { ConfigurationError, createLogger, flushTelemetry, listen, loggableError, mountHealth, mountMetrics, OUTBOXES, ServiceMetrics, type OutboxName } from '@mutual-graph/platform';
import express from 'express';
import { effectsWorkerConfigFromEnv } from './config.js';
import { startEffectsWorker } from './worker.js';

/** The effects worker's process: its own, beside the gateway's, so that killing the gateway stops no effect. */
const log = createLogger('effects');
const config = (() => {
  try {
    return effectsWorkerConfigFromEnv();
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    log.fatal(error.message);
    process.exit(1);
  }
})();
const metrics = new ServiceMetrics('effects');
const worker = await startEffectsWorker({ ...config, logger: log, metrics });
const app = express();
app.disable('x-powered-by');
mountHealth(
  app,
  'effects',
  Object.fromEntries((Object.keys(OUTBOXES) as OutboxName[]).map((outbox) => [`outbox:${outbox}`, () => worker.reachable(outbox)])),
  // Dead letters do not make the worker unready (it still carries out everything else): they are listed for an operator.
  async () => {
    const deadLetters = await worker.deadLetters();
    return { deadLetterCount: deadLetters.length, deadLetters };
  },
);
mountMetrics(app, metrics);
const listening = await listen(app, config.host, config.port);
log.info({ url: listening.url }, 'effects worker ready');

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  log.info('stopping: finishing effects in flight');
  listening.server.close();
  await worker.stop().catch((error) => log.error({ err: loggableError(error) }, 'stop failed'));
  await flushTelemetry();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
