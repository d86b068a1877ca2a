import { perMemberOnce, type SeedPlan } from '../seeding/seed-plan.js';
import { syntheticCasework } from '@mutual-graph/synthetic';
import type { EntityManager } from '@mikro-orm/postgresql';
import { today } from '@mutual-graph/domain-codes';
import {
  AdviceCall,
  EnrolmentSource,
  identificationFigures,
  identificationOptions,
  identifyCandidates,
  MedicoLegalMatter,
  openEnrolment,
  ProtectionPeriod,
  SupportProgramEnrolment,
} from '@mutual-graph/case-subgraph';

/** Ten years of matters and advice calls; the copy of periods of protection is a group of its own (it came later). */
export const caseSeed: SeedPlan = (options) => {
  const casework = perMemberOnce((member) => syntheticCasework(member, options));
  return [
    { tables: [{ entity: ProtectionPeriod, perMember: (member) => member.periods.map((p) => ({ memberId: member.id, ...p })) }] },
    {
      tables: [
        {
          entity: MedicoLegalMatter,
          perMember: (member) =>
            casework(member).matters.map(({ compensationPaidCents, ...matter }) => ({
              ...matter,
              compensationPaidCad: compensationPaidCents === null ? null : (compensationPaidCents / 100).toFixed(2),
            })),
        },
        { entity: AdviceCall, perMember: (member) => casework(member).calls },
      ],
    },
  ];
};

/** Members the seed enrols from identification, the strongest candidates first. */
export const SEEDED_IDENTIFICATIONS = 3;

/**
 * After the population is loaded: the program identifies on the seeded data as of today (standard
 * settings) and enrols its strongest few candidates, as `enrolInSupportProgram` does, their figures
 * recorded, so a fresh stack can show a member why they were identified. Once: not when any
 * enrolment from identification exists.
 */
export async function caseAfterSeed(em: EntityManager): Promise<void> {
  if ((await em.count(SupportProgramEnrolment, { source: EnrolmentSource.IDENTIFICATION })) > 0) return;
  const options = identificationOptions({}, today());
  const candidates = await identifyCandidates(em, options);
  for (const candidate of candidates.slice(0, SEEDED_IDENTIFICATIONS)) {
    const figures = await identificationFigures(em, options, candidate.memberId);
    await openEnrolment(em, candidate.memberId, EnrolmentSource.IDENTIFICATION, 'seed', `Enrolled (${EnrolmentSource.IDENTIFICATION}).`, figures);
  }
}
