import { randomUUID } from 'node:crypto';
import { IsolationLevel } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { MedicoLegalMatter } from '../entities/medico-legal-matter.js';
import { IdentificationSnapshot } from '../entities/identification-snapshot.js';
import type { SupportProgramEnrolment } from '../entities/support-program-enrolment.js';
import type { IdentificationFigures } from './identification-explanation.js';
import { comparisonOf, lookbackFrom, type IdentificationOptions } from './support-program-identification.js';

/**
 * One member's identification figures as of `options.asOf`: their comparison with their peers and
 * the matters it counted, read from one snapshot of the database (a matter recorded meanwhile is in
 * both or neither). Null when they had no protection in the lookback, or too few peers.
 */
export async function identificationFigures(em: EntityManager, options: IdentificationOptions, memberId: string): Promise<IdentificationFigures | null> {
  const from = lookbackFrom(options);
  const read = await em.transactional(
    async (tx) => {
      const comparison = await comparisonOf(tx, options, memberId);
      const matters = comparison ? await tx.find(MedicoLegalMatter, { memberId, openedOn: { $gte: from, $lte: options.asOf } }, { orderBy: { openedOn: 'asc', id: 'asc' } }) : [];
      return { comparison, matters };
    },
    { isolationLevel: IsolationLevel.REPEATABLE_READ, readOnly: true },
  );
  const { comparison, matters } = read;
  if (!comparison) return null;
  const { memberId: _member, matters: _count, significant: _significant, ...figures } = comparison;
  return {
    ...figures,
    identifiedOn: options.asOf,
    lookbackFrom: from,
    lookbackTo: options.asOf,
    lookbackYears: options.lookbackYears,
    alpha: options.alpha,
    minimumPeerMembers: options.minimumPeerMembers,
    matters: matters.map(({ id, kind, openedOn }) => ({ id, kind, openedOn })),
  };
}

/** Records the figures with the enrolment they opened, in its transaction. */
export function recordIdentification(tx: EntityManager, enrolment: SupportProgramEnrolment, figures: IdentificationFigures): IdentificationSnapshot {
  return tx.create(IdentificationSnapshot, { id: randomUUID(), enrolment, ...figures });
}
