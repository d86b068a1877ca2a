import { perMemberOnce, type SeedPlan } from '../seeding/seed-plan.js';
import { privacyPolicyOn } from '@mutual-graph/policy';
import { syntheticAssessments, syntheticConsents, syntheticServiceProviders } from '@mutual-graph/synthetic';
import { Consent, ConsentEvent, PrivacyImpactAssessment, ServiceProvider, ServiceProviderTransfer } from '@mutual-graph/privacy-subgraph';

/**
 * Each member's consent history (a group of its own: it came after the consents), and their consents as they stand after it;
 * the register of service providers with their periods of receiving and assessments (a group of its own: it came later).
 */
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
    {
      tables: [
        {
          entity: ServiceProvider,
          rows: () =>
            syntheticServiceProviders().map(({ periods, ...p }) => {
              const current = periods.find((period) => period.until === null);
              return {
                ...p,
                categories: current ? [...current.categories].sort() : [],
                memberProvinces: current ? current.memberProvinces : [],
                receivingSince: current?.since ?? null,
                stoppedReceivingOn: current ? null : periods.at(-1)!.until,
                registeredBy: 'privacy-officer',
                registeredAt: new Date(`${p.agreementSignedOn}T12:00:00Z`),
              };
            }),
        },
        {
          entity: ServiceProviderTransfer,
          rows: () => syntheticServiceProviders().flatMap((p) => p.periods.map((period) => ({ providerId: p.id, ...period, categories: [...period.categories].sort() }))),
        },
        {
          entity: PrivacyImpactAssessment,
          rows: () =>
            syntheticAssessments().map((a) => ({
              ...a,
              categories: [...a.categories].sort(),
              recordedBy: 'privacy-officer',
              recordedAt: new Date(`${a.concludedOn}T09:00:00Z`),
            })),
        },
      ],
    },
  ];
};
