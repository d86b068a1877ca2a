import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { loaderOfMany, loaderOfOne } from '@mutual-graph/platform';
import { LearningActivity } from '../entities/learning-activity.js';
import { LearningCompletion } from '../entities/learning-completion.js';
import { EventRegistration, RegistrationStatus } from '../entities/event-registration.js';
import { LearningEvent } from '../entities/learning-event.js';
import { EducationPlan, PlanStatus } from '../entities/education-plan.js';
import { EducationPlanItem } from '../entities/education-plan-item.js';
import { ServiceSurvey } from '../entities/service-survey.js';

/** The education subgraph's per-request loaders. */
export function createLoaders(em: EntityManager) {
  return {
    activityById: loaderOfOne(
      (ids) => em.find(LearningActivity, { id: { $in: [...ids] } }),
      (activity) => activity.id,
    ),
    completionsByMember: loaderOfMany(
      (memberIds) => em.find(LearningCompletion, { memberId: { $in: [...memberIds] } }, { orderBy: { completedOn: 'desc', id: 'asc' } }),
      (completion) => completion.memberId,
    ),
    // The plan that is not closed, newest first: a member has at most one active plan at a time.
    planByMember: loaderOfOne(
      async (memberIds) => {
        const plans = await em.find(EducationPlan, { memberId: { $in: [...memberIds] }, status: { $ne: PlanStatus.CLOSED } }, { orderBy: { createdOn: 'desc', id: 'asc' } });
        const latest = new Map<string, EducationPlan>();
        for (const plan of plans) if (!latest.has(plan.memberId)) latest.set(plan.memberId, plan);
        return [...latest.values()];
      },
      (plan) => plan.memberId,
    ),
    itemsByPlan: loaderOfMany(
      (planIds) => em.find(EducationPlanItem, { plan: { $in: [...planIds] } }, { orderBy: { dueOn: 'asc', id: 'asc' } }),
      (item) => item.plan.id,
    ),
    eventById: loaderOfOne(
      (ids) => em.find(LearningEvent, { id: { $in: [...ids] } }),
      (event) => event.id,
    ),
    registrationsByMember: loaderOfMany(
      (memberIds) => em.find(EventRegistration, { memberId: { $in: [...memberIds] } }, { orderBy: { registeredAt: 'desc', id: 'asc' } }),
      (registration) => registration.memberId,
    ),
    surveysByMember: loaderOfMany(
      (memberIds) => em.find(ServiceSurvey, { memberId: { $in: [...memberIds] } }, { orderBy: { sentAt: 'desc', id: 'asc' } }),
      (survey) => survey.memberId!,
    ),
    // Seats taken and people waiting, per event, counted in one grouped statement.
    occupancyByEvent: new DataLoader<string, { registered: number; waitlisted: number }>(async (eventIds) => {
      const rows = await em
        .getConnection()
        .execute<{ event_id: string; status: RegistrationStatus; n: number }[]>(
          `select event_id, status, count(*)::int as n from education.event_registration where event_id = any(?::uuid[]) and status <> ? group by event_id, status`,
          [`{${eventIds.join(',')}}`, RegistrationStatus.CANCELLED],
        );
      return eventIds.map((id) => ({
        registered: rows.find((r) => r.event_id === id && r.status === RegistrationStatus.REGISTERED)?.n ?? 0,
        waitlisted: rows.find((r) => r.event_id === id && r.status === RegistrationStatus.WAITLISTED)?.n ?? 0,
      }));
    }),
  };
}

export type EducationLoaders = ReturnType<typeof createLoaders>;
