import { badUserInput } from '@mutual-graph/platform';
import { GraphQLError } from 'graphql';
import { SurveyedService } from './surveyed-service.js';

/** Satisfaction and stress are asked on a scale of 1 to 5. */
export const SCALE = { min: 1, max: 5 } as const;
/** Satisfied: 4 (satisfied) or 5 (very satisfied). */
export const SATISFIED_FROM = 4;
/** Severe stress: 4 (severe) or 5 (extreme) on the stress scale. */
export const SEVERE_STRESS_FROM = 4;
/** The longest comment kept, in characters. */
export const COMMENT_MAX = 2000;

export interface SurveyAnswers {
  satisfaction: number;
  stressBefore?: number | null;
  stressAfter?: number | null;
  comment?: string | null;
}

export interface ValidAnswers {
  satisfaction: number;
  stressBefore: number | null;
  stressAfter: number | null;
  comment: string | null;
}

function onScale(argument: string, value: number): number {
  if (!Number.isInteger(value) || value < SCALE.min || value > SCALE.max) throw badUserInput(argument, `${argument} is a whole number from ${SCALE.min} to ${SCALE.max}`);
  return value;
}

// Control characters (NUL above all, which PostgreSQL cannot store; a carriage return, which breaks the access report's
// table) and format characters (direction overrides, zero-width) have no place in a comment; line breaks and tabs do.
const CONTROL = /(?![\n\t])\p{Cc}|\p{Cf}/u;

/**
 * A member's answers as they will be stored: satisfaction always; stress before and after only for
 * an advice call, and then both or neither (a reduction needs both); a comment trimmed, bounded and
 * free of control characters, or none. Anything else is refused before anything is written.
 */
export function validAnswers(service: SurveyedService, answers: SurveyAnswers): ValidAnswers {
  const satisfaction = onScale('answers.satisfaction', answers.satisfaction);
  const before = answers.stressBefore ?? null;
  const after = answers.stressAfter ?? null;
  if (service !== SurveyedService.ADVICE_CALL && (before !== null || after !== null)) {
    throw badUserInput('answers.stressBefore', 'stress before and after is asked about advice calls only');
  }
  if ((before === null) !== (after === null)) throw badUserInput(before === null ? 'answers.stressBefore' : 'answers.stressAfter', 'stress is answered before and after, or not at all');
  const comment = answers.comment?.trim() ?? '';
  if (comment.length > COMMENT_MAX) throw badUserInput('answers.comment', `a comment is at most ${COMMENT_MAX.toLocaleString('en-CA')} characters`);
  if (CONTROL.test(comment)) throw badUserInput('answers.comment', 'a comment may not hold control characters');
  return {
    satisfaction,
    stressBefore: before === null ? null : onScale('answers.stressBefore', before),
    stressAfter: after === null ? null : onScale('answers.stressAfter', after),
    comment: comment === '' ? null : comment,
  };
}

/** A survey the member cannot answer: not theirs (or none), answered already, closed, or their consent withdrawn. */
export function surveyRefusal(reason: 'NOT_FOUND' | 'ALREADY_ANSWERED' | 'SURVEY_CLOSED' | 'NO_SURVEY_CONSENT'): GraphQLError {
  const message = {
    // The same answer for another member's survey as for none: the id tells nothing.
    NOT_FOUND: 'no survey of yours has this id',
    ALREADY_ANSWERED: 'this survey is answered already',
    SURVEY_CLOSED: 'this survey is closed: it could be answered for 30 days after it was sent',
    NO_SURVEY_CONSENT: 'your consent to surveys is not current: nothing was stored',
  }[reason];
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', argument: reason === 'NO_SURVEY_CONSENT' ? 'answers' : 'surveyId', reason } });
}
