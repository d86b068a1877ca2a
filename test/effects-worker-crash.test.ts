import { createServer, type ServerResponse } from 'node:http';
import type { ServiceProcess } from '@mutual-graph/stack';
import { caseCopyOfPeriods, CHANGE_STATUS, memberPeriods, newActiveMember, todayIso } from './support/effects.js';
import { freePort, isRunning, spawnEffectsWorker } from './support/processes.js';
import { postGraphQL, sql, testStack } from './support/stack.js';
import { asCaller } from './support/tokens.js';
import { until } from './support/until.js';

// Effects workers of our own on the test database beside the stack's (paused with SIGSTOP throughout,
// so that it takes none of these jobs): one whose case receiver never answers takes a membership
// change's job, and so the job's lock and its named queue's. Killed (SIGKILL), its locks go to
// another worker once its heartbeat is STALE seconds old; alive and merely slow, it keeps them (until its
// call gives up, after 5 s: longer than twice the threshold).
const stack = testStack();
const STALE = 2;
/** The threshold, then a reaper's look (at most ¾ of it later), the job's run and some slack on a shared machine. */
const TAKEN_OVER_WITHIN_MS = (STALE * 1.75 + 6) * 1000;

/** A case subgraph that takes every request and never answers, until closed (its requests then fail). */
interface SilentReceiver {
  url: string;
  requests: ServerResponse[];
  close(): Promise<void>;
}

