import { readFileSync } from 'node:fs';
import { caseCopyOfPeriods, CHANGE_STATUS, memberPeriods, newActiveMember, todayIso } from './support/effects.js';
import { until } from './support/until.js';
import { isRunning, restartStackGateway } from './support/processes.js';
import { postGraphQL, sql, testStack } from './support/stack.js';
import { asCaller } from './support/tokens.js';

// The stack's own gateway killed hard (SIGKILL) right after a membership status change commits,
// before its effect has run: the change's outbox row carries the effect through, and the case
// subgraph's copy of the periods catches up with no client asking again. To make "before its effect
// has run" certain rather than a race, the effects worker is paused (SIGSTOP) across the change and
// the kill, and let go (SIGCONT) once the gateway is gone. The stack is then as it was: the gateway
// started again on its port.
const stack = testStack();
const pause = (service: string) => process.kill(stack.pids[service], 'SIGSTOP');
const resume = (service: string) => process.kill(stack.pids[service], 'SIGCONT');

describe('the gateway killed right after a membership change commits', () => {
  let memberId: string;
  let gatewayKilled = false;

  beforeAll(async () => {
    memberId = await newActiveMember();
  }, 60_000);

  afterAll(async () => {
    resume('effects');
    if (gatewayKilled) await restartStackGateway();
  }, 60_000);

  it("leaves the case subgraph's copy of periods to catch up from the outbox, with no client asking again", async () => {
    const before = await caseCopyOfPeriods(memberId);
    expect(before).toEqual(await memberPeriods(memberId));
    const requestId = `gateway-crash-${Date.now()}`;

    pause('effects');
    const changed = await postGraphQL(
      stack.gatewayUrl,
      CHANGE_STATUS,
      { id: memberId, to: 'LAPSED', on: todayIso() },
      { ...(await asCaller('MEMBERSHIP', { sub: 'crash-test' })), 'x-request-id': requestId },
    );
    // The answer says the change is done, without an error asking the client to repeat it.
    expect(changed.body).toEqual({ data: { changeMembershipStatus: { membership: { status: 'LAPSED' } } } });
    const periods = await memberPeriods(memberId);
    expect(periods.at(-1)!.ends_on).not.toBeNull();
    // Committed with the change, and not yet carried out: the job waits, the copy is the old one.
    const [job] = await sql(stack.adminUrl, 'select attempts from member_outbox.jobs where key = $1', [`membership-periods:${memberId}`]);
    expect(job).toEqual({ attempts: 0 });
    expect(await caseCopyOfPeriods(memberId)).toEqual(before);

    process.kill(stack.pids.gateway, 'SIGKILL');
    gatewayKilled = true;
    await until(
      'the gateway is gone',
      () => Promise.resolve(isRunning(stack.pids.gateway)),
      (running) => !running,
      5_000,
    );
    await expect(fetch(new URL('/health', stack.gatewayUrl), { signal: AbortSignal.timeout(1000) })).rejects.toThrow();

    resume('effects');
    await until(
      "the case subgraph's copy",
      () => caseCopyOfPeriods(memberId),
      (copy) => JSON.stringify(copy) === JSON.stringify(periods),
      20_000,
    );
    expect(await sql(stack.adminUrl, 'select 1 from member_outbox.jobs where key = $1', [`membership-periods:${memberId}`])).toEqual([]);
    // The worker called as itself, for the change's request: the case subgraph logged the effect under that request's id.
    const caseLines = readFileSync(stack.serviceLogFile, 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('case ') && line.includes(requestId));
    expect(caseLines.map((line) => JSON.parse(line.slice(line.indexOf('{'))) as unknown)).toEqual([
      expect.objectContaining({ operation: 'SyncProtectionPeriods', outcome: 'ok', purpose: 'MEMBERSHIP' }),
    ]);

    await restartStackGateway();
    gatewayKilled = false;
    expect((await fetch(new URL('/ready', stack.gatewayUrl))).status).toBe(200);
  }, 90_000);
});
