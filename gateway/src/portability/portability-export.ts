import { Ajv2020 } from 'ajv/dist/2020.js';
import type { PortabilityEdiQuery, PortabilityExportQuery } from '../operations.generated.js';
import { PORTABILITY_SCHEMA_ID } from './portability-schema.js';

/** One portability export: what the member gave, as the published schema describes it. */
export interface PortabilityExport {
  $schema: typeof PORTABILITY_SCHEMA_ID;
  requestId: string;
  preparedOn: string;
  member: NonNullable<PortabilityExportQuery['me']>;
  edi: NonNullable<PortabilityEdiQuery['me']>['edi'];
}

/** Why an export was not sent: where it departs from the schema (paths and keywords, never values). */
export type Nonconformity = { path: string; keyword: string }[];

/**
 * The export of what was gathered, held to `schema` (the published one): the document, or where it
 * departs from the schema, in which case it is neither recorded nor sent. Formats are described for
 * readers; their patterns, beside them, are what is checked.
 */
export function portabilityExporter(schema: Record<string, unknown>): (parts: Omit<PortabilityExport, '$schema'>) => { document: PortabilityExport } | { nonconformity: Nonconformity } {
  const conforms = new Ajv2020({ strict: true, validateFormats: false }).compile<PortabilityExport>(schema);
  return (parts) => {
    const document: PortabilityExport = { $schema: PORTABILITY_SCHEMA_ID, ...parts };
    if (conforms(document)) return { document };
    return { nonconformity: (conforms.errors ?? []).map((e) => ({ path: e.instancePath, keyword: e.keyword })) };
  };
}
