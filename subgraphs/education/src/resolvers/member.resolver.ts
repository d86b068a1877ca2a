import { Category } from '@mutual-graph/platform';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { EducationContext } from '../context.js';
import { EducationPlan } from '../entities/education-plan.js';
import { EventRegistration } from '../entities/event-registration.js';
import { CreditCycle } from '../types/credit-cycle.js';
import { LearningCompletion } from '../entities/learning-completion.js';
import { Member } from '../types/member.js';

@Resolver(() => Member)
export class MemberLearningResolver {
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
