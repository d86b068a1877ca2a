// Target (b): our gateway, configured from the same environment as the shipped one, started with
// the bench-only switch that leaves the policy layer out. The switch is an argument of
// startGateway, not a setting: gateway/dist/server.js, which a deployment runs, never passes it.
import 'reflect-metadata';
import { gatewayConfigFromEnv, startGateway } from '@mutual-graph/gateway';

const running = await startGateway(gatewayConfigFromEnv(), { withoutPolicyLayer: true });
console.log(`ready ${running.graphqlUrl} (policy layer off: benchmark only)`);
const stop = async () => {
  await running.stop();
  process.exit(0);
};
// A failed stop is the benchmark's to see: unhandled, it ends this process with the error.
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
