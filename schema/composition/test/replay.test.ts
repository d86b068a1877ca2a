import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { proposedGraph, readRecordedOperations, replayOperations, type ReplayReport } from '@mutual-graph/composition';
import { policySnapshot, type DataCategory, type PolicySnapshot } from '@mutual-graph/policy';
import { SUPERGRAPH_PATH } from '@mutual-graph/schema';
import { syntheticMember } from '@mutual-graph/synthetic';
import { postGraphQL, sql, testStack } from '../../../test/support/stack.js';
import { asCaller } from '../../../test/support/tokens.js';

const stack = testStack();
const officeUrl = () => stack.ownerUrls.privacy_office;
const member = syntheticMember(611, stack.seed);
const other = syntheticMember(612, stack.seed);
const run = randomUUID().slice(0, 8);
const educator = `replay-educator-${run}`;
const advisor = `replay-advisor-${run}`;
const self = `replay-member-${run}`;

/** The proposed policy: this build's with one change to the matrix. */
function proposal(change: (snapshot: PolicySnapshot) => void, sdl: string): PolicySnapshot {
  const snapshot = policySnapshot(sdl);
  change(snapshot);
  return snapshot;
}

/** The report's rows about this test's principals alone (the audit holds every test's operations). */
const ours = (report: ReplayReport) => ({
  nowRefused: report.nowRefused.filter((r) => r.principal?.endsWith(run)),
  nowAllowed: report.nowAllowed.filter((r) => r.principal?.endsWith(run)),
});

