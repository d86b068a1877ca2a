import { perMemberOnce, type SeedPlan } from '../seeding/seed-plan.js';
import { privacyPolicyOn } from '@mutual-graph/policy';
import { syntheticConsents } from '@mutual-graph/synthetic';
import { Consent, ConsentEvent } from '@mutual-graph/privacy-subgraph';

/** Each member's consent history (a group of its own: it came after the consents), and their consents as they stand after it. */
export const privacySeed: SeedPlan = (options) => {
  const events = perMemberOnce((member) => syntheticConsents(member, options));
  return [
    {
      tables: [
        {
          entity: ConsentEvent,
          perMember: (member) =>
            events(member).map((e) => ({
              memberId: member.id,
              purpose: e.purpose,
              decision: e.decision,
              recordedAt: new Date(e.recordedAt),
              method: e.method,
              policyVersion: privacyPolicyOn(e.recordedAt.slice(0, 10)).version,
            })),
        },
      ],
    },
    {
      tables: [
        {
          entity: Consent,
          perMember: (member) =>
            events(member)
              .filter((e) => e.decision === 'GRANTED')
              .map((granted) => {
                const withdrawn = events(member).find((e) => e.purpose === granted.purpose && e.decision === 'WITHDRAWN');
                return {
                  id: granted.id,
                  memberId: member.id,
                  purpose: granted.purpose,
                  status: withdrawn ? 'WITHDRAWN' : 'GRANTED',
                  grantedAt: new Date(granted.recordedAt),
                  withdrawnAt: withdrawn ? new Date(withdrawn.recordedAt) : null,
                  method: (withdrawn ?? granted).method,
                  policyVersion: privacyPolicyOn(granted.recordedAt.slice(0, 10)).version,
                };
              }),
        },
      ],
    },
  ];
};
