import { PROVENANCES } from './provenance.js';
import { CATEGORY_NAMES, PURPOSE_NAMES } from './vocabulary.js';

/** Our own Federation spec: subgraphs import its directives by this URL and compose them into the supergraph. */
export const POLICY_SPEC_URL = 'https://mutual-graph.example/policy/v1.0';

/** Every directive of the policy spec: each subgraph imports and composes all of them, so none is lost on the way to the supergraph. */
export const POLICY_DIRECTIVE_NAMES = [
  'dataCategory',
  'nonPersonal',
  'onlyForPurposes',
  'requiresRole',
  'subjectOnly',
  'actsOnCaller',
  'actsOnNamedMember',
  'memberKey',
  'gatewayEffect',
  'provenance',
] as const;

/**
 * What every subgraph's SDL carries so that field categories and the policy's bindings survive
 * composition: the link, `@composeDirective` for each directive, their definitions and the enums
 * of the vocabulary they take. The field-by-field policy is declared on the fields themselves;
 * the matrix (matrix.ts) keeps only what belongs to a purpose.
 */
export const POLICY_DIRECTIVES_SDL = `
extend schema
  @link(url: "${POLICY_SPEC_URL}", import: [${POLICY_DIRECTIVE_NAMES.map((d) => `"@${d}"`).join(', ')}])
${POLICY_DIRECTIVE_NAMES.map((d) => `  @composeDirective(name: "@${d}")`).join('\n')}

"""
The kind of personal information a field carries, or that an argument or input field selects by
(an operation that filters by a category reads it); which purposes may read it is the policy matrix's to say.
"""
directive @dataCategory(category: DataCategory!) on FIELD_DEFINITION | ARGUMENT_DEFINITION | INPUT_FIELD_DEFINITION

"""
A field, or every field of a type, that carries no personal information; an argument or input field
(or every field of an input type) that selects by none: a key the caller holds, a page, a value to write.
"""
directive @nonPersonal on FIELD_DEFINITION | OBJECT | ARGUMENT_DEFINITION | INPUT_FIELD_DEFINITION | INPUT_OBJECT

"""
A field only these purposes may use, whatever its categories (PURPOSE_SCOPE otherwise): aggregates
no other purpose may see, work that is one team's, a member's own acts.
"""
directive @onlyForPurposes(purposes: [PurposeOfUse!]!) on FIELD_DEFINITION

"""A field only principals holding one of these roles may use, besides its purposes (ROLE_REQUIRED otherwise)."""
directive @requiresRole(roles: [String!]!) on FIELD_DEFINITION

"""A field only the member whose record it is may read, whatever the purpose (SUBJECT_SCOPE otherwise)."""
directive @subjectOnly on FIELD_DEFINITION

"""
A root field that acts on the caller's own member by construction (the token's memberId), or on no
one: under a purpose limited to the caller's own record, one of the root fields it may use.
"""
directive @actsOnCaller on FIELD_DEFINITION

"""
A root field that acts on the member its @memberKey arguments name and on no other: under a purpose
limited to the caller's own record, usable when they name the caller.
"""
directive @actsOnNamedMember on FIELD_DEFINITION

"""
An argument or input field whose value names a member (an id, or a list of ids): under a purpose
limited to the caller's own record it must be the caller's, and the audit records whom it named.
On an object's field: the member the object is about.
"""
directive @memberKey on ARGUMENT_DEFINITION | INPUT_FIELD_DEFINITION | FIELD_DEFINITION

"""
A mutation only the gateway calls, to carry out what a request's subgraphs asked for: no client
operation may select it under any purpose, and a subgraph answers it only to a hop token the
gateway signed for that effect.
"""
directive @gatewayEffect on FIELD_DEFINITION

"""
Where a field's information came from: the member (what they told us, chose or did, and when), the
organisation (what it recorded or assigned), or an inference. What the member gave is what a
portability export (s. 27) carries; a field declaring nothing is not the member's to carry away.
"""
directive @provenance(source: Provenance!) on FIELD_DEFINITION

"""Where information came from (the @provenance directive)."""
enum Provenance {
${PROVENANCES.map((p) => `  ${p}`).join('\n')}
}

"""The privacy policy's data categories."""
enum DataCategory {
${CATEGORY_NAMES.map((c) => `  ${c}`).join('\n')}
}

"""The privacy policy's purposes of use (the X-Purpose-Of-Use header)."""
enum PurposeOfUse {
${PURPOSE_NAMES.map((p) => `  ${p}`).join('\n')}
}
`;
