import { randomUUID } from 'node:crypto';
import { syntheticCasework, syntheticMembers } from '@mutual-graph/synthetic';
import { jest } from '@jest/globals';
import { startInProcessGraph } from '../../../test/support/in-process-graph.js';
import { expectRefused } from '../../../test/support/refusals.js';
import { postGraphQL, sql, testStack } from '../../../test/support/stack.js';
import { asCaller } from '../../../test/support/tokens.js';

const stack = testStack();
const population = [...syntheticMembers(stack.seed)];
const withCollege = population.find((m) => syntheticCasework(m, stack.seed).matters.some((x) => x.status === 'OPEN' && x.kind === 'COLLEGE_COMPLAINT'))!;
const SUGGESTIONS = '{ me { supportSuggestions { language services { province } resources { topic language } } } }';
type Suggestions = { me: { supportSuggestions: { language: string; services: { province: string }[]; resources: { topic: string; language: string }[] } } };
const mailedElsewhere = population.find((m) => m.mailingProvince !== m.province)!;

describe('support suggestions, for the member alone', () => {
  it('point to the physician health program where the member practises, not where their mail goes', async () => {
    const { body } = await postGraphQL<Suggestions>(stack.gatewayUrl, SUGGESTIONS, {}, await asCaller('MEMBER_SELF_SERVICE', { memberId: mailedElsewhere.id }));
    expect(body.errors).toBeUndefined();
    expect(body.data!.me.supportSuggestions.services).toEqual([{ province: mailedElsewhere.province }]);
  });

  it("follow the member's open matters, province and language", async () => {
    const requestId = randomUUID();
    const { body } = await postGraphQL<Suggestions>(stack.gatewayUrl, SUGGESTIONS, {}, { ...(await asCaller('MEMBER_SELF_SERVICE', { memberId: withCollege.id })), 'x-request-id': requestId });
    expect(body.errors).toBeUndefined();
    const suggestions = body.data!.me.supportSuggestions;
    expect(suggestions.language).toBe(withCollege.preferredLanguage);
    expect(suggestions.services).toEqual([{ province: withCollege.province }]);
    const topics = new Set(suggestions.resources.map((r) => r.topic));
    expect(topics.has('COLLEGE_COMPLAINT')).toBe(true);
    expect(topics.has('PHYSICIAN_HEALTH')).toBe(true);
    expect(suggestions.resources.every((r) => r.language === withCollege.preferredLanguage)).toBe(true);

    // The audit keeps categories, never which topics were suggested.
    const [record] = await sql(stack.adminUrl, 'select * from audit.audit_record where request_id = $1', [requestId]);
    expect(record.decision).toBe('ALLOWED');
    expect(JSON.stringify(record)).not.toMatch(/COLLEGE_COMPLAINT|PHYSICIAN_HEALTH|MEDICO_LEGAL_ISSUE/);
  });

  it('leave no topic in any log line of the gateway or the subgraphs', async () => {
    const lines: string[] = [];
    const capture = (...args: unknown[]) => void lines.push(args.map((a) => (a instanceof Error ? a.stack : typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) => jest.spyOn(console, level).mockImplementation(capture));
    const graph = await startInProcessGraph();
    try {
      const { body } = await postGraphQL<Suggestions>(graph.gateway.graphqlUrl, SUGGESTIONS, {}, await asCaller('MEMBER_SELF_SERVICE', { memberId: withCollege.id }));
      expect(body.data!.me.supportSuggestions.resources.length).toBeGreaterThan(0);
    } finally {
      await graph.stop();
      spies.forEach((spy) => spy.mockRestore());
    }
    expect(lines.join('\n')).not.toMatch(/COLLEGE_COMPLAINT|MEDICO_LEGAL_ISSUE|PHYSICIAN_HEALTH|HOSPITAL_COMPLAINT|THREATS_AND_HARASSMENT/);
  });

  it('are refused under every other purpose, and for anyone else', async () => {
    const query = 'query ($id: ID!) { member(id: $id) { supportSuggestions { language } } }';
    for (const purpose of ['MEDICO_LEGAL_ASSISTANCE', 'RISK_MANAGEMENT', 'EDUCATION', 'PRIVACY_OFFICE'] as const) {
      expectRefused(await postGraphQL(stack.gatewayUrl, query, { id: withCollege.id }, await asCaller(purpose, { memberId: withCollege.id })), 'PURPOSE_SCOPE');
    }
    const other = population.find((m) => m.id !== withCollege.id)!;
    expectRefused(await postGraphQL(stack.gatewayUrl, query, { id: other.id }, await asCaller('MEMBER_SELF_SERVICE', { memberId: withCollege.id })), 'SUBJECT_SCOPE');
  });
});
