import { EdiProfile, MemberPracticeCopy } from '@mutual-graph/member-subgraph';
import { syntheticEdi } from '@mutual-graph/synthetic';
import type { SeedPlan } from '../seeding/seed-plan.js';

/** EDI answers of members whose EDI consent is current, and every member's practice (the store's own copy). */
export const ediSeed: SeedPlan = (options) => [
  {
    tables: [
      {
        entity: EdiProfile,
        perMember: (member) => {
          const answers = syntheticEdi(member, options);
          return answers ? [answers] : [];
        },
      },
    ],
  },
  { tables: [{ entity: MemberPracticeCopy, perMember: (member) => [{ memberId: member.id, province: member.province, specialty: member.specialty }] }] },
];
