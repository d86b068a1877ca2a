import { Category, Language, OnlyForPurposes } from '@mutual-graph/platform';
import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { MatterKind } from '@mutual-graph/platform';
import { SupportService } from '../entities/support-service.js';
import { WellnessResource, WellnessTopic } from '../entities/wellness-resource.js';
import { SupportSuggestions } from '../types/support-suggestions.js';
import type { EducationContext } from '../context.js';
import { EducationPlan } from '../entities/education-plan.js';
import { EventRegistration } from '../entities/event-registration.js';
import { CreditCycle } from '../types/credit-cycle.js';
import { LearningCompletion } from '../entities/learning-completion.js';
import { Member } from '../types/member.js';

// Which resources fit which open matters; physician health fits everyone.
const TOPICS_FOR: Record<MatterKind, WellnessTopic> = {
  COLLEGE_COMPLAINT: WellnessTopic.COLLEGE_COMPLAINT,
  HOSPITAL_COMPLAINT: WellnessTopic.HOSPITAL_COMPLAINT,
  HOSPITAL_PRIVILEGES: WellnessTopic.HOSPITAL_COMPLAINT,
  CIVIL_ACTION: WellnessTopic.MEDICO_LEGAL_ISSUE,
  OTHER: WellnessTopic.MEDICO_LEGAL_ISSUE,
};

@Resolver(() => Member)
export class MemberLearningResolver {
  /**
   * For the member alone (MEMBER_SELF_SERVICE, own record: @OnlyForPurposes binds it). Nothing
   * here is logged, counted or audited beyond the categories the gateway records.
   */
  @Category('MEDICO_LEGAL')
  @Directive('@requires(fields: "openMatterKinds preferredLanguage practiceProvince")')
  // What to turn to, chosen from the member's own open matters: the member's eyes only.
  @OnlyForPurposes('MEMBER_SELF_SERVICE')
  @FieldResolver(() => SupportSuggestions, {
    nullable: true,
    description: "Services in the member's province of practice and resources that fit their open matters, in their language (the member only)",
  })
  async supportSuggestions(@Root() member: Member, @Ctx() { em }: EducationContext): Promise<SupportSuggestions> {
    const language = member.preferredLanguage ?? Language.EN;
    const topics = [...new Set([...(member.openMatterKinds ?? []).map((k) => TOPICS_FOR[k]), WellnessTopic.PHYSICIAN_HEALTH])];
    // The practice's province, not the mailing address's: a physician health program serves the
    // physicians practising in its province, wherever they receive their mail.
    const [services, resources] = await Promise.all([
      em.find(SupportService, member.practiceProvince ? { province: member.practiceProvince } : {}, { orderBy: { province: 'asc' } }),
      em.find(WellnessResource, { topic: { $in: topics }, language }, { orderBy: { publishedOn: 'desc', id: 'asc' } }),
    ]);
    return { language, services, resources };
  }

  @Category('LEARNING')
  @FieldResolver(() => [LearningCompletion], { description: 'Completed learning, newest first' })
  learningRecord(@Root() member: Member, @Ctx() { loaders }: EducationContext): Promise<LearningCompletion[]> {
    return loaders.completionsByMember.load(member.id);
  }

  @Category('LEARNING')
  @FieldResolver(() => [CreditCycle], { description: 'Credits per five-year accreditation cycle (cycles begin in years divisible by five), newest first' })
  async creditCycles(@Root() member: Member, @Ctx() { loaders }: EducationContext): Promise<CreditCycle[]> {
    const completions = await loaders.completionsByMember.load(member.id);
    const activities = await loaders.activityById.loadMany(completions.map((c) => c.activity.id));
    const cycles = new Map<number, CreditCycle>();
    completions.forEach((completion, i) => {
      const activity = activities[i];
      const start = Math.floor(Number(completion.completedOn.slice(0, 4)) / 5) * 5;
      const cycle = cycles.get(start) ?? { startsOn: `${start}-01-01`, endsOn: `${start + 4}-12-31`, mainproCredits: 0, mocSection3Hours: 0, completions: 0 };
      cycle.mainproCredits += Number(completion.credits);
      cycle.mocSection3Hours += activity && !(activity instanceof Error) ? Number(activity.mocSection3Hours) : 0;
      cycle.completions += 1;
      cycles.set(start, cycle);
    });
    return [...cycles.entries()].sort(([a], [b]) => b - a).map(([, cycle]) => cycle);
  }

  @Category('LEARNING')
  @FieldResolver(() => EducationPlan, { nullable: true, description: 'The Member Support Program education plan that is not closed, if any' })
  educationPlan(@Root() member: Member, @Ctx() { loaders }: EducationContext): Promise<EducationPlan | null> {
    return loaders.planByMember.load(member.id);
  }

  @Category('LEARNING')
  @FieldResolver(() => [EventRegistration], { description: 'Event registrations, newest first, cancelled ones included' })
  registrations(@Root() member: Member, @Ctx() { loaders }: EducationContext): Promise<EventRegistration[]> {
    return loaders.registrationsByMember.load(member.id);
  }
}
