import { describe, expect, it } from '@jest/globals';
import { costsOf, type CapacityOperation, type CapacityRun } from '../../lib/capacity-report.ts';

const operation = (o: Partial<CapacityOperation>): CapacityOperation => ({
  title: 't',
  seconds: 10,
  requests: 5000,
  rps: 500,
  p50: 1,
  p90: 2,
  p99: 3,
  errors: 0,
  cpuSeconds: {},
  busyConnections: {},
  auditRows: {},
  walBytes: 0,
  commits: 0,
  half: { rate: 250, rps: 250, p50: 1, p90: 2, p99: 3, errors: 0 },
  ...o,
});

describe('costsOf', () => {
  it('turns a window’s CPU seconds into ms a request for the stack’s processes alone, and mean busy connections into ms held a request', () => {
    const run = {
      operations: {
        partner: operation({ cpuSeconds: { gateway: 5, postgres: 2.5, loadGenerator: 3, other: 9 }, busyConnections: { gateway: 0.5, member: 2 } }),
      },
    } as unknown as CapacityRun;
    // 5 CPU s over 5,000 requests: 1 ms each; 2 connections busy over 10 s = 20 connection-seconds over 5,000 requests: 4 ms each.
    expect(costsOf(run)).toEqual({ partner: { cpuMs: { gateway: 1, postgres: 0.5 }, connectionMs: { gateway: 1, member: 4 } } });
  });
});
