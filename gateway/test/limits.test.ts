import { describe, expect, it } from '@jest/globals';
import { buildSchema, parse, validate, specifiedRules, GraphQLError } from 'graphql';
import { armorFor, DEFAULT_LIMITS, formatLimitRefusal, limitOf, OperationLimitError } from '../src/limits.js';

const schema = buildSchema('type Query { member: Member } type Member { id: ID lastName: String matters: [Matter] } type Matter { member: Member }');
const limits = { ...DEFAULT_LIMITS.partner, maxDepth: 3, maxAliases: 1, maxDirectives: 1, maxCost: 10_000 };

/** The errors graphql-js reports for `query` under the graph's armor rules, as Apollo's validation would. */
function refusalsOf(query: string) {
  return validate(schema, parse(query), [...specifiedRules, ...(armorFor(limits).validationRules as never[])]);
}

describe('which limit an operation broke, from the armor rule that refused it', () => {
  it('names the depth limit', () => {
    const [error] = refusalsOf('{ member { matters { member { matters { member { id } } } } } }');
    expect(limitOf(error)).toBe('MAX_DEPTH');
    expect(error.message).toBe('Operation refused: depth limit exceeded (at most 3).');
  });

  it('names the aliases limit, then the directives limit', () => {
    expect(refusalsOf('{ a: member { id } b: member { id } }').map(limitOf)).toEqual(['MAX_ALIASES']);
    expect(refusalsOf('{ member @include(if: true) @skip(if: false) { id } }').map(limitOf)).toEqual(['MAX_DIRECTIVES']);
  });

  it('names the cost limit', () => {
    const tight = validate(schema, parse('{ member { id lastName } }'), armorFor({ ...limits, maxCost: 2 }).validationRules);
    expect(tight.map(limitOf)).toEqual(['MAX_COST']);
  });

  it('reports each refusal once, and nothing for an operation within the limits', () => {
    expect(refusalsOf('{ a: member { id } b: member { id } }')).toHaveLength(1);
    expect(refusalsOf('{ member { id lastName } }')).toEqual([]);
  });

  it("finds the limit through Apollo's wrapping (the refusal as original error), and never in a message a client could write", () => {
    const wrapped = new GraphQLError('wrapped', { originalError: new OperationLimitError('MAX_ALIASES', 'Operation refused: aliases limit exceeded (at most 1).') });
    expect(limitOf(wrapped)).toBe('MAX_ALIASES');
    expect(limitOf(new GraphQLError('Operation refused: depth limit exceeded (at most 3).'))).toBeUndefined();
  });

  it("names graphql-js's own token and error limits, which have no callback", () => {
    expect(limitOf(new GraphQLError('Syntax Error: Document contains more than 200 tokens. Parsing aborted.'))).toBe('MAX_TOKENS');
    expect(limitOf(new GraphQLError('Too many validation errors, error limit reached. Validation aborted.'))).toBe('MAX_ERRORS');
  });

  it('answers a client with code OPERATION_LIMIT and the limit, and leaves other errors alone', () => {
    const refusal = new OperationLimitError('MAX_DEPTH', 'Operation refused: depth limit exceeded (at most 3).');
    expect(formatLimitRefusal({ message: refusal.message }, refusal)).toEqual({ message: refusal.message, extensions: { code: 'OPERATION_LIMIT', limit: 'MAX_DEPTH' } });
    const tokens = new GraphQLError('Syntax Error: Document contains more that 200 tokens. Parsing aborted.');
    expect(formatLimitRefusal({ message: tokens.message }, tokens)).toEqual({
      message: 'Operation refused: tokens limit exceeded (at most 200).',
      extensions: { code: 'OPERATION_LIMIT', limit: 'MAX_TOKENS' },
    });
    expect(formatLimitRefusal({ message: 'Cannot query field' }, new GraphQLError('Cannot query field'))).toBeUndefined();
  });
});
