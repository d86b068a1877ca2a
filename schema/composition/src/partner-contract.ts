import { composeServices } from '@apollo/composition';
import { Supergraph } from '@apollo/federation-internals';
import {
  buildSchema,
  getNamedType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isUnionType,
  Kind,
  parse,
  printSchema,
  visit,
  type ConstDirectiveNode,
  type DocumentNode,
  type GraphQLNamedType,
} from 'graphql';

/** Fields tagged for partners carry `@tag(name: "partner")`. */
export const PARTNER_TAG = 'partner';

const INACCESSIBLE: ConstDirectiveNode = { kind: Kind.DIRECTIVE, name: { kind: Kind.NAME, value: 'inaccessible' }, arguments: [] };
// Federation's own types stay as they are, and so do DataCategory, PurposeOfUse and Provenance: they are the
// argument types of the composed @dataCategory and @onlyForPurposes directives, which stay in every
// API schema (lists of category and purpose names, no data).
const UNTOUCHED = /^(_|link__|join__|federation__|DataCategory$|PurposeOfUse$|Provenance$|Query$|Mutation$|String$|Int$|Float$|Boolean$|ID$)/;

const taggedForPartners = (directives: readonly ConstDirectiveNode[] | undefined) =>
  directives?.some((d) => d.name.value === 'tag' && d.arguments?.some((a) => a.name.value === 'name' && a.value.kind === Kind.STRING && a.value.value === PARTNER_TAG)) ?? false;

/** The partner-tagged root fields, and every type they can reach: the whole of the partner contract. */
function partnerSurface(subgraphs: DocumentNode[], supergraphSdl: string): { rootFields: Set<string>; types: Set<string> } {
  const rootFields = new Set<string>();
  for (const document of subgraphs) {
    for (const def of document.definitions) {
      if ((def.kind === Kind.OBJECT_TYPE_DEFINITION || def.kind === Kind.OBJECT_TYPE_EXTENSION) && def.name.value === 'Query') {
        for (const field of def.fields ?? []) if (taggedForPartners(field.directives)) rootFields.add(field.name.value);
      }
    }
  }
  const schema = buildSchema(supergraphSdl, { assumeValidSDL: true });
  const types = new Set<string>();
  const queue: GraphQLNamedType[] = [...rootFields].flatMap((name) => {
    const field = schema.getQueryType()!.getFields()[name];
    return [getNamedType(field.type), ...field.args.map((a) => getNamedType(a.type))];
  });
  while (queue.length > 0) {
    const type = queue.shift()!;
    if (types.has(type.name)) continue;
    types.add(type.name);
    if (isObjectType(type) || isInterfaceType(type)) for (const f of Object.values(type.getFields())) queue.push(getNamedType(f.type), ...f.args.map((a) => getNamedType(a.type)));
    if (isInputObjectType(type)) for (const f of Object.values(type.getFields())) queue.push(getNamedType(f.type));
    if (isUnionType(type)) queue.push(...type.getTypes());
  }
  return { rootFields, types };
}

/** Marks everything outside the partner surface `@inaccessible` in one subgraph's SDL. */
function restrictToPartners(document: DocumentNode, surface: { rootFields: Set<string>; types: Set<string> }): DocumentNode {
  const hide = (node: { directives?: readonly ConstDirectiveNode[] }) => ({ ...node, directives: [...(node.directives ?? []), INACCESSIBLE] });
  const typeNode = (node: { name: { value: string }; directives?: readonly ConstDirectiveNode[] }) => (UNTOUCHED.test(node.name.value) || surface.types.has(node.name.value) ? undefined : hide(node));
  return visit(document, {
    ObjectTypeDefinition(node) {
      if (node.name.value === 'Query' || node.name.value === 'Mutation') {
        const kept = (name: string) => surface.rootFields.has(name) || name.startsWith('_');
        // A root type with nothing left for partners goes whole (Mutation: partners write nothing).
        if (node.name.value === 'Mutation' && !node.fields?.some((f) => kept(f.name.value))) return hide(node);
        return { ...node, fields: node.fields?.map((f) => (kept(f.name.value) ? f : hide(f))) };
      }
      return typeNode(node);
    },
    ObjectTypeExtension: typeNode,
    InterfaceTypeDefinition: typeNode,
    UnionTypeDefinition: typeNode,
    EnumTypeDefinition: typeNode,
    InputObjectTypeDefinition: typeNode,
    ScalarTypeDefinition: typeNode,
  });
}

export interface PartnerContract {
  /** What the partner gateway serves: the full supergraph with everything else inaccessible. */
  supergraphSdl: string;
  /** The partner API as a client sees it. */
  apiSdl: string;
}

/**
 * The partner contract, filtered at composition time: only root fields tagged `partner` and the
 * types they reach stay accessible; the query planner still sees the whole supergraph.
 */
export function composePartnerContract(subgraphs: { name: string; url: string; sdl: string }[], supergraphSdl: string): PartnerContract {
  const documents = subgraphs.map((s) => parse(s.sdl));
  const surface = partnerSurface(documents, supergraphSdl);
  const result = composeServices(subgraphs.map((s, i) => ({ name: s.name, url: s.url, typeDefs: restrictToPartners(documents[i], surface) })));
  if (result.errors) throw new Error(`partner contract does not compose:\n${result.errors.map((e) => `  - ${e.message}`).join('\n')}`);
  const apiSchema = Supergraph.build(result.supergraphSdl).apiSchema().toGraphQLJSSchema();
  return { supergraphSdl: result.supergraphSdl, apiSdl: printSchema(apiSchema) };
}
