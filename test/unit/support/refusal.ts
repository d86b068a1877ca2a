import { GraphQLError } from 'graphql';

/** A rule's refusal as a caller sees it: the error code, the argument it names, its message. */
export interface Refusal {
  code: unknown;
  argument: unknown;
  message: string;
}

/** The refusal a rule throws; a test failure when the rule accepts, or throws anything but a GraphQLError. */
export function refusal(rule: () => unknown): Refusal {
  try {
    rule();
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    const { extensions, message } = error as GraphQLError;
    return { code: extensions.code, argument: extensions.argument, message };
  }
  throw new Error('the rule accepted what it should refuse');
}

/** The argument a BAD_USER_INPUT refusal names. */
export function refusedArgument(rule: () => unknown): unknown {
  const { code, argument } = refusal(rule);
  expect(code).toBe('BAD_USER_INPUT');
  return argument;
}