describe('replaying the access audit under a proposed matrix', () => {
  let sdl: string;

  beforeAll(async () => {
    sdl = await readFile(SUPERGRAPH_PATH, 'utf8');
    const education = await asCaller('EDUCATION', { sub: educator, roles: ['educator'] });
    const assistance = await asCaller('MEDICO_LEGAL_ASSISTANCE', { sub: advisor });
    const mine = await asCaller('MEMBER_SELF_SERVICE', { sub: self, memberId: member.id });
    const recorded = [
      await postGraphQL(stack.gatewayUrl, 'query Learning($id: ID!) { member(id: $id) { learningRecord { completedOn } } }', { id: member.id }, education),
      await postGraphQL(stack.gatewayUrl, 'query Learning($id: ID!) { member(id: $id) { learningRecord { completedOn } } }', { id: other.id }, education),
      await postGraphQL(stack.gatewayUrl, `query Name { member(id: "${member.id}") { lastName } }`, {}, education),
      await postGraphQL(stack.gatewayUrl, 'query Snoop($id: ID!) { member(id: $id) { medicoLegalHistory { kind } } }', { id: member.id }, education),
      await postGraphQL(stack.gatewayUrl, 'query Matters($id: ID!) { member(id: $id) { medicoLegalHistory { kind } } }', { id: member.id }, assistance),
      await postGraphQL(stack.gatewayUrl, 'query Mine { me { learningRecord { completedOn } } }', {}, mine),
      await postGraphQL(stack.gatewayUrl, 'query Theirs($id: ID!) { member(id: $id) { learningRecord { completedOn } } }', { id: other.id }, mine),
    ];
    expect(recorded.map((r) => (r.body.errors?.[0]?.extensions as { policy?: { rule?: string } } | undefined)?.policy?.rule ?? 'ALLOWED')).toEqual([
      'ALLOWED',
      'ALLOWED',
      'ALLOWED',
      'PURPOSE_SCOPE',
      'ALLOWED',
      'ALLOWED',
      'SUBJECT_SCOPE',
    ]);
  });

  it('finds exactly the operations a matrix that takes LEARNING from EDUCATION would refuse, by principal, purpose and operation name', async () => {
    const proposed = proposal((s) => (s.matrix.EDUCATION.categories = s.matrix.EDUCATION.categories.filter((c) => c !== 'LEARNING')), sdl);
    const report = replayOperations(await readRecordedOperations(officeUrl(), '1h'), proposedGraph(sdl, proposed));
    expect(ours(report)).toEqual({
      nowRefused: [{ principal: educator, purpose: 'EDUCATION', operationName: 'Learning', rule: 'PURPOSE_SCOPE', fields: ['LearningCompletion.completedOn', 'Member.learningRecord'], count: 2 }],
      nowAllowed: [],
    });
    // Two records of Learning (different members named, the same kept operation) are decided once.
    expect(report.distinct).toBeLessThan(report.replayed);
  });

  it('finds operations a wider matrix would allow that were refused, and no more: a member reading another member stays refused', async () => {
    const proposed = proposal((s) => (s.matrix.EDUCATION.categories = [...s.matrix.EDUCATION.categories, 'MEDICO_LEGAL']), sdl);
    const report = replayOperations(await readRecordedOperations(officeUrl(), '1h'), proposedGraph(sdl, proposed));
    expect(ours(report)).toEqual({ nowRefused: [], nowAllowed: [{ principal: educator, purpose: 'EDUCATION', operationName: 'Snoop', wasRefusedBy: 'PURPOSE_SCOPE', count: 1 }] });
  });

  it('changes nothing under the policy as it is', async () => {
    const report = replayOperations(await readRecordedOperations(officeUrl(), '1h'), proposedGraph(sdl, policySnapshot(sdl)));
    expect(ours(report)).toEqual({ nowRefused: [], nowAllowed: [] });
  });

  it('keeps no literal and no member id in the operation it keeps, only what the decision needs', async () => {
    const rows = await sql<{ operation_document: string; argument_uses: string[]; member_scope: unknown }>(
      stack.adminUrl,
      "select operation_document, argument_uses, member_scope from audit.audit_record where subject in ($1, $2) and operation_name in ('Name', 'Theirs')",
      [educator, self],
    );
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.operation_document).not.toContain(member.id);
      expect(row.operation_document).not.toContain(other.id);
      expect(JSON.stringify(row)).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    }
    expect(rows.find((r) => r.operation_document.includes('Theirs'))).toMatchObject({
      argument_uses: ['Query.member(id:)'],
      member_scope: { callerIsMember: true, roots: [{ field: 'member', named: 1, foreign: true }] },
    });
  });

  it("reads the audit as the privacy office's login, which sees no member id and changes nothing", async () => {
    await expect(sql(officeUrl(), 'select member_ids from audit.audit_record limit 1')).rejects.toThrow(/permission denied/);
    await expect(sql(officeUrl(), 'select request_id from audit.audit_record limit 1')).rejects.toThrow(/permission denied/);
    await expect(sql(officeUrl(), "update audit.audit_record set decision = 'ALLOWED'")).rejects.toThrow(/permission denied/);
    await expect(sql(officeUrl(), 'select count(*) from audit.audit_member_read')).rejects.toThrow(/permission denied/);
    await expect(sql(officeUrl(), 'select count(*) from member.member')).rejects.toThrow(/permission denied/);
  });

  it('runs as `npm run policy -- replay`, printing JSON that names no member', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'replay-'));
    const file = join(dir, 'proposed-policy.json');
    await writeFile(file, JSON.stringify(proposal((s) => (s.matrix.EDUCATION.categories = s.matrix.EDUCATION.categories.filter((c) => c !== 'LEARNING')), sdl)));
    const cli = join(import.meta.dirname, '..', 'dist', 'policy-cli.js');
    const { stdout } = await promisify(execFile)(process.execPath, [cli, 'replay', '--matrix', file, '--since', '1h', '--format', 'json', '--database-url', officeUrl()]);
    const report = JSON.parse(stdout) as ReplayReport;
    expect(ours(report).nowRefused).toEqual([expect.objectContaining({ principal: educator, operationName: 'Learning', count: 2 })]);
    expect(stdout).not.toContain(member.id);
    expect(stdout).not.toContain(other.id);
  });

  it('refuses a --since it cannot read, and a proposal naming a category that does not exist', async () => {
    await expect(readRecordedOperations(officeUrl(), "1d'; drop table audit.audit_record; --")).rejects.toThrow(/--since takes/);
    const cli = join(import.meta.dirname, '..', 'dist', 'policy-cli.js');
    const dir = await mkdtemp(join(tmpdir(), 'replay-'));
    const file = join(dir, 'typo.json');
    await writeFile(file, JSON.stringify(proposal((s) => (s.matrix.EDUCATION.categories = [...s.matrix.EDUCATION.categories, 'MEDICAL' as DataCategory]), sdl)));
    const failed = await promisify(execFile)(process.execPath, [cli, 'replay', '--matrix', file, '--database-url', officeUrl()]).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain('EDUCATION: unknown category MEDICAL');
  });
});
