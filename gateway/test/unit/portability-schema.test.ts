import { readFileSync } from 'node:fs';
import { indexFields, indexProvenance } from '@mutual-graph/policy';
import { PORTABILITY_SCHEMA_PATH, SUPERGRAPH_PATH } from '@mutual-graph/schema';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { buildSchema, getNamedType, isObjectType, Kind, parse, type GraphQLObjectType, type SelectionSetNode } from 'graphql';
import { PortabilityEdiDocument, PortabilityExportDocument } from '../../src/operations.generated.js';
import { portabilityExporter, type PortabilityExport } from '../../src/portability/portability-export.js';
import { PORTABILITY_SCHEMA_ID, portabilitySchema } from '../../src/portability/portability-schema.js';

const supergraphSdl = readFileSync(SUPERGRAPH_PATH, 'utf8');
const supergraph = buildSchema(supergraphSdl, { assumeValidSDL: true });
const published = JSON.parse(readFileSync(PORTABILITY_SCHEMA_PATH, 'utf8')) as Record<string, unknown>;

/** Every field coordinate (`Type.field`) a document selects, and whether it is a leaf. */
function selectedFields(document: string): { coordinate: string; leaf: boolean }[] {
  const found: { coordinate: string; leaf: boolean }[] = [];
  const walk = (type: GraphQLObjectType, selections: SelectionSetNode) => {
    for (const selection of selections.selections) {
      if (selection.kind !== Kind.FIELD) throw new Error('fields only');
      const field = type.getFields()[selection.name.value];
      const named = getNamedType(field.type);
      found.push({ coordinate: `${type.name}.${field.name}`, leaf: !selection.selectionSet });
      if (selection.selectionSet && isObjectType(named)) walk(named, selection.selectionSet);
    }
  };
  const [operation] = parse(document).definitions;
  if (operation.kind !== Kind.OPERATION_DEFINITION) throw new Error('one operation');
  walk(supergraph.getQueryType()!, operation.selectionSet);
  return found;
}

const selected = [...selectedFields(String(PortabilityExportDocument)), ...selectedFields(String(PortabilityEdiDocument))];
const provenance = indexProvenance(supergraphSdl);
const categories = indexFields(supergraphSdl);

/** A valid export, to break in one place at a time. */
function anExport(): Record<string, unknown> & { member: Record<string, unknown> } {
  return {
    $schema: PORTABILITY_SCHEMA_ID,
    requestId: '5d8f0c3e-1111-4a2b-9c3d-000000000000',
    preparedOn: '2026-12-02',
    member: {
      minc: null,
      firstName: 'Ada',
      lastName: 'Lovelace',
      dateOfBirth: '1980-01-02',
      preferredLanguage: 'EN',
      contact: { email: 'ada@example.org', phone: '+1 613 555 0100', city: 'Ottawa', province: 'ON' },
      practice: null,
      collegeRegistrations: [],
      assistanceRequests: [],
      supportProgram: null,
      identificationObservations: [{ writtenAt: '2026-11-03T14:00:00.000Z', text: 'My matters were all from one hospital.' }],
      registrations: [],
      educationPlan: { items: [{ evidence: 'Certificate 4411' }] },
      serviceSurveys: [{ answeredAt: '2026-10-22T09:00:00.000Z', satisfaction: 4, stressBefore: 5, stressAfter: 2, comment: null }],
      communicationPreferences: { consented: false, consentedSince: null },
      surveyPreferences: { consented: true },
      feeReimbursementPreferences: { consented: false },
      consents: [],
      privacyRequests: [],
    },
    edi: null,
  };
}

