import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { today as todayUtc } from '@mutual-graph/domain-codes';
import { badUserInput, isUuid, Province } from '@mutual-graph/platform';
import type { EducationContext } from '../context.js';
import { surveyRefusal, validAnswers, type SurveyAnswers } from '../domain/survey-answers.js';
import { ANSWER_WITHIN_DAYS, quarterOf, sendingRefusal } from '../domain/survey-calendar.js';
import { SurveyedService } from '../domain/surveyed-service.js';
import { ServiceSurvey } from '../entities/service-survey.js';
import { adviceCallersOn, consentingToSurveys, practiceProvinces } from './survey-peers.js';

// The survey desk's transactions; the rules are domain/survey-answers.ts's and domain/survey-calendar.ts's.

const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The members who had the service that day: registered at an event that took place, or who called an advisor. */
async function membersServedOn(context: EducationContext, service: SurveyedService, on: string): Promise<string[]> {
  if (service === SurveyedService.ADVICE_CALL) return adviceCallersOn(context, on);
  const rows = await context.em.getConnection().execute<{ member_id: string }[]>(
    `select distinct r.member_id from education.event_registration r join education.learning_event e on e.id = r.event_id
     where r.status = 'REGISTERED' and (e.starts_at at time zone 'UTC')::date = ?::date and e.ends_at <= now()`,
    [on],
  );
  return rows.map((r) => r.member_id);
}

/**
 * Sends the day's surveys about a service: to each member who had it that day, whose survey consent
 * the privacy subgraph says is current now, and who was not asked about this service this quarter
 * (one survey a member, service and quarter; sending the day again sends nothing new). Consent is
 * asked at the moment of sending, so a withdrawal stops every survey after it. Returns how many were sent.
 */
export async function sendSurveys(context: EducationContext, service: SurveyedService, on: string, now = new Date()): Promise<number> {
  if (!DATE.test(on)) throw badUserInput('on', 'on is a date, YYYY-MM-DD');
  const refusal = sendingRefusal(on, todayUtc());
  if (refusal) throw badUserInput('on', refusal);
  const served = (await membersServedOn(context, service, on)).filter(isUuid).map((id) => id.toLowerCase());
  const consenting = await consentingToSurveys(context, served);
  const recipients = served.filter((id) => consenting.has(id));
  const provinces = await practiceProvinces(context, recipients);
  if (recipients.length === 0) return 0;
  const quarter = quarterOf(on);
  const rows = recipients.map((memberId) => {
    const province = provinces.get(memberId);
    return {
      id: randomUUID(),
      member_id: memberId,
      province: province && Object.hasOwn(Province, province) ? province : null,
    };
  });
  // One statement: every survey of the day or none; a member surveyed already this quarter is skipped.
  const inserted = await context.em.getConnection().execute<{ id: string }[]>(
    `insert into education.service_survey (id, member_id, service, service_on, quarter, province, sent_at, answerable_until)
     select (r->>'id')::uuid, (r->>'member_id')::uuid, ?::education.surveyed_service, ?::date, ?, (r->>'province')::education.survey_province, ?, ?
     from jsonb_array_elements(?::jsonb) r
     on conflict (member_id, service, quarter) do nothing returning id`,
    [service, on, quarter, now, new Date(now.getTime() + ANSWER_WITHIN_DAYS * DAY_MS), JSON.stringify(rows)],
  );
  return inserted.length;
}

/**
 * A member answers their own survey: the survey is found (theirs: another's is "none"), the answers
 * checked against its service, then whether it is still unanswered and open, then their survey consent, asked of the privacy subgraph now; withdrawn
 * since the survey was sent, nothing is stored. The answer is one conditional update, so two
 * answers at once store one.
 */
export async function answerSurvey(context: EducationContext, memberId: string, surveyId: string, answers: SurveyAnswers, now = new Date()): Promise<ServiceSurvey> {
  if (!isUuid(surveyId)) throw surveyRefusal('NOT_FOUND');
  const em: EntityManager = context.em;
  const survey = await em.findOne(ServiceSurvey, { id: surveyId.toLowerCase(), memberId });
  if (!survey) throw surveyRefusal('NOT_FOUND');
  const valid = validAnswers(survey.service, answers);
  if (survey.answeredAt) throw surveyRefusal('ALREADY_ANSWERED');
  if (survey.answerableUntil <= now) throw surveyRefusal('SURVEY_CLOSED');
  if (!(await consentingToSurveys(context, [memberId])).has(memberId)) throw surveyRefusal('NO_SURVEY_CONSENT');
  const changed = await em.nativeUpdate(
    ServiceSurvey,
    { id: survey.id, memberId, answeredAt: null, answerableUntil: { $gt: now } },
    { answeredAt: now, satisfaction: valid.satisfaction, stressBefore: valid.stressBefore, stressAfter: valid.stressAfter, comment: valid.comment },
  );
  if (changed !== 1) throw surveyRefusal('ALREADY_ANSWERED');
  return (await em.fork().findOne(ServiceSurvey, { id: survey.id }))!;
}
