import { Category } from '@mutual-graph/platform';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { EducationContext } from '../context.js';
import { EventRegistration } from '../entities/event-registration.js';
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
  @FieldResolver(() => [EventRegistration], { description: 'Event registrations, newest first, cancelled ones included' })
  registrations(@Root() member: Member, @Ctx() { loaders }: EducationContext): Promise<EventRegistration[]> {
    return loaders.registrationsByMember.load(member.id);
  }
}
