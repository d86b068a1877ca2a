import type { Provenance as Source } from '@mutual-graph/policy';
import { Directive } from 'type-graphql';

/**
 * Declares where a field's information came from (`@provenance`): MEMBER for what the member told
 * us, chose or did (what a portability export carries), ORGANISATION or INFERRED otherwise.
 */
export function Provenance(source: Source): MethodDecorator & PropertyDecorator {
  return Directive(`@provenance(source: ${source})`);
}
