import { PROVINCES, type ProvinceCode } from '@mutual-graph/domain-codes';
import { registerEnumType } from 'type-graphql';

/** Canada's ten provinces and three territories as a GraphQL enum, from the one list (schema's PROVINCES). */
export const Province = Object.fromEntries(Object.keys(PROVINCES).map((code) => [code, code])) as { readonly [C in ProvinceCode]: C };
export type Province = ProvinceCode;

registerEnumType(Province, { name: 'Province', description: 'A Canadian province or territory' });
