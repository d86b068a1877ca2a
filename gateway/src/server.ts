import 'reflect-metadata';
import { gatewayConfigFromEnv } from './config.js';
import { startGateway } from './gateway.js';

const running = await startGateway(
  (() => {
    try {
      return gatewayConfigFromEnv();
    } catch (error) {
      console.error(`[gateway] ${(error as Error).message}`);
      process.exit(1);
    }
  })(),
);
console.log(`[gateway] internal graph at ${running.graphqlUrl}`);
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await running.stop().catch((error) => console.error('[gateway] stop failed', error));
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
