import { categoriesTouched, retentionRule } from '@mutual-graph/policy';
import { holdCovering, type DispositionHold } from '../../src/disposition/disposition-hold.js';

const hold: DispositionHold = { holdId: 'h1', requestId: 'r1', memberId: 'm1', categories: ['MEDICO_LEGAL', 'PRIVACY_RECORD'], why: 'refused' };

describe('which hold keeps a row from disposition', () => {
  it('keeps a row about a held member in a held category', () => {
    expect(holdCovering([hold], 'MEDICO_LEGAL', ['m1'])).toBe(hold);
    expect(holdCovering([hold], 'PRIVACY_RECORD', ['m2', 'm1'])).toBe(hold);
  });

  it('keeps nothing of another category, of another member, or about no one', () => {
    expect(holdCovering([hold], 'LEARNING', ['m1'])).toBeUndefined();
    expect(holdCovering([hold], 'MEDICO_LEGAL', ['m2'])).toBeUndefined();
    expect(holdCovering([hold], 'MEDICO_LEGAL', [])).toBeUndefined();
  });

  it('keeps a row when the hold names any category the rule changes, not only the one it is filed under', () => {
    const professional: DispositionHold = { ...hold, categories: ['PROFESSIONAL', 'PRIVACY_RECORD'] };
    const identity = categoriesTouched(retentionRule('member-identity'));
    expect(identity).toEqual(expect.arrayContaining(['PROFILE', 'PROFESSIONAL', 'CONTACT']));
    expect(holdCovering([professional], identity, ['m1'])).toBe(professional);
    expect(holdCovering([professional], 'PROFILE', ['m1'])).toBeUndefined();
  });
});
