import { fileURLToPath } from 'node:url';

/**
 * The composed supergraph: written by `npm run compose` from the subgraphs' own SDL,
 * only ever read by the gateway. Committed, so that a change to the graph is a reviewed diff.
 */
export const SUPERGRAPH_PATH = fileURLToPath(new URL('../supergraph.graphql', import.meta.url));

/** The partner contract's API: `membershipConfirmation` and its types, nothing else. */
export const PARTNER_API_PATH = fileURLToPath(new URL('../partner.graphql', import.meta.url));

/** The supergraph the partner endpoint serves: the whole graph, all but the partner contract inaccessible. */
export const PARTNER_SUPERGRAPH_PATH = fileURLToPath(new URL('../supergraph.partner.graphql', import.meta.url));

/** Each subgraph's SDL as it was composed, for review and for tools. */
export const SUBGRAPH_SDL_DIR = fileURLToPath(new URL('../subgraphs/', import.meta.url));

/**
 * The published JSON Schema (2020-12) of a portability export, generated from the supergraph and the
 * gateway's portability documents by `npm run -s portability:schema`; the gateway serves it and checks every export against it.
 */
export const PORTABILITY_SCHEMA_PATH = fileURLToPath(new URL('../portability.schema.json', import.meta.url));
/** The whole policy as data (the matrix, every field's category, bindings, derived fields): written by `npm run policy` beside POLICY.md, read by `policy diff` at a git ref and by `policy replay`. */
export const POLICY_JSON_PATH = fileURLToPath(new URL('../policy.json', import.meta.url));
