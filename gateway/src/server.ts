import 'reflect-metadata';
import { gatewayConfigFromEnv } from './config.js';
import { startGateway } from './gateway.js';
import { log } from './observability.js';
import { flushTelemetry, loggableError } from '@mutual-graph/platform';

const running = await startGateway(
  (() => {
    try {
      return gatewayConfigFromEnv();
    } catch (error) {
      log.fatal((error as Error).message);
      process.exit(1);
    }
  })(),
);
log.info({ internal: running.graphqlUrl, partner: running.partnerGraphqlUrl }, 'gateway ready');
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  log.info('stopping: finishing requests in flight, refusing new ones');
  await running.stop().catch((error) => log.error({ err: loggableError(error) }, 'stop failed'));
  log.info('stopped');
  await flushTelemetry();
  process.exit(0);
};
// stop() logs its own failure and exits: nothing is left to handle.
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
