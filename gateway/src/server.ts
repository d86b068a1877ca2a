import 'reflect-metadata';
import { gatewayConfigFromEnv } from './config.js';
import { startGateway } from './gateway.js';
import { log } from './observability.js';
import { loggableError } from '@mutual-graph/platform';

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
  await running.stop().catch((error) => log.error({ err: loggableError(error) }, 'stop failed'));
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
