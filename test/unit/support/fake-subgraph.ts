import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a fake subgraph was sent. */
export interface ReceivedCall {
  authorization: string | undefined;
  query: string;
  variables: Record<string, unknown>;
}

/**
 * A subgraph that is only an HTTP endpoint on localhost answering what the test says: enough to
 * unit-test a peer call's handling of answers (and of hostile ones) with no stack running.
 */
export class FakeSubgraph {
  readonly calls: ReceivedCall[] = [];
  answer: unknown = { data: null };
  private server: Server | undefined;

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        const { query, variables } = JSON.parse(body) as { query: string; variables: Record<string, unknown> };
        this.calls.push({ authorization: request.headers.authorization, query, variables });
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify(this.answer));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/graphql`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve, reject) => this.server?.close((error) => (error ? reject(error) : resolve())) ?? resolve());
  }
}
