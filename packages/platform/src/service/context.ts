import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';

/**
 * What every resolver of a subgraph sees for one request. Built in one function, per request:
 * its own EntityManager fork (identity map scoped to the request) and its own dataloaders
 * (batching and caching scoped to the request, so nothing leaks between callers).
 * Who is asking and why (principal, purpose) joins here with purpose-bound access.
 */
export interface SubgraphContext<Loaders> {
  requestId: string;
  em: EntityManager;
  loaders: Loaders;
}

export type LoaderFactory<Loaders> = (em: EntityManager) => Loaders;

export function subgraphContextFactory<Loaders>(orm: MikroORM, createLoaders: LoaderFactory<Loaders>) {
  return async ({ req }: { req: IncomingMessage }): Promise<SubgraphContext<Loaders>> => {
    const em = orm.em.fork();
    const header = req.headers['x-request-id'];
    return {
      requestId: typeof header === 'string' && /^[\w-]{1,64}$/.test(header) ? header : randomUUID(),
      em,
      loaders: createLoaders(em),
    };
  };
}
