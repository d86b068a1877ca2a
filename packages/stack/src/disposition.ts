import { today } from '@mutual-graph/domain-codes';
import type { MikroORM } from '@mikro-orm/postgresql';
import { openDatabase, roleUrl, runDisposition, unfinishedRun, type DispositionHold, type DispositionOptions, type DispositionReport } from '@mutual-graph/platform';
import { roleName, SUBGRAPHS } from './subgraphs.js';

/**
 * The holds from disposition in force on a day, read by the subgraph that keeps them (privacy) with
 * its own database role, whichever subgraphs this run disposes in. Throws, so that nothing is
 * disposed of, when no subgraph keeps holds or they cannot be read.
 */
async function holdsInForce(urlOf: (owner: string) => string, days: readonly string[]): Promise<DispositionHold[]> {
  const keeper = SUBGRAPHS.find((s) => s.dispositionHolds);
  if (!keeper?.dispositionHolds) throw new Error('no subgraph keeps the holds from disposition: disposing of nothing');
  let orm: MikroORM | undefined;
  try {
    orm = await openDatabase(keeper.database, { clientUrl: urlOf(keeper.name), poolMax: 1 });
    const holds: DispositionHold[] = [];
    for (const day of days) holds.push(...(await keeper.dispositionHolds(orm.em.fork(), day)));
    return holds;
  } catch (error) {
    throw new Error(`the holds from disposition could not be read from ${keeper.name}, so nothing was disposed of: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  } finally {
    await orm?.close();
  }
}

export interface SubgraphDispositionReport extends DispositionReport {
  subgraph: string;
}

/**
 * Runs every subgraph's disposition job (or those named), each as its own database role, the way
 * its service would reach its data: what `npm run dispose` does. The subgraphs run one after the
 * other as one disposition: when an earlier one stopped part way, every subgraph runs as of the day
 * that one started, so a crash in one never leaves the others measured from another day.
 */
export async function disposeAll(adminUrl: string, passwords: Record<string, string>, options: Omit<DispositionOptions, 'holds'> & { subgraphs?: string[] }): Promise<SubgraphDispositionReport[]> {
  const urlOf = (owner: string) => roleUrl(adminUrl, { role: roleName(owner), password: passwords[owner] });
  const chosen = SUBGRAPHS.filter((s) => !options.subgraphs || options.subgraphs.includes(s.name));
  const orms = new Map<string, MikroORM>();
  try {
    for (const subgraph of chosen) orms.set(subgraph.name, await openDatabase(subgraph.database, { clientUrl: urlOf(subgraph.name), poolMax: 2 }));
    let asOf = options.asOf;
    if (!options.dryRun) {
      for (const orm of orms.values()) asOf = (await unfinishedRun(orm.em))?.asOf ?? asOf;
    }
    // Fail closed: the holds are learnt before any subgraph disposes of anything, and a run that cannot learn them stops here.
    // As of the run's day and of today: a resumed or backdated run must not miss a request deemed refused since.
    const holds = await holdsInForce(urlOf, asOf < today() ? [asOf, today()] : [asOf]);
    const reports: SubgraphDispositionReport[] = [];
    for (const subgraph of chosen) {
      const stores = await Promise.all((subgraph.isolatedStores ?? []).map(async (store) => [store.name, await openDatabase(store.database, { clientUrl: urlOf(store.name), poolMax: 2 })] as const));
      try {
        const storeEms = Object.fromEntries(stores.map(([name, store]) => [name, store.em.fork()]));
        const report = await runDisposition(orms.get(subgraph.name)!.em.fork(), subgraph.database.schema, subgraph.disposition(storeEms), { ...options, asOf, holds });
        reports.push({ subgraph: subgraph.name, ...report });
      } finally {
        await Promise.all(stores.map(([, store]) => store.close()));
      }
    }
    return reports;
  } finally {
    await Promise.all([...orms.values()].map((orm) => orm.close()));
  }
}
