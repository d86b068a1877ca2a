import { parseLsn, ReplicaLagGuard, replicaLag, withinBound, type LsnSample } from '@mutual-graph/platform';

/*
 * The replica lag arithmetic (replica-lag.ts): a replica that has replayed up to a sample of the
 * primary's WAL position is at most `now - that sample's time` behind.
 */

const at = (ms: number, lsn: string): LsnSample => ({ at: ms, lsn: parseLsn(lsn) });

describe('replica lag from samples of the primary', () => {
  it('reads a pg_lsn as bytes into the WAL, the high half shifted by 32 bits', () => {
    expect(parseLsn('0/0')).toBe(0n);
    expect(parseLsn('16/B374D848')).toBe(0x16n * 2n ** 32n + 0xb374d848n);
    expect(parseLsn('1/0') > parseLsn('0/FFFFFFFF')).toBe(true);
    expect(() => parseLsn('garbage')).toThrow(/WAL position/);
  });

  it('takes the newest sample the replica has replayed: now minus its time', () => {
    const samples = [at(1_000, '0/100'), at(2_000, '0/200'), at(3_000, '0/300'), at(4_000, '0/400')];
    expect(replicaLag(samples, parseLsn('0/250'), 4_500)).toBe(2_500);
    expect(replicaLag(samples, parseLsn('0/300'), 4_500)).toBe(1_500);
    expect(replicaLag(samples, parseLsn('0/400'), 4_500)).toBe(500);
  });

  it('stays near zero on an idle primary: the WAL position does not move, and every sample is replayed', () => {
    const idle = [at(1_000, '0/300'), at(2_000, '0/300'), at(3_000, '0/300')];
    expect(replicaLag(idle, parseLsn('0/300'), 3_200)).toBe(200);
  });

  it('grows with the time since the first write the replica has not replayed (replay paused)', () => {
    const samples = [at(1_000, '0/300'), at(2_000, '0/300'), at(3_000, '0/380'), at(4_000, '0/390'), at(9_000, '0/500')];
    expect(replicaLag(samples, parseLsn('0/300'), 9_500)).toBe(7_500);
  });

  it('is unknown when no sample was replayed: none yet, or the replica is behind all of them', () => {
    expect(replicaLag([], parseLsn('0/300'), 1_000)).toBeUndefined();
    expect(replicaLag([at(1_000, '0/400')], parseLsn('0/300'), 1_000)).toBeUndefined();
  });

  it('lets the replica serve reads only with a known lag within the bound', () => {
    expect(withinBound(4_999, 5_000)).toBe(true);
    expect(withinBound(5_000, 5_000)).toBe(true);
    expect(withinBound(5_001, 5_000)).toBe(false);
    expect(withinBound(undefined, 5_000)).toBe(false);
  });
});

describe('the lag guard', () => {
  it('sends reads to the primary until a round succeeds, while the lag is over the bound or unknown, and reports each change once', async () => {
    let now = 10_000;
    let primary = '0/100';
    let replayed: string | null | Error = '0/100';
    const changes: [boolean, number | undefined][] = [];
    const guard = new ReplicaLagGuard({
      primaryLsn: () => Promise.resolve(primary),
      replayedLsn: () => (replayed instanceof Error ? Promise.reject(replayed) : Promise.resolve(replayed)),
      maxLagMs: 5_000,
      now: () => now,
      onChange: (usable, lag) => changes.push([usable, lag]),
    });
    expect(guard.replicaUsable).toBe(false);
    await guard.sample();
    expect([guard.replicaUsable, guard.lagMs]).toEqual([true, 0]);
    // Replay stops while the primary writes: the lag grows from the last sample replayed.
    for (let i = 0; i < 7; i++) {
      now += 1_000;
      primary = `0/${(0x200 + i).toString(16)}`;
      await guard.sample();
    }
    expect([guard.replicaUsable, guard.lagMs]).toEqual([false, 7_000]);
    // Replay resumes and reaches the last round's position while the primary writes on.
    replayed = '0/206';
    primary = '0/300';
    now += 1_000;
    await guard.sample();
    expect([guard.replicaUsable, guard.lagMs]).toEqual([true, 1_000]);
    replayed = new Error('connect ECONNREFUSED');
    await guard.sample();
    expect([guard.replicaUsable, guard.lagMs]).toEqual([false, undefined]);
    await guard.sample();
    // Not a standby at all: nothing says how far behind it is.
    replayed = null;
    await guard.sample();
    expect(guard.replicaUsable).toBe(false);
    expect(changes).toEqual([
      [true, 0],
      [false, 6_000],
      [true, 1_000],
      [false, undefined],
    ]);
  });

  it('counts a measurement as older by the time since it was taken: a sampler that stops answering lets the lag pass the bound', async () => {
    let now = 0;
    const guard = new ReplicaLagGuard({ primaryLsn: () => Promise.resolve('0/10'), replayedLsn: () => Promise.resolve('0/10'), maxLagMs: 5_000, now: () => now });
    await guard.sample();
    now = 5_000;
    expect([guard.replicaUsable, guard.lagMs]).toEqual([true, 5_000]);
    now = 5_001;
    expect([guard.replicaUsable, guard.lagMs]).toEqual([false, 5_001]);
  });
});
