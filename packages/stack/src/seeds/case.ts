import { perMemberOnce, type SeedPlan } from '../seeding/seed-plan.js';
import { syntheticCasework } from '@mutual-graph/synthetic';
import { AdviceCall, MedicoLegalMatter, ProtectionPeriod } from '@mutual-graph/case-subgraph';

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
