import { Category, OnlyForPurposes } from '@mutual-graph/platform';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { PrivacyContext } from '../context.js';
import { ConsentStatus } from '../entities/consent-enums.js';
import { SurveyPreferences } from '../types/survey-preferences.js';
import { Member } from '../types/member.js';

/**
 * The survey consent decides who is sent a service survey and whose answer is stored: read here,
 * from the consent as it stands, so a withdrawal stops the next survey and the next answer.
 */
@Resolver(() => Member)
export class SurveyConsentResolver {
  @Category('SURVEY')
  // Asked by the survey subgraph (SURVEY_CONSENT_CALL) when sending and when a member answers.
  @OnlyForPurposes('SERVICE_EVALUATION', 'MEMBER_SELF_SERVICE')
  @FieldResolver(() => SurveyPreferences, { description: 'Whether the member may be surveyed' })
  async surveyPreferences(@Root() member: Member, @Ctx() { loaders }: PrivacyContext): Promise<SurveyPreferences> {
    const consent = await loaders.surveysConsent.load(member.id);
    return { consented: consent?.status === ConsentStatus.GRANTED };
  }
}