async function silentReceiver(): Promise<SilentReceiver> {
  const port = await freePort();
  const requests: ServerResponse[] = [];
  const server = createServer((_request, response) => void requests.push(response));
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    requests,
    async close() {
      for (const response of requests) response.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

const worker = async (caseUrl?: string) => spawnEffectsWorker(await freePort(), caseUrl ? { case: caseUrl } : {}, { EFFECTS_STALE_LOCK_SECONDS: String(STALE) });
const periodsJob = (memberId: string) =>
  sql<{ locked_by: string | null; attempts: number }>(stack.adminUrl, 'select locked_by, attempts from member_outbox.jobs where key = $1', [`membership-periods:${memberId}`]).then((rows) => rows[0]);
const queueLock = () =>
  sql<{ locked_by: string | null }>(stack.adminUrl, `select locked_by from member_outbox._private_job_queues where queue_name = 'membership-periods'`).then((rows) => rows[0]?.locked_by ?? null);

/** A membership change through the gateway, whose effect waits in the member outbox: what the case copy must become. */
async function changeMembership(memberId: string): Promise<unknown[]> {
  const changed = await postGraphQL(stack.gatewayUrl, CHANGE_STATUS, { id: memberId, to: 'LAPSED', on: todayIso() }, await asCaller('MEMBERSHIP'));
  expect(changed.body.errors).toBeUndefined();
  return memberPeriods(memberId);
}

/** Until a worker holds the member's job and the kind's queue; the holder's pool id. */
async function lockedByOne(memberId: string, receiver: SilentReceiver): Promise<string> {
  const job = await until(
    'the job taken',
    () => periodsJob(memberId),
    (j) => Boolean(j?.locked_by) && receiver.requests.length === 1,
    20_000,
  );
  expect(await queueLock()).toBe(job.locked_by);
  return job.locked_by!;
}

const stop = async (service: ServiceProcess | undefined, signal: NodeJS.Signals = 'SIGTERM') => {
  if (!service || service.child.exitCode !== null) return;
  service.child.kill(signal);
  await service.exited;
};

describe('an effects worker that dies holding a job', () => {
  const started: ServiceProcess[] = [];
  const receivers: SilentReceiver[] = [];

  let members: string[];

  // Members made while the stack's worker runs (their own effects settled), then the stack's worker paused.
  beforeAll(async () => {
    members = [await newActiveMember(), await newActiveMember()];
    process.kill(stack.pids.effects, 'SIGSTOP');
  }, 60_000);

  afterAll(async () => {
    for (const service of started) await stop(service);
    for (const receiver of receivers) await receiver.close();
    process.kill(stack.pids.effects, 'SIGCONT');
  }, 30_000);

  it("has its job and its queue's lock taken over by another worker once its heartbeat is stale, and the effect carried out", async () => {
    const receiver = await silentReceiver();
    receivers.push(receiver);
    const memberId = members[0];
    // The survivor runs throughout, paused only while the victim takes the job, so that the victim is sure to.
    const survivor = await worker();
    started.push(survivor);
    process.kill(survivor.child.pid!, 'SIGSTOP');
    const victim = await worker(receiver.url);
    started.push(victim);
    const periods = await changeMembership(memberId);
    const holder = await lockedByOne(memberId, receiver).finally(() => process.kill(survivor.child.pid!, 'SIGCONT'));
    expect(await sql(stack.adminUrl, 'select outbox from effects_worker.heartbeats where pool_id = $1', [holder])).toEqual([{ outbox: 'member_outbox' }]);

    // Killed before its call gives up (5 s): its locks would stay until graphile-worker's 4-hour expiry.
    process.kill(victim.child.pid!, 'SIGKILL');
    const killedAt = Date.now();
    await victim.exited;
    expect(isRunning(victim.child.pid!)).toBe(false);
    // Still held by the dead worker: nothing but its staleness frees it.
    expect(await periodsJob(memberId)).toMatchObject({ locked_by: holder, attempts: 1 });

    await until(
      'the case copy of the periods',
      () => caseCopyOfPeriods(memberId),
      (copy) => JSON.stringify(copy) === JSON.stringify(periods),
      TAKEN_OVER_WITHIN_MS,
    );
    const tookMs = Date.now() - killedAt;
    expect(tookMs).toBeGreaterThanOrEqual(STALE * 1000 - 500);
    expect(tookMs).toBeLessThanOrEqual(TAKEN_OVER_WITHIN_MS);
    await until(
      'the job done',
      () => periodsJob(memberId),
      (job) => job === undefined,
      5_000,
    );
    expect(await queueLock()).toBeNull();
  }, 60_000);

  it("keeps a live worker's locks however long its effect takes (no second run), and a worker stopped gracefully leaves no heartbeat", async () => {
    const [survivor] = started;
    const receiver = await silentReceiver();
    receivers.push(receiver);
    const memberId = members[1];
    const before = await caseCopyOfPeriods(memberId);
    // The other worker paused while the slow one takes the job, so that the slow one is sure to.
    process.kill(survivor.child.pid!, 'SIGSTOP');
    const slow = await worker(receiver.url);
    started.push(slow);
    const periods = await changeMembership(memberId);
    const holder = await lockedByOne(memberId, receiver).finally(() => process.kill(survivor.child.pid!, 'SIGCONT'));

    const lockedAt = Date.now();
    // Twice the threshold with its effect unanswered (a call gives up after 5 s): its heartbeat is fresh, so its locks stay.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, lockedAt + 2 * STALE * 1000 - Date.now())));
    expect(await periodsJob(memberId)).toEqual({ locked_by: holder, attempts: 1 });
    expect(await queueLock()).toBe(holder);
    expect(receiver.requests).toHaveLength(1);
    expect(await caseCopyOfPeriods(memberId)).toEqual(before);

    // Stopped gracefully (its attempt fails when the call gives up), it deletes its heartbeats; the other worker carries the job out.
    expect(await sql(stack.adminUrl, 'select pool_id from effects_worker.heartbeats where pool_id = $1', [holder])).toHaveLength(1);
    await stop(slow);
    expect(await sql(stack.adminUrl, 'select pool_id from effects_worker.heartbeats where pool_id = $1', [holder])).toEqual([]);
    await until(
      'the case copy of the periods',
      () => caseCopyOfPeriods(memberId),
      (copy) => JSON.stringify(copy) === JSON.stringify(periods),
      20_000,
    );
    expect(receiver.requests).toHaveLength(1);
  }, 60_000);
});
