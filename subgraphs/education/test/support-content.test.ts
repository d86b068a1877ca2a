import { PURPOSE_NAMES } from '@mutual-graph/policy';
import { postGraphQL, testStack } from '../../../test/support/stack.js';
import { asCaller } from '../../../test/support/tokens.js';

const stack = testStack();
const PROVINCES = ['AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT'];
const RESOURCES = 'query ($topic: WellnessTopic, $language: Language) { wellnessResources(topic: $topic, language: $language) { totalCount nodes { topic language kind title summary link } } }';
type Resources = { wellnessResources: { nodes: { topic: string; language: string; title: string; summary: string }[] } };

describe('physician support and wellness content', () => {
  it('has a physician health program for every province and territory, marked as example contacts', async () => {
    const { body } = await postGraphQL<{ supportServices: { province: string; example: boolean; phone: string; webAddress: string }[] }>(
      stack.gatewayUrl,
      '{ supportServices { province name serves phone webAddress allHours languages example } }',
      {},
      await asCaller('EDUCATION'),
    );
    expect(body.data!.supportServices.map((s) => s.province)).toEqual(PROVINCES);
    for (const service of body.data!.supportServices) {
      expect(service.example).toBe(true);
      expect(service.phone).toMatch(/^\+1-555-01/);
      expect(service.webAddress).toMatch(/\.example\.org$/);
    }
    const quebec = await postGraphQL(stack.gatewayUrl, '{ supportServices(province: QC) { languages } }', {}, await asCaller('EDUCATION'));
    expect(quebec.body.data!.supportServices).toEqual([{ languages: ['FR', 'EN'] }]);
  });

  it('filters wellness resources by topic and language, with French written as French, not a copy', async () => {
    const english = await postGraphQL<Resources>(stack.gatewayUrl, RESOURCES, { topic: 'COLLEGE_COMPLAINT', language: 'EN' }, await asCaller('EDUCATION'));
    const french = await postGraphQL<Resources>(stack.gatewayUrl, RESOURCES, { topic: 'COLLEGE_COMPLAINT', language: 'FR' }, await asCaller('EDUCATION'));
    expect(english.body.data!.wellnessResources.nodes.every((r) => r.topic === 'COLLEGE_COMPLAINT' && r.language === 'EN')).toBe(true);
    const [en] = english.body.data!.wellnessResources.nodes;
    const [fr] = french.body.data!.wellnessResources.nodes;
    expect(fr.language).toBe('FR');
    expect(fr.title).not.toBe(en.title);
    expect(fr.summary).not.toBe(en.summary);
    const all = await postGraphQL<Resources>(stack.gatewayUrl, RESOURCES, {}, await asCaller('EDUCATION'));
    const topics = new Set(all.body.data!.wellnessResources.nodes.map((r) => r.topic));
    expect(topics).toEqual(new Set(['COLLEGE_COMPLAINT', 'HOSPITAL_COMPLAINT', 'MEDICO_LEGAL_ISSUE', 'PHYSICIAN_HEALTH', 'THREATS_AND_HARASSMENT']));
  });

  it('is readable under every purpose of the internal graph, because it is about no one', async () => {
    for (const purpose of PURPOSE_NAMES.filter((p) => p !== 'PARTNER_CONFIRMATION')) {
      const { body } = await postGraphQL(
        stack.gatewayUrl,
        '{ supportServices(province: NS) { name } wellnessResources(first: 1) { totalCount } }',
        {},
        await asCaller(purpose, { memberId: '00000000-0000-4000-8000-000000000001' }),
      );
      expect([purpose, body.errors]).toEqual([purpose, undefined]);
    }
  });
});
