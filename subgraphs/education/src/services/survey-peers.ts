import { peerEntities } from '@mutual-graph/platform';
import { ADVICE_CALLS_TO_SURVEY_CALL, SURVEY_CONSENT_CALL, SURVEY_REGION_CALL, type PeerCall } from '@mutual-graph/policy';
import { GraphQLError } from 'graphql';
import type { EducationContext } from '../context.js';

type Peers = Pick<EducationContext, 'peers' | 'peerTokens'>;

/** A peer that could not answer: the survey is neither sent nor stored (fail closed), with a code, never a 500. */
function unavailable(what: string): GraphQLError {
  return new GraphQLError(`${what} could not be checked: nothing was sent or stored`, { extensions: { code: 'SUBGRAPH_UNAVAILABLE' } });
}

/** A declared peer call, failing closed with this subgraph's own refusal. */
const entities = <T>(context: Peers, call: PeerCall, representations: object[], what: string): Promise<(T | null)[]> => peerEntities<T>(context, call, representations, () => unavailable(what));

/**
 * The members among these whose survey consent is current, asked of the privacy subgraph, which
 * alone knows, at the moment of asking: a withdrawal stops the next survey and the next answer.
 * Only an exact true is consent.
 */
export async function consentingToSurveys(context: Peers, memberIds: readonly string[]): Promise<Set<string>> {
  if (memberIds.length === 0) return new Set();
  const answers = await entities<{ surveyPreferences?: { consented?: unknown } }>(
    context,
    SURVEY_CONSENT_CALL,
    memberIds.map((id) => ({ __typename: 'Member', id })),
    'survey consent',
  );
  return new Set(memberIds.filter((_, i) => answers[i]?.surveyPreferences?.consented === true));
}

/** The advice calls of a day, by member, asked of the case subgraph: a day is an entity there, never a list a client can read. */
export async function adviceCallersOn(context: Peers, on: string): Promise<string[]> {
  const [day] = await entities<{ calls?: { memberId: unknown }[] }>(context, ADVICE_CALLS_TO_SURVEY_CALL, [{ __typename: 'AdviceCallDay', on }], "the day's advice calls");
  if (!Array.isArray(day?.calls)) throw unavailable("the day's advice calls");
  return [...new Set(day.calls.map((c) => c.memberId).filter((id): id is string => typeof id === 'string'))];
}

/** Each member's province of practice (null when not known), asked of the member subgraph: the region their answers count in. */
export async function practiceProvinces(context: Peers, memberIds: readonly string[]): Promise<Map<string, string | null>> {
  if (memberIds.length === 0) return new Map();
  const answers = await entities<{ practice?: { province?: unknown } | null }>(
    context,
    SURVEY_REGION_CALL,
    memberIds.map((id) => ({ __typename: 'Member', id })),
    'province of practice',
  );
  return new Map(
    memberIds.map((id, i) => {
      const province = answers[i]?.practice?.province;
      return [id, typeof province === 'string' ? province : null];
    }),
  );
}
