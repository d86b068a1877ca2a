import { readFile } from 'node:fs/promises';
import { proposedGraph, replayAsMarkdown, replayOperations, type RecordedOperation } from '@mutual-graph/composition';
import { policySnapshot } from '@mutual-graph/policy';
import { SUPERGRAPH_PATH } from '@mutual-graph/schema';

// Records as the audit keeps them (the gateway's usage-reporting signature, arguments given, member scope), decided again without a database.
const record = (over: Partial<RecordedOperation>): RecordedOperation => ({
  subject: 'educator-1',
  roles: ['staff'],
  purpose: 'EDUCATION',
  operationName: 'Name',
  document: 'query Name($id:ID!){member(id:$id){lastName}}',
  argumentUses: ['Query.member(id:)'],
  memberScope: { callerIsMember: false, roots: [{ field: 'member', named: 1, foreign: true }] },
  decision: 'ALLOWED',
  code: null,
  rule: null,
  ...over,
});

describe('deciding recorded operations again', () => {
  let sdl: string;
  beforeAll(async () => {
    sdl = await readFile(SUPERGRAPH_PATH, 'utf8');
  });

  it('refuses an operation that no longer validates on the proposed supergraph (a field removed), rather than passing it', () => {
    const renamed = sdl.replace(/^(\s+)lastName: /m, '$1familyName: ');
    expect(renamed).not.toBe(sdl);
    const report = replayOperations([record({})], proposedGraph(renamed, policySnapshot(renamed)));
    expect(report.nowRefused).toEqual([expect.objectContaining({ operationName: 'Name', rule: 'INVALID_OPERATION' })]);
  });

  it('refuses an operation whose recorded argument the proposed supergraph no longer classifies', () => {
    const proposed = policySnapshot(sdl);
    delete proposed.fields['Query.member(id:)'];
    const report = replayOperations([record({})], proposedGraph(sdl, proposed));
    expect(report.nowRefused).toEqual([expect.objectContaining({ rule: 'PURPOSE_SCOPE', fields: ['Query.member(id:)'] })]);
  });

  it('decides the caller’s own record from the recorded member scope, not from the text', () => {
    const mine = record({ purpose: 'MEMBER_SELF_SERVICE', subject: 'member-1', memberScope: { callerIsMember: true, roots: [{ field: 'member', named: 1, foreign: false }] } });
    const theirs = record({ purpose: 'MEMBER_SELF_SERVICE', subject: 'member-1', operationName: 'Theirs', decision: 'REFUSED', code: 'FORBIDDEN', rule: 'SUBJECT_SCOPE' });
    const report = replayOperations([mine, theirs], proposedGraph(sdl, policySnapshot(sdl)));
    expect(report).toMatchObject({ replayed: 2, unchanged: 2, nowRefused: [], nowAllowed: [] });
  });

  it('leaves alone what the policy never decided: refused at authentication or a limit, kept before operations were, an unknown purpose', () => {
    const report = replayOperations(
      [
        record({ decision: 'REFUSED', code: 'UNAUTHENTICATED', rule: null }),
        record({ decision: 'REFUSED', code: 'OPERATION_LIMIT', rule: 'depth' }),
        record({ document: null }),
        record({ purpose: 'GOSSIP' }),
      ],
      proposedGraph(sdl, policySnapshot(sdl)),
    );
    expect(report).toMatchObject({ recorded: 4, replayed: 0, notReplayable: 4 });
  });

  it('counts identical records together and decides them once', () => {
    const proposed = policySnapshot(sdl);
    proposed.matrix.EDUCATION.categories = proposed.matrix.EDUCATION.categories.filter((c) => c !== 'PROFILE');
    const report = replayOperations([record({ count: 40_000 }), record({ subject: 'educator-2', count: 60_000 })], proposedGraph(sdl, proposed));
    expect(report).toMatchObject({ recorded: 100_000, distinct: 1 });
    expect(report.nowRefused.map((r) => [r.principal, r.count])).toEqual([
      ['educator-1', 40_000],
      ['educator-2', 60_000],
    ]);
  });

  it('prints hostile names as text: a table cell cannot be closed or a code span escaped by what a client named', () => {
    const proposed = policySnapshot(sdl);
    proposed.matrix.EDUCATION.categories = [];
    const report = replayOperations([record({ subject: 'x` | injected | `y', operationName: 'A|B' })], proposedGraph(sdl, proposed));
    const row = replayAsMarkdown(report, { matrix: 'p.json', since: '7d' })
      .split('\n')
      .find((line) => line.includes('injected'))!;
    expect(row.split(/(?<!\\)\|/).length).toBe(8);
  });
});
