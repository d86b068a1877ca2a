import {
  getNamedType,
  getNullableType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  Kind,
  parse,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { TypedOperation } from '@mutual-graph/platform';
import { PortabilityEdiDocument, PortabilityExportDocument } from '../operations.generated.js';

/** The export's schema, by a stable identifier every export names as its `$schema` (the gateway serves it at `PORTABILITY_SCHEMA_ROUTE`). */
export const PORTABILITY_SCHEMA_ID = 'https://mutual-graph.example/privacy/portability/v1/schema.json';
/** Where the gateway serves the schema: no token needed, it holds no one's information. */
export const PORTABILITY_SCHEMA_ROUTE = '/privacy/portability/schema.json';

export type JsonSchema = { [keyword: string]: unknown };

/** How each of the graph's scalars is written in JSON (the graph's own serialisation). */
const SCALARS: Record<string, JsonSchema> = {
  String: { type: 'string' },
  ID: { type: 'string' },
  Int: { type: 'integer' },
  Float: { type: 'number' },
  Boolean: { type: 'boolean' },
  Date: { type: 'string', format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
  DateTimeISO: { type: 'string', format: 'date-time', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$' },
};

const nullable = (schema: JsonSchema): JsonSchema => {
  if (Array.isArray(schema.enum)) return { ...schema, type: [schema.type, 'null'], enum: [...(schema.enum as unknown[]), null] };
  return { ...schema, type: [schema.type, 'null'] };
};

function operationOf(document: TypedOperation<unknown, never>): OperationDefinitionNode {
  const [definition] = parse(String(document)).definitions;
  if (definition?.kind !== Kind.OPERATION_DEFINITION) throw new Error('a portability document is one operation');
  return definition;
}

/** The JSON Schema of what `selections` selects of `type`: every selected field present (GraphQL answers each), no other. */
function objectSchema(schema: GraphQLSchema, type: GraphQLObjectType, selections: SelectionSetNode): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const selection of selections.selections) {
    if (selection.kind !== Kind.FIELD) throw new Error('portability documents select fields only (no fragments), so that the schema follows them exactly');
    const name = selection.name.value;
    const field: GraphQLField<unknown, unknown> | undefined = type.getFields()[name];
    if (!field) throw new Error(`${type.name}.${name} is not in the graph`);
    const key = selection.alias?.value ?? name;
    properties[key] = { ...(field.description ? { description: field.description } : {}), ...outputSchema(schema, field.type, selection.selectionSet, `${type.name}.${name}`) };
  }
  return { type: 'object', properties, required: Object.keys(properties), additionalProperties: false };
}

function outputSchema(schema: GraphQLSchema, type: GraphQLOutputType, selections: SelectionSetNode | undefined, coordinate: string): JsonSchema {
  return isNonNullType(type) ? inner(schema, type.ofType, selections, coordinate) : nullable(inner(schema, type, selections, coordinate));
}

function inner(schema: GraphQLSchema, type: GraphQLOutputType, selections: SelectionSetNode | undefined, coordinate: string): JsonSchema {
  const bare = getNullableType(type);
  if (isListType(bare)) return { type: 'array', items: outputSchema(schema, bare.ofType, selections, coordinate) };
  if (isEnumType(bare)) return { type: 'string', enum: bare.getValues().map((v) => v.name) };
  if (isScalarType(bare)) {
    const scalar = SCALARS[bare.name];
    if (!scalar) throw new Error(`${coordinate} is a ${bare.name}, which the portability schema does not describe`);
    return scalar;
  }
  if (isObjectType(bare) && selections) return objectSchema(schema, bare, selections);
  throw new Error(`${coordinate} (${getNamedType(bare).name}) cannot be described`);
}

/** What one document's root field `me` selects, down to `path` (e.g. `edi` in the EDI document). */
function selectedUnder(schema: GraphQLSchema, document: TypedOperation<unknown, never>, path: string[], { orNull }: { orNull: boolean }): JsonSchema {
  let type: GraphQLObjectType = schema.getQueryType()!;
  let selections = operationOf(document).selectionSet;
  let field: GraphQLField<unknown, unknown> | undefined;
  for (const name of path) {
    const selection = selections.selections.find((s) => s.kind === Kind.FIELD && s.name.value === name);
    field = type.getFields()[name];
    if (selection?.kind !== Kind.FIELD || !selection.selectionSet || !field) throw new Error(`the portability document selects no ${path.join('.')}`);
    const named = getNamedType(field.type);
    if (!isObjectType(named)) throw new Error(`${path.join('.')} is not an object`);
    type = named;
    selections = selection.selectionSet;
  }
  const described = inner(schema, getNullableType(field!.type), selections, path.join('.'));
  return orNull ? nullable(described) : described;
}

/**
 * The published JSON Schema (2020-12) of a portability export, generated from the graph's own
 * types and the export's operation documents: a field the documents select is described with its
 * type and description; nothing else may appear (`additionalProperties: false` everywhere).
 */
export function portabilitySchema(schema: GraphQLSchema): JsonSchema {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: PORTABILITY_SCHEMA_ID,
    title: 'Portability export: the information a member gave the organisation',
    description:
      "What a member of the organisation gave it (their words, declarations, answers and choices, and when they made them), as the graph holds it, in answer to their access request (s. 27). Fields the organisation created or inferred are not part of it. Dates are ISO 8601; codes are the graph's enum values.",
    type: 'object',
    properties: {
      $schema: { const: PORTABILITY_SCHEMA_ID, description: 'This schema' },
      requestId: { type: 'string', description: 'The ACCESS request this export answers' },
      preparedOn: { ...SCALARS.Date, description: 'The day the export was prepared' },
      member: { ...selectedUnder(schema, PortabilityExportDocument, ['me'], { orNull: false }), description: 'What the member gave, but their EDI answers' },
      edi: {
        ...selectedUnder(schema, PortabilityEdiDocument, ['me', 'edi'], { orNull: true }),
        description: 'Their equity, diversity and inclusion answers, given with their consent; null when they gave none',
      },
    },
    required: ['$schema', 'requestId', 'preparedOn', 'member', 'edi'],
    additionalProperties: false,
  };
}
