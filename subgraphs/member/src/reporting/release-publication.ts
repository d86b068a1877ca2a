import { randomUUID } from 'node:crypto';
import { IsolationLevel } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import { EdiReleaseCell } from '../entities/edi-release-cell.js';
import { EdiRelease } from '../entities/edi-release.js';
import type { RandomSource } from './discrete-gaussian.js';
import { EDI_RELEASE_TABLES } from './edi-release-tables.js';
import { minimumCellSize } from './minimum-cell-size.js';
import { asNumber, noiseVariance, RELEASE_RHO, YEARLY_RHO_BUDGET } from './privacy-loss.js';
import { protectRelease } from './protect-release.js';
import { countRelease } from './release-counts.js';

export const RELEASE_METHOD = 'DISCRETE_GAUSSIAN_ZCDP';
const YEAR_MS = 365 * 24 * 3600 * 1000;

/** What the releases of the last 365 days spent, and when the next one may be published. */
export interface BudgetState {
  budget: number;
  spent: number;
  /** Rho spent by every release ever published (the budget bounds a year's, not this). */
  spentInTotal: number;
  /** Releases that may be published now, within the budget. */
  releasesPossible: number;
  /** When the next release fits the budget: now, or when enough of the last year's releases turn a year old. */
  nextReleaseFrom: Date;
}

type Spend = { publishedAt: Date; rhoNumerator: number; rhoDenominator: number };

/** The budget over the year before `now`, from the releases published in it (oldest first), in exact fractions. */
export function budgetState(window: readonly Spend[], now: Date, spentInTotal = 0): BudgetState {
  const inYear = window.filter((r) => now.getTime() - r.publishedAt.getTime() < YEAR_MS).sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime());
  // Everything in units of 1 / (product of denominators) would overflow nothing here: rho fractions are small.
  const unit = inYear.reduce((d, r) => d * BigInt(r.rhoDenominator), YEARLY_RHO_BUDGET.den * RELEASE_RHO.den);
  const scaled = (num: bigint, den: bigint) => (num * unit) / den;
  const budget = scaled(YEARLY_RHO_BUDGET.num, YEARLY_RHO_BUDGET.den);
  const release = scaled(RELEASE_RHO.num, RELEASE_RHO.den);
  const spends = inYear.map((r) => scaled(BigInt(r.rhoNumerator), BigInt(r.rhoDenominator)));
  const spent = spends.reduce((a, b) => a + b, 0n);
  const releasesPossible = spent + release > budget ? 0 : Number((budget - spent) / release);
  // The next release fits once enough of the oldest releases have turned a year old.
  let remaining = spent;
  let nextReleaseFrom = now;
  for (let i = 0; remaining + release > budget && i < inYear.length; i++) {
    remaining -= spends[i];
    nextReleaseFrom = new Date(inYear[i].publishedAt.getTime() + YEAR_MS);
  }
  return { budget: asNumber(YEARLY_RHO_BUDGET), spent: Number(spent) / Number(unit), spentInTotal, releasesPossible, nextReleaseFrom };
}

export async function readBudget(em: EntityManager, now = new Date()): Promise<BudgetState> {
  const window = await em.find(EdiRelease, { publishedAt: { $gt: new Date(now.getTime() - YEAR_MS) } }, { fields: ['publishedAt', 'rhoNumerator', 'rhoDenominator'] });
  const [{ total }] = await em
    .getConnection()
    .execute<{ total: number | null }[]>('select sum(rho_numerator::float8 / rho_denominator) as total from edi.edi_release', [], 'all', em.getTransactionContext());
  return budgetState(window, now, Number(total ?? 0));
}

export interface PublishOptions {
  publishedBy: string;
  random?: RandomSource;
}

/**
 * Publishes a release: one snapshot of the EDI store counted into every declared table, every
 * cell protected (protect-release.ts), stored with when, how and by whom; all in one
 * transaction, or nothing. Publications are serialised by a lock on the release table, so two
 * at once cannot both spend the last of the year's budget.
 */
export async function publishRelease(em: EntityManager, options: PublishOptions): Promise<EdiRelease> {
  return em.fork().transactional(
    async (tx) => {
      await tx.getConnection().execute('lock table edi.edi_release in share row exclusive mode', [], 'run', tx.getTransactionContext());
      // The time after the lock (now() is the transaction's start, before any wait for it).
      const [{ now }] = await tx.getConnection().execute<{ now: Date }[]>('select clock_timestamp() as now', [], 'all', tx.getTransactionContext());
      const budget = await readBudget(tx, new Date(now));
      if (budget.releasesPossible < 1) {
        throw new GraphQLError(`this year's EDI privacy budget is spent (${budget.spent} of ${budget.budget}); the next release may be published from ${budget.nextReleaseFrom.toISOString()}`, {
          extensions: { code: 'EDI_PRIVACY_BUDGET_SPENT', spent: budget.spent, budget: budget.budget, nextReleaseFrom: budget.nextReleaseFrom.toISOString() },
        });
      }
      const counts = await countRelease(tx);
      const variance = noiseVariance(EDI_RELEASE_TABLES.length);
      const minimum = minimumCellSize();
      const published = protectRelease(counts, { minimumCellSize: minimum, variance, random: options.random });
      const last = await tx.findOne(EdiRelease, { version: { $gt: 0 } }, { orderBy: { version: 'desc' }, fields: ['version'] });
      const release = tx.create(EdiRelease, {
        id: randomUUID(),
        version: (last?.version ?? 0) + 1,
        takenAt: new Date(now),
        publishedAt: new Date(now),
        publishedBy: options.publishedBy,
        method: RELEASE_METHOD,
        minimumCellSize: minimum,
        rhoNumerator: Number(RELEASE_RHO.num),
        rhoDenominator: Number(RELEASE_RHO.den),
        varianceNumerator: Number(variance.num),
        varianceDenominator: Number(variance.den),
        tables: EDI_RELEASE_TABLES.map((t) => t.key),
      });
      await tx.flush();
      await tx.insertMany(
        EdiReleaseCell,
        published.flatMap(({ table, cells }) => cells.map((cell, position) => ({ release: release.id, tableKey: table.key, position, cellValues: cell.values, count: cell.count }))),
      );
      return release;
    },
    { isolationLevel: IsolationLevel.REPEATABLE_READ },
  );
}
