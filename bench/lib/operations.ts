// The operations measured, as real clients send them, and how each target is asked for them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PARTNER_OPERATIONS_DIR } from '@mutual-graph/gateway';
import { type Purpose } from '@mutual-graph/policy';
import { bindRequest, signHop, type Principal } from '@mutual-graph/hop';
import { signDevToken } from '@mutual-graph/stack';
import type { SyntheticMember } from '@mutual-graph/synthetic';
import type { JWK } from 'jose';
import type { RequestShape } from './load.ts';

export type TargetName = 'a' | 'b' | 'c' | 'd' | 'e';
export type OperationName = 'partnerConfirmation' | 'member360' | 'memberList100' | 'ediSummary';

export const TARGETS: Record<TargetName, string> = {
  a: 'mutual-graph gateway',
  b: 'mutual-graph gateway, policy layer off',
  c: 'Hive Gateway',
  d: 'member subgraph, direct',
  e: 'Hive Gateway + router runtime',
};

export const OPERATIONS: Record<OperationName, { title: string; purpose: Purpose; query: string }> = {
  partnerConfirmation: {
    title: 'partner confirmation by MINC',
    purpose: 'PARTNER_CONFIRMATION',
    query: readFileSync(join(PARTNER_OPERATIONS_DIR, 'ConfirmMembership.graphql'), 'utf8').trim(),
  },
  member360: {
    title: 'member 360 (four subgraphs)',
    purpose: 'MEMBER_SELF_SERVICE',
    query: `query Member360 { me {
  firstName lastName preferredLanguage membership { status } practice { province specialty }
  medicoLegalHistory { kind outcome } adviceCalls { topic }
  learningRecord { completedOn credits activity { title } }
  consents { purpose status }
} }`,
  },
  memberList100: {
    title: '100 members with medico-legal history and learning',
    purpose: 'RISK_MANAGEMENT',
    query: `query MemberList { members(first: 100) { edges { node {
  lastName practice { specialty }
  medicoLegalHistory { kind outcome }
  learningRecord { completedOn credits }
} } } }`,
  },
  ediSummary: {
    title: 'EDI summary by two dimensions (a stored release table)',
    purpose: 'EDI_REPORTING',
    query: 'query EdiSummary { ediSummary(groupBy: [PROVINCE, GENDER_IDENTITY]) { suppressedCells cells { count values { dimension value } } } }',
  },
};

export interface Endpoints {
  gateway: string;
  gatewayWithoutPolicy: string;
  hive: string;
  hiveRouterRuntime: string;
  memberSubgraph: string;
}

export interface Keys {
  issuer: JWK;
  hop: JWK;
}

/** The principal a token names for an operation: a partner, a member (self-service) or staff. */
function principalFor(operation: OperationName, member: SyntheticMember): Principal {
  const purpose = OPERATIONS[operation].purpose;
  if (operation === 'partnerConfirmation') return { sub: 'bench-partner', roles: ['partner'], purposes: [purpose], partnerId: 'bench-hospital' };
  if (operation === 'member360') return { sub: `bench-member-${member.index}`, roles: ['member'], purposes: [purpose], memberId: member.id };
  return { sub: 'bench-analyst', roles: ['staff'], purposes: [purpose] };
}

/**
 * Hop tokens are single-use: the direct subgraph target gets this many, signed before the run (more
 * than a run sends; fewer when asked for fewer). 30,000 ran out once the subgraph answered 2,400 a
 * second: a reused token is refused as replayed, and counted as an error.
 */
const DIRECT_TOKENS = 80_000;

/**
 * The requests of one operation for one target, over a sample of members. Clients of our gateway
 * send their own token and purpose; Hive Gateway's clients state the principal and purpose, which its
 * signing plugin turns into a hop token per subgraph fetch (bench/targets/hive-gateway.ts); the direct
 * subgraph call sends hop tokens signed for it, one per request (they live 60 s: built per run).
 */
export async function requestShape(target: TargetName, operation: OperationName, sample: SyntheticMember[], endpoints: Endpoints, keys: Keys, directTokens = DIRECT_TOKENS): Promise<RequestShape> {
  const { purpose, query } = OPERATIONS[operation];
  const perMember = operation === 'partnerConfirmation' || operation === 'member360';
  const members = perMember ? sample : sample.slice(0, 1);
  const ours = target === 'a' || target === 'b';
  const bodies = members.map((m) => JSON.stringify({ query, ...(operation === 'partnerConfirmation' ? { variables: { minc: m.minc } } : {}) }));

  const variablesOf = (m: SyntheticMember) => (operation === 'partnerConfirmation' ? { minc: m.minc } : {});
  const headersOf = await Promise.all(
    members.map(async (m, i): Promise<() => Record<string, string>> => {
      const principal = principalFor(operation, m);
      if (ours) {
        const token = await signDevToken(keys.issuer, {
          sub: principal.sub,
          roles: principal.roles,
          purposes: principal.purposes,
          memberId: principal.memberId,
          partnerId: principal.partnerId,
          expiresIn: '2h',
        });
        return () => ({ authorization: `Bearer ${token}` });
      }
      const claims = { principal, purpose, requestId: `bench-${operation}-${i}` };
      if (target !== 'd') {
        const stated = JSON.stringify(claims);
        return () => ({ 'x-bench-hop-claims': stated });
      }
      const pool = await Promise.all(Array.from({ length: Math.ceil(directTokens / members.length) }, () => signHop(keys.hop, claims, bindRequest('member', query, variablesOf(m)))));
      let used = 0;
      return () => ({ authorization: `Bearer ${pool[used++ % pool.length]}` });
    }),
  );
  const url =
    target === 'a' || target === 'b'
      ? new URL(operation === 'partnerConfirmation' ? '/partner/graphql' : '/graphql', target === 'a' ? endpoints.gateway : endpoints.gatewayWithoutPolicy).toString()
      : target === 'c'
        ? endpoints.hive
        : target === 'e'
          ? endpoints.hiveRouterRuntime
          : endpoints.memberSubgraph;
  let i = 0;
  return {
    url,
    next: () => {
      const k = i++ % members.length;
      const headers: Record<string, string> = headersOf[k]();
      if (ours && operation !== 'partnerConfirmation') headers['x-purpose-of-use'] = purpose;
      return { body: bodies[k], headers };
    },
  };
}

/**
 * `{ __typename }` at a gateway: nothing fetched from any subgraph, so what is left is the gateway's
 * own work per request (through ours: the token checked, the policy decided and audited). Ours are
 * asked on the internal graph by a staff token with a purpose; Hive Gateway needs no claims for it.
 */
export async function typenameShape(target: Exclude<TargetName, 'd'>, endpoints: Endpoints, keys: Keys): Promise<RequestShape> {
  const body = JSON.stringify({ query: 'query Typename { __typename }' });
  const ours = target === 'a' || target === 'b';
  const token = ours ? await signDevToken(keys.issuer, { sub: 'bench-analyst', roles: ['staff'], purposes: ['RISK_MANAGEMENT'], expiresIn: '2h' }) : '';
  const url = { a: endpoints.gateway, b: endpoints.gatewayWithoutPolicy, c: endpoints.hive, e: endpoints.hiveRouterRuntime }[target];
  return {
    url,
    next: () => ({ body, headers: ours ? { authorization: `Bearer ${token}`, 'x-purpose-of-use': 'RISK_MANAGEMENT' } : {} }),
  };
}
