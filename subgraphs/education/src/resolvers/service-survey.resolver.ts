import { isoDate } from '@mutual-graph/domain-codes';
import { ActsOnCaller, callerMemberId, Category, DateScalar, NonPersonal, OnlyForPurposes } from '@mutual-graph/platform';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { EducationContext } from '../context.js';
import { SurveyedService } from '../domain/surveyed-service.js';
import { ServiceSurvey } from '../entities/service-survey.js';
import { readResults } from '../reporting/survey-results.js';
import { answerSurvey, sendSurveys } from '../services/survey-desk.js';
import { ServiceSurveyAnswers } from '../types/service-survey-inputs.js';
import { ServiceSurveyResults, ServiceSurveySending, SurveyDimension } from '../types/service-survey-results.js';
import { Member } from '../types/member.js';

@Resolver(() => ServiceSurvey)
export class ServiceSurveyResolver {
  // Purpose bindings (@OnlyForPurposes): service evaluation sends surveys and reads results about
  // no one; a member's surveys and answers are theirs alone.

  @NonPersonal()
  @OnlyForPurposes('SERVICE_EVALUATION')
  @Query(() => ServiceSurveyResults, { description: 'Survey results over closed quarters, by quarter and province of practice if asked, small cells suppressed (SERVICE_EVALUATION)' })
  serviceSurveyResults(
    @Ctx() { em }: EducationContext,
    @NonPersonal() @Arg('service', () => SurveyedService) service: SurveyedService,
    @NonPersonal() @Arg('from', () => DateScalar, { nullable: true, description: "From this day's quarter (default: the first surveyed)" }) from?: Date | null,
    @NonPersonal() @Arg('to', () => DateScalar, { nullable: true, description: "To this day's quarter (default: today's); only closed quarters count" }) to?: Date | null,
    @NonPersonal() @Arg('groupBy', () => [SurveyDimension], { nullable: true, defaultValue: [] }) groupBy: SurveyDimension[] | null = [],
  ): Promise<ServiceSurveyResults> {
    return readResults(em, service, from ? isoDate(from) : null, to ? isoDate(to) : null, groupBy ?? []);
  }

  @NonPersonal()
  @OnlyForPurposes('SERVICE_EVALUATION')
  @Mutation(() => ServiceSurveySending, { description: "Sends the day's surveys about a service to the members who had it and whose survey consent is current (SERVICE_EVALUATION)" })
  async sendServiceSurveys(
    @Ctx() context: EducationContext,
    @NonPersonal() @Arg('service', () => SurveyedService) service: SurveyedService,
    @NonPersonal() @Arg('on', () => DateScalar, { description: 'The day of the service, at most 14 days ago' }) on: Date,
  ): Promise<ServiceSurveySending> {
    const day = isoDate(on);
    return { service, on: day, sent: await sendSurveys(context, service, day) };
  }

  @Category('SURVEY')
  @OnlyForPurposes('MEMBER_SELF_SERVICE')
  @ActsOnCaller()
  @Mutation(() => ServiceSurvey, { description: 'A member answers one of their own surveys, once, while it is open and their survey consent is current' })
  answerMyServiceSurvey(
    @NonPersonal() @Arg('surveyId', () => ID) surveyId: string,
    @NonPersonal() @Arg('answers', () => ServiceSurveyAnswers) answers: ServiceSurveyAnswers,
    @Ctx() context: EducationContext,
  ): Promise<ServiceSurvey> {
    return answerSurvey(context, callerMemberId(context), surveyId, answers);
  }
}

@Resolver(() => Member)
export class MemberSurveysResolver {
  @Category('SURVEY')
  // The member's own surveys, answers and comments: the member (and their access report) alone.
  @OnlyForPurposes('MEMBER_SELF_SERVICE')
  @FieldResolver(() => [ServiceSurvey], { description: 'Surveys sent to the member, newest first, with their answers (the member only)' })
  serviceSurveys(@Root() member: Member, @Ctx() { loaders }: EducationContext): Promise<ServiceSurvey[]> {
    return loaders.surveysByMember.load(member.id);
  }
}