describe('the portability export selects what the member gave, as the graph declares it', () => {
  it('selects only fields declared @provenance(source: MEMBER), or non-personal context (an event, its activity)', () => {
    const stray = selected.filter(({ coordinate, leaf }) => leaf && provenance.get(coordinate) !== 'MEMBER' && categories.get(coordinate) !== null).map((s) => s.coordinate);
    expect(stray).toEqual([]);
  });

  it('selects every field the graph declares collected from the member, so a newly declared one cannot be left out', () => {
    const chosen = new Set(selected.map((s) => s.coordinate));
    const declared = [...provenance].filter(([, source]) => source === 'MEMBER').map(([coordinate]) => coordinate);
    expect(declared.length).toBeGreaterThan(30);
    expect(declared.filter((c) => !chosen.has(c))).toEqual([]);
  });

  it('leaves out what the organisation created or inferred: membership number, fees, case files and outcomes, notes, disclosures', () => {
    const chosen = new Set(selected.map((s) => s.coordinate));
    for (const coordinate of [
      'Member.id',
      'Member.membershipNumber',
      'Member.membership',
      'Member.fees',
      'Member.medicoLegalHistory',
      'Member.adviceCalls',
      'EducationPlan.status',
      'EducationPlanItem.factor',
      'IdentificationExplanation.pValue',
      'Member.learningRecord',
      'Member.disclosures',
      'Member.supportSuggestions',
      'SupportProgramEnrolment.contributingFactors',
      'SupportProgramEnrolment.notes',
      'SupportProgramEnrolment.status',
      'AssistanceRequest.status',
      'PrivacyRequest.status',
      'PrivacyRequest.recordedBy',
      'ServiceSurvey.sentAt',
    ]) {
      expect([coordinate, chosen.has(coordinate)]).toEqual([coordinate, false]);
    }
  });

  it('gathers EDI in a document of its own, with nothing else', () => {
    expect(selectedFields(String(PortabilityExportDocument)).map((s) => s.coordinate)).not.toContain('Member.edi');
    const beneathMe = selectedFields(String(PortabilityEdiDocument)).filter((s) => !s.coordinate.startsWith('Query.'));
    expect(new Set(beneathMe.map((s) => categories.get(s.coordinate)))).toEqual(new Set(['EDI']));
  });
});

describe('the published JSON Schema', () => {
  it('is what the supergraph and the portability documents generate (npm run -s portability:schema), so a field the export selects is always described', () => {
    expect(published).toEqual(portabilitySchema(supergraph));
  });

  it('fails to generate when a document selects a field the graph does not have', () => {
    const renamed = buildSchema(supergraphSdl.replace(/\n {2}memberPerspective: /, '\n  memberView: '), { assumeValidSDL: true });
    expect(() => portabilitySchema(renamed)).toThrow('SupportProgramEnrolment.memberPerspective is not in the graph');
  });

  it('is a JSON Schema 2020-12 with a stable $id, which an export names as its $schema', () => {
    expect(published).toMatchObject({ $schema: 'https://json-schema.org/draft/2020-12/schema', $id: PORTABILITY_SCHEMA_ID });
    const validate = new Ajv2020({ strict: true, validateFormats: false }).compile(published);
    expect([validate(anExport()), validate.errors]).toEqual([true, null]);
  });

  describe('refuses an export holding anything it does not describe', () => {
    const validate = new Ajv2020({ strict: true, validateFormats: false, allErrors: true }).compile(published);
    it.each([
      ['a membership number', (e: ReturnType<typeof anExport>) => (e.member.membershipNumber = '123456')],
      ['a case outcome', (e: ReturnType<typeof anExport>) => (e.member.medicoLegalHistory = [{ outcome: 'SETTLED' }])],
      ['advisor notes', (e: ReturnType<typeof anExport>) => (e.member.supportProgram = { memberPerspective: null, notes: [{ text: 'x' }] })],
      ['a field beside the member', (e: ReturnType<typeof anExport>) => (e.disclosures = [])],
      ['another schema', (e: ReturnType<typeof anExport>) => (e.$schema = 'https://example.org/other.json')],
      ['a date that is not one', (e: ReturnType<typeof anExport>) => (e.member.dateOfBirth = '02/01/1980')],
      ['a code the graph does not have', (e: ReturnType<typeof anExport>) => (e.member.preferredLanguage = 'KLINGON')],
      ['no EDI key at all', (e: ReturnType<typeof anExport>) => delete (e as Record<string, unknown>).edi],
    ])('%s', (_what, change) => {
      const document = anExport();
      change(document);
      expect(validate(document)).toBe(false);
    });
  });
});

describe('the export the route sends, held to the published schema before anything is recorded', () => {
  const exported = portabilityExporter(published);
  const { $schema: _schema, ...parts } = anExport();

  it('names the schema it conforms to', () => {
    expect(exported(parts as unknown as Omit<PortabilityExport, '$schema'>)).toEqual({ document: { $schema: PORTABILITY_SCHEMA_ID, ...parts } });
  });

  it('is withheld when it holds a field the schema does not describe, saying where and never what', () => {
    const member = { ...parts.member, membershipNumber: 'SECRET-123456' };
    const outcome = exported({ ...parts, member } as unknown as Omit<PortabilityExport, '$schema'>);
    expect(outcome).toEqual({ nonconformity: [{ path: '/member', keyword: 'additionalProperties' }] });
    expect(JSON.stringify(outcome)).not.toContain('SECRET');
  });
});
