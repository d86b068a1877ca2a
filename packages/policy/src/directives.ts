import { CATEGORY_NAMES } from './vocabulary.js';

/** Our own Federation spec: subgraphs import its directives by this URL and compose them into the supergraph. */
export const POLICY_SPEC_URL = 'https://mutual-graph.example/policy/v1.0';

/**
 * What every subgraph's SDL carries so that field categories survive composition:
 * the link, `@composeDirective` for both directives, their definitions and the category enum.
 */
export const POLICY_DIRECTIVES_SDL = `
extend schema
  @link(url: "${POLICY_SPEC_URL}", import: ["@dataCategory", "@nonPersonal"])
  @composeDirective(name: "@dataCategory")
  @composeDirective(name: "@nonPersonal")

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

"""The privacy policy's data categories."""
enum DataCategory {
${CATEGORY_NAMES.map((c) => `  ${c}`).join('\n')}
}
`;
