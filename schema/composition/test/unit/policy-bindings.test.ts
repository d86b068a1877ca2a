import { readFileSync } from 'node:fs';
import { GATEWAY_EFFECT_FIELDS, POLICY_MATRIX, PURPOSE_BOUND_FIELDS, ROLE_BOUND_FIELDS } from '@mutual-graph/policy';
import { SUPERGRAPH_PATH } from '@mutual-graph/schema';
import { bindingsNamingNothing } from '../../src/compose.js';

const supergraph = readFileSync(SUPERGRAPH_PATH, 'utf8');
const bindings = { purposeBound: PURPOSE_BOUND_FIELDS, roleBound: ROLE_BOUND_FIELDS, gatewayEffects: GATEWAY_EFFECT_FIELDS, matrix: POLICY_MATRIX };

describe('the policy bindings that name fields', () => {
  it('all name fields the supergraph has', () => {
    expect(bindingsNamingNothing(supergraph)).toEqual([]);
  });

  it('fail composition when a bound field is renamed away, whichever list binds it', () => {
    const stale = bindingsNamingNothing(supergraph, {
      purposeBound: { ...bindings.purposeBound, 'Query.ediSummaryRenamed': ['EDI_REPORTING'] },
      roleBound: { 'Mutation.publishEdiReleaseRenamed': ['edi-reporting-lead'] },
      gatewayEffects: [...bindings.gatewayEffects, 'Mutation.syncSomethingGone'],
      matrix: { ...bindings.matrix, EDI_REPORTING: { rootFields: ['ediSummary', 'ediSummaries'] }, MEMBER_SELF_SERVICE: { ownRootFields: ['me', 'updateMyAddress'] } },
    });
    expect(stale).toEqual([
      'PURPOSE_BOUND_FIELDS names Query.ediSummaryRenamed, which the supergraph does not have',
      'ROLE_BOUND_FIELDS names Mutation.publishEdiReleaseRenamed, which the supergraph does not have',
      'GATEWAY_EFFECT_FIELDS names Mutation.syncSomethingGone, which the supergraph does not have',
      "the EDI_REPORTING purpose's rootFields name ediSummaries, which is no root field of the supergraph",
      "the MEMBER_SELF_SERVICE purpose's ownRootFields name updateMyAddress, which is no root field of the supergraph",
    ]);
  });
});
