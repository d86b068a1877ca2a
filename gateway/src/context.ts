import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * What the gateway knows of one request, built in one function. Who is asking and for which
 * purpose of use join here with purpose-bound access.
 */
export interface GatewayContext {
  requestId: string;
}

export async function gatewayContext({ req }: { req: IncomingMessage }): Promise<GatewayContext> {
  const header = req.headers['x-request-id'];
  return { requestId: typeof header === 'string' && /^[\w-]{1,64}$/.test(header) ? header : randomUUID() };
}
