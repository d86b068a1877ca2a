import { ActsOnCaller, NonPersonal } from '@mutual-graph/platform';
import { today } from '@mutual-graph/domain-codes';
import { PRIVACY_POLICY_VERSIONS, privacyPolicyOn } from '@mutual-graph/policy';
import { Query, Resolver } from 'type-graphql';
import { PrivacyPolicyVersion } from '../types/privacy-policy-version.js';

/**
 * The privacy policy's versions, from packages/policy where they are kept: about no one, readable
 * under every purpose of the internal graph (the partner graph holds its confirmations alone).
 */
@Resolver()
export class PrivacyPolicyResolver {
  // About no one (@ActsOnCaller): readable under self-service as under every purpose.
  @NonPersonal()
  @ActsOnCaller()
  @Query(() => [PrivacyPolicyVersion], { description: 'The privacy policy’s versions, oldest first, with what each changed and the uses it introduced' })
  privacyPolicyVersions(): PrivacyPolicyVersion[] {
    const current = privacyPolicyOn(today()).version;
    return PRIVACY_POLICY_VERSIONS.map((v) => ({
      version: v.version,
      effectiveOn: v.effectiveOn,
      current: v.version === current,
      changes: [...v.changes],
      newUses: (v.newUses ?? []).map((u) => ({
        purpose: u.purpose,
        categories: [...u.categories],
        consent: 'consent' in u.basis ? u.basis.consent : null,
        law: 'law' in u.basis ? u.basis.law : null,
      })),
    }));
  }
}
