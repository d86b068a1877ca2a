import { describe, expect, it } from '@jest/globals';
import { scaled, size, type OperationCost } from '../../lib/sizing.ts';

const rules = { utilisation: 0.5, poolHeadroom: 2, minPool: 2, maxConnections: 100 };
// A partner confirmation: 2 ms of gateway CPU, 1 ms of the member subgraph's, 0.5 ms of PostgreSQL's; the gateway's
// pool holds a connection 1 ms a request, the member subgraph's 4 ms.
const costs: Record<string, OperationCost> = {
  partner: { cpuMs: { gateway: 2, member: 1, postgres: 0.5 }, connectionMs: { gateway: 1, member: 4 } },
  list: { cpuMs: { gateway: 10, postgres: 5 }, connectionMs: { member: 20 } },
};
const byName = (sizing: ReturnType<typeof size>) => Object.fromEntries(sizing.components.map((c) => [c.name, c]));

describe('size', () => {
  it('adds each operation’s CPU at its rate and provides cores at the utilisation, one Node replica a core plus one spare', () => {
    // gateway: 500 × 2 ms + 100 × 10 ms = 2 cores busy, 4 at 50%, 5 replicas; member: 0.5 busy, 1 core, 2 replicas.
    const c = byName(size({ partner: 500, list: 100 }, costs, rules));
    expect(c.gateway).toMatchObject({ busyCores: 2, cores: 4, replicas: 5 });
    expect(c.member).toMatchObject({ busyCores: 0.5, cores: 1, replicas: 2 });
  });

  it('sizes PostgreSQL as one primary of whole cores with a standby, with no pool of its own', () => {
    // 500 × 0.5 ms + 100 × 5 ms = 0.75 cores busy, 1.5 at 50%: 2 cores.
    expect(byName(size({ partner: 500, list: 100 }, costs, rules)).postgres).toMatchObject({ busyCores: 0.75, cores: 2, replicas: 2, poolPerReplica: 0, connections: 0 });
  });

  it('sizes pools by Little’s law over the replicas that serve (not the spare), with headroom and a floor', () => {
    // member: 500 × 4 ms + 100 × 20 ms = 4 connections at work; × 2 headroom over 1 serving replica = 8 a replica, 2 replicas: 16.
    // gateway: 0.5 at work → 1 over 4 serving replicas rounds up to 1, raised to the floor of 2; 5 replicas: 10.
    const sizing = size({ partner: 500, list: 100 }, costs, rules);
    const c = byName(sizing);
    expect(c.member).toMatchObject({ busyConnections: 4, poolPerReplica: 8, connections: 16 });
    expect(c.gateway).toMatchObject({ busyConnections: 0.5, poolPerReplica: 2, connections: 10 });
    expect(sizing).toMatchObject({ connections: 26, connectionsFit: true });
  });

  it('says when the pools together no longer fit under max_connections', () => {
    const sizing = size(scaled({ partner: 500, list: 100 }, 10), costs, rules);
    // member at 10×: 40 at work, 5 busy cores → 10 cores, 11 replicas, 80 over 10 = 8 a replica: 88; gateway 20 busy cores → 41 replicas × 2.
    expect(byName(sizing).member).toMatchObject({ replicas: 11, poolPerReplica: 8, connections: 88 });
    expect(sizing).toMatchObject({ connections: 88 + 82, connectionsFit: false });
  });

  it('refuses to size an operation it has no measured cost for', () => {
    expect(() => size({ partner: 1, unmeasured: 1 }, costs, rules)).toThrow('no measured cost for unmeasured');
  });
});

describe('scaled', () => {
  it('multiplies every operation’s rate', () => {
    expect(scaled({ a: 500, b: 20 }, 10)).toEqual({ a: 5000, b: 200 });
  });
});
