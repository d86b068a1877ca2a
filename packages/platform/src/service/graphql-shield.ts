import { createRequire } from 'node:module';
import util from 'node:util';

/**
 * graphql-shield 7.6.5, its latest release, calls `util.isUndefined`, which Node.js 23 removed:
 * its ES module build fails to load on Node 24 and its CommonJS build throws inside `and`/`or`
 * rules (graphql-shield issues 1560 and 1561; the fix, pull request 1552, is merged but
 * unreleased). Until a release carries it we load the CommonJS build with the one function it
 * misses put back. A test exercises `and` rules on every run, so a release that fixes or
 * changes this shows at once.
 */
const legacyUtil = util as typeof util & { isUndefined?: (value: unknown) => boolean };
legacyUtil.isUndefined ??= (value: unknown) => value === undefined;

type GraphQLShieldModule = typeof import('graphql-shield');
const require = createRequire(import.meta.url);
const graphqlShield = require('graphql-shield') as GraphQLShieldModule;

type GraphQLShield = GraphQLShieldModule;
export const allow: GraphQLShield['allow'] = graphqlShield.allow;
export const and: GraphQLShield['and'] = graphqlShield.and;
export const deny: GraphQLShield['deny'] = graphqlShield.deny;
export const rule: GraphQLShield['rule'] = graphqlShield.rule;
export const shield: GraphQLShield['shield'] = graphqlShield.shield;

// graphql-middleware must come from the same (CommonJS) build as shield's generator: it tells
// a middleware generator from a rule map by `instanceof`, which fails across the two builds.
export const applyMiddleware: typeof import('graphql-middleware').applyMiddleware = (require('graphql-middleware') as typeof import('graphql-middleware')).applyMiddleware;
