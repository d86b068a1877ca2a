import { parse, Kind, type DocumentNode } from 'graphql';
import { directiveNamed, eachSchemaElement } from './field-index.js';

/**
 * Where a field's information came from, declared on the field (`@Provenance` in
 * packages/platform, `@provenance` in the SDL and the supergraph):
 * - MEMBER: collected from the member: what they told us (their answers, declarations and words),
 *   what they chose (consents, registrations), and when they did so;
 * - ORGANISATION: created by the organisation: what it assigned (numbers, statuses), computed
 *   (fees), recorded of its own work (case files, advisors' notes, disclosures);
 * - INFERRED: derived by the organisation from other information (contributing factors,
 *   identification figures, suggestions).
 * A field that declares nothing is treated as not collected from the member.
 */
export const PROVENANCES = ['MEMBER', 'ORGANISATION', 'INFERRED'] as const;
export type Provenance = (typeof PROVENANCES)[number];

export const isProvenance = (value: string): value is Provenance => (PROVENANCES as readonly string[]).includes(value);

/** Each field declaring a provenance, by schema coordinate (`Type.field`): what the supergraph or one subgraph's SDL says. */
export function indexProvenance(sdl: string | DocumentNode): Map<string, Provenance> {
  const document = typeof sdl === 'string' ? parse(sdl) : sdl;
  const index = new Map<string, Provenance>();
  eachSchemaElement(document, ({ kind, coordinate, directives }) => {
    if (kind !== 'field') return;
    const source = directiveNamed(directives, 'provenance')?.arguments?.find((a) => a.name.value === 'source')?.value;
    if ((source?.kind === Kind.ENUM || source?.kind === Kind.STRING) && isProvenance(source.value)) index.set(coordinate, source.value);
  });
  return index;
}
