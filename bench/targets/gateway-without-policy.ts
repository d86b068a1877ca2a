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
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
