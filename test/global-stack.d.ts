// What test/global-setup.js leaves in jest's main process for test/global-teardown.js.
import type { RunningStack } from '@mutual-graph/stack';

declare global {
  var __MUTUAL_GRAPH_STACK__: { stack: RunningStack; dataDir: string } | undefined;
}
