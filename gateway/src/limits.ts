import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type GraphQLFormattedError, type ValidationContext } from 'graphql';

/** How much one operation may ask of a graph, before anything is planned or any subgraph called. */
export interface OperationLimits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  /** Lexical tokens in the operation's text: bounds what the parser has to read at all. */
  maxTokens: number;
  /** graphql-armor's cost: objects and scalars weighted by depth. */
  maxCost: number;
  /** Request body, bytes. */
  maxBodyBytes: number;
  /** Operations in one batched HTTP request; 1 means batches are refused. */
  maxBatch: number;
}

/**
 * The internal graph serves analysts and applications: room for the largest real operations with
 * margin (the access report: depth 5, about 150 fields; a page of 1,000 support program
 * candidates, whose `first: 1000` multiplies its cost; @skip/@include on every field). The partner graph runs one registered
 * operation of depth 2 and a few dozen tokens: anything much bigger is not a partner's.
 */
export const DEFAULT_LIMITS: Record<'internal' | 'partner', OperationLimits> = {
  internal: { maxDepth: 12, maxAliases: 30, maxDirectives: 50, maxTokens: 3000, maxCost: 50000, maxBodyBytes: 256 * 1024, maxBatch: 10 },
  partner: { maxDepth: 4, maxAliases: 2, maxDirectives: 2, maxTokens: 200, maxCost: 200, maxBodyBytes: 8 * 1024, maxBatch: 1 },
};

/** The names a refused operation's limit goes by, in its error (`extensions.limit`) and its audit record (`rule`). */
export type LimitName = 'MAX_DEPTH' | 'MAX_ALIASES' | 'MAX_DIRECTIVES' | 'MAX_TOKENS' | 'MAX_COST' | 'MAX_ERRORS';

/**
 * An operation refused by one of the limits, which it names. graphql-armor's rules report it from
 * their `onReject` callbacks (armorFor); Apollo wraps it as a validation error, keeping it as the
 * original error, which is where limitOf finds it again.
 */
export class OperationLimitError extends GraphQLError {
  constructor(
    readonly limit: LimitName,
    message: string,
  ) {
    super(message, { extensions: { code: 'OPERATION_LIMIT', limit } });
  }
}

// The two limits graphql-js enforces itself, which have no callback: only its message says so.
// Its token limit (parseOptions.maxTokens), worded so ("more that") in graphql 16.
const TOKENS = /Document contains more tha[nt] (\d+) tokens\. Parsing aborted\./;
// It stops validating after 100 errors: only an operation built to fail gets there.
const TOO_MANY_ERRORS = /Validation aborted\.$/;

/** The limit an error reports: the one an armor rule refused it by, or one of graphql-js's own. */
export function limitOf(error: GraphQLError | undefined): LimitName | undefined {
  if (!error) return undefined;
  if (error instanceof OperationLimitError) return error.limit;
  if (error.originalError instanceof OperationLimitError) return error.originalError.limit;
  if (TOO_MANY_ERRORS.test(error.message)) return 'MAX_ERRORS';
  if (TOKENS.test(error.message)) return 'MAX_TOKENS';
  return undefined;
}

/** A limit refusal as a client sees it: code OPERATION_LIMIT, which limit, no suggestion of the schema. */
export function formatLimitRefusal(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError | undefined {
  const limit = limitOf(error instanceof GraphQLError ? error : undefined);
  if (!limit) return undefined;
  const tokens = TOKENS.exec(formatted.message);
  const message = tokens ? `Operation refused: tokens limit exceeded (at most ${tokens[1]}).` : formatted.message;
  return { message, extensions: { code: 'OPERATION_LIMIT', limit } };
}

/**
 * The token limit is graphql-js's own, given to Apollo's parse: a parse error there is answered 400.
 * graphql-armor's maxTokens runs in a `parsingDidStart` hook instead, outside Apollo's parse, and
 * what it throws there came back as HTTP 500.
 */
export function parseOptionsFor(limits: OperationLimits) {
  return { maxTokens: limits.maxTokens };
}

/**
 * graphql-armor's validation rules and plugins for one graph (tokens aside); field suggestions are
 * always blocked. Each rule's `onReject` reports the refusal as an OperationLimitError naming its
 * limit (and `propagateOnRejection: false` keeps armor from reporting a second, anonymous one).
 */
export function armorFor(limits: OperationLimits) {
  const refusing = (limit: LimitName, kind: string, n: number) => ({
    exposeLimits: false,
    propagateOnRejection: false,
    onReject: [(context: ValidationContext | null) => context?.reportError(new OperationLimitError(limit, `Operation refused: ${kind} limit exceeded (at most ${n}).`))],
  });
  return new ApolloArmor({
    maxDepth: { n: limits.maxDepth, flattenFragments: true, ...refusing('MAX_DEPTH', 'depth', limits.maxDepth) },
    maxAliases: { n: limits.maxAliases, ...refusing('MAX_ALIASES', 'aliases', limits.maxAliases) },
    maxDirectives: { n: limits.maxDirectives, ...refusing('MAX_DIRECTIVES', 'directives', limits.maxDirectives) },
    // Counted by the parser itself (parseOptionsFor).
    maxTokens: { enabled: false },
    costLimit: { maxCost: limits.maxCost, ...refusing('MAX_COST', 'cost', limits.maxCost) },
    blockFieldSuggestion: { enabled: true },
  }).protect();
}
