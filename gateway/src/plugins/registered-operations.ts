import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from '../context.js';

/** A registered operation's id: SHA-256 of its text, trimmed (as a client sends it in `persistedQuery.sha256Hash`). */
export const operationHash = (text: string) => createHash('sha256').update(text.trim()).digest('hex');

/** The operations a graph runs, from `.graphql` files kept in the repository: hash → text. */
export function loadRegisteredOperations(folder: string): Map<string, { name: string; text: string }> {
  const operations = new Map<string, { name: string; text: string }>();
  for (const file of readdirSync(folder)
    .filter((f) => f.endsWith('.graphql'))
    .sort()) {
    const text = readFileSync(join(folder, file), 'utf8').trim();
    operations.set(operationHash(text), { name: file.replace(/\.graphql$/, ''), text });
  }
  return operations;
}

// Stands in for an operation that is not registered, so that its text is never parsed; the
// refusal is raised by the operation policy at its decision stage, and audited there.
const PLACEHOLDER = 'query OperationNotRegistered { __typename }';

/**
 * Only registered operations run: a client sends the hash (`extensions.persistedQuery.sha256Hash`)
 * or the exact text of one. Anything else is refused with OPERATION_NOT_REGISTERED before it is parsed.
 */
export function registeredOperationsPlugin(operations: Map<string, { name: string; text: string }>): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ request, contextValue }) {
      const persisted = (request.extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)?.persistedQuery;
      const hash = typeof persisted?.sha256Hash === 'string' ? persisted.sha256Hash : request.query ? operationHash(request.query) : undefined;
      const registered = hash ? operations.get(hash) : undefined;
      if (request.extensions) delete (request.extensions as Record<string, unknown>).persistedQuery;
      const matches = registered && (request.query === undefined || request.query.trim() === registered.text);
      request.query = matches ? registered.text : PLACEHOLDER;
      if (!matches) {
        contextValue.pendingRefusal = new GraphQLError('only registered operations run on this graph', {
          extensions: { code: 'OPERATION_NOT_REGISTERED', http: { status: 403 } },
        });
      }
    },
  };
}
