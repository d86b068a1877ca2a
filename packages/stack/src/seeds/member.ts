import type { SeedPlan } from '../seeding/seed-plan.js';
import { Member, MembershipPeriod } from '@mutual-graph/member-subgraph';

/** Members and their periods, together. */
export const memberSeed: SeedPlan = () => [
  {
    tables: [
      {
        entity: Member,
        perMember: (m) => [
          {
            id: m.id,
            membershipNumber: m.membershipNumber,
            minc: m.minc,
            firstName: m.firstName,
            lastName: m.lastName,
            dateOfBirth: m.dateOfBirth,
            preferredLanguage: m.preferredLanguage,
            email: m.email,
            phone: m.phone,
            city: m.city,
            mailingProvince: m.mailingProvince,
            practiceProvince: m.province,
            specialty: m.specialty,
            typeOfWork: m.typeOfWork,
            status: m.status,
          },
        ],
      },
      { entity: MembershipPeriod, perMember: (m) => m.periods.map((p) => ({ member: m.id, ...p })) },
    ],
  },
];
