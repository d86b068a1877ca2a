import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decideOperation, POLICY_MATRIX, readBindings } from '@mutual-graph/policy';
import { SUBGRAPH_SDL_DIR, SUPERGRAPH_PATH } from '@mutual-graph/schema';
import { composeSubgraphs, CompositionError } from '../../src/compose.js';
import { bindingsNamingNothing } from '../../src/policy-bindings.js';

// Fast: no stack. The bindings are directives on the fields and move with them; composition checks
// that the matrix's root-field lists name fields that exist.

const supergraph = readFileSync(SUPERGRAPH_PATH, 'utf8');
const subgraphSdl = Object.fromEntries(['member', 'case', 'education', 'privacy'].map((name) => [name, readFileSync(join(SUBGRAPH_SDL_DIR, `${name}.graphql`), 'utf8')]));

/** Composes the committed subgraphs with one of them edited; the sentences composition fails with, or the supergraph. */
function composeEdited(name: string, edit: (sdl: string) => string): { failures: string[] } | { supergraphSdl: string } {
  const edited = edit(subgraphSdl[name]!);
  expect(edited).not.toBe(subgraphSdl[name]);
  try {
    return { supergraphSdl: composeSubgraphs({ ...subgraphSdl, [name]: edited }).supergraphSdl };
  } catch (error) {
    if (!(error instanceof CompositionError)) throw error;
    return { failures: error.errors.map((e) => e.message) };
  }
}

describe('the policy bindings that name fields', () => {
  it('all name fields the supergraph has', () => {
    expect(bindingsNamingNothing(supergraph)).toEqual([]);
  });

  it('fail composition when a bound field is renamed away, whichever list binds it', () => {
    const stale = bindingsNamingNothing(supergraph, { ...POLICY_MATRIX, EDI_REPORTING: { rootFields: ['ediSummary', 'ediSummaries'] }, COMMUNICATIONS: { rootFields: ['communicationsAudiences'] } });
    expect(stale).toEqual([
      "the EDI_REPORTING purpose's rootFields name ediSummaries, which is no root field of the supergraph",
      "the COMMUNICATIONS purpose's rootFields name communicationsAudiences, which is no root field of the supergraph",
    ]);
  });

  it('keep a purpose-bound field bound when its subgraph renames it', () => {
    const composed = composeEdited('case', (sdl) => sdl.replace('  matterStatistics(', '  matterCounts('));
    if (!('supergraphSdl' in composed)) throw new Error(`composition failed: ${composed.failures.join('; ')}`);
    const bindings = readBindings(composed.supergraphSdl);
    expect(bindings.purposeBound.get('Query.matterCounts')).toEqual(['RISK_MANAGEMENT']);
    expect(bindings.purposeBound.has('Query.matterStatistics')).toBe(false);
    expect(decideOperation(bindings, 'EDUCATION', [{ coordinate: 'Query.matterCounts', category: null }], ['matterCounts'])).toMatchObject({ allowed: false, rule: 'PURPOSE_SCOPE' });
  });

  it('fail composition when a subgraph renames a root field the matrix names', () => {
    const composed = composeEdited('member', (sdl) => sdl.replace('  ediSummary(', '  ediTable('));
    expect(composed).toEqual({ failures: ["the EDI_REPORTING purpose's rootFields name ediSummary, which is no root field of the supergraph"] });
  });
});
