import { Supergraph } from '@apollo/federation-internals';
import { bindingsOf, collectOperationShape, collectRootSelections, decideOperation, fieldIndexOf, isPurpose, matrixOf, type PolicySnapshot, type Purpose } from '@mutual-graph/policy';
import { Kind, parse, specifiedRules, validate, ValuesOfCorrectTypeRule, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';

/** Refusals the policy decides (`extensions.policy.rule`): only these, and allowed operations, are decided again. */
const POLICY_RULES = new Set(['PURPOSE_SCOPE', 'EDI_ISOLATION', 'SUBJECT_SCOPE', 'ROLE_REQUIRED']);

/** One recorded operation of the audit (or many alike: `count`), as the privacy office's login reads it. */
export interface RecordedOperation {
  subject: string | null;
  roles: string[];
  purpose: string | null;
  operationName: string | null;
  /** The operation as the gateway kept it for a replay (gateway/src/audit/replayable-operation.ts); null before it kept them. */
  document: string | null;
  argumentUses: string[];
  memberScope: { callerIsMember: boolean; roots: { field: string; named: number; foreign: boolean }[] } | null;
  decision: 'ALLOWED' | 'REFUSED';
  code: string | null;
  rule: string | null;
  count?: number;
}

export type ReplayedDecision = { allowed: true } | { allowed: false; rule: string; fields: string[] };

/** Operations whose decision would change, by who asked, why and what. No member's data: principals, purposes, operation names, rules and fields. */
export interface ReplayReport {
  /** Recorded operations read. */
  recorded: number;
  /** Decided again: allowed, or refused by a policy rule, with a kept operation. */
  replayed: number;
  /** Distinct (operation, purpose, roles, arguments, member scope) decided, each once. */
  distinct: number;
  /** Not decided again: refused before a decision (authentication, limits, invalid), or recorded before operations were kept. */
  notReplayable: number;
  unchanged: number;
  nowRefused: { principal: string | null; purpose: string; operationName: string | null; rule: string; fields: string[]; count: number }[];
  nowAllowed: { principal: string | null; purpose: string; operationName: string | null; wasRefusedBy: string | null; count: number }[];
}

/** The graph a replay decides against: the proposed policy and the API schema of the supergraph it applies to. */
export interface ProposedGraph {
  snapshot: PolicySnapshot;
  schema: GraphQLSchema;
}

export function proposedGraph(supergraphSdl: string, snapshot: PolicySnapshot): ProposedGraph {
  return { snapshot, schema: Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema() };
}

/** Literals were emptied when the operation was kept, so their values are not checked again; every other rule of validation is. */
const REPLAY_RULES = specifiedRules.filter((rule) => rule !== ValuesOfCorrectTypeRule);

/**
 * Decides every recorded operation again under the proposed graph and reports what would change.
 * Identical operations (same kept text, purpose, roles, arguments given and member scope) are decided
 * once, so a week of traffic costs as many decisions as it has distinct operations.
 */
export function replayOperations(records: Iterable<RecordedOperation>, graph: ProposedGraph): ReplayReport {
  const index = fieldIndexOf(graph.snapshot);
  const bindings = bindingsOf(graph.snapshot);
  const matrix = matrixOf(graph.snapshot);
  const decisions = new Map<string, ReplayedDecision>();
  const documents = new Map<string, { operation: OperationDefinitionNode; document: ReturnType<typeof parse> } | { invalid: string }>();

  const documentOf = (text: string) => {
    let parsed = documents.get(text);
    if (!parsed) {
      try {
        const document = parse(text);
        const errors = validate(graph.schema, document, REPLAY_RULES);
        const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
        parsed = errors.length > 0 || !operation ? { invalid: errors[0]?.message ?? 'no operation' } : { document, operation };
      } catch (error) {
        parsed = { invalid: (error as Error).message };
      }
      documents.set(text, parsed);
    }
    return parsed;
  };

  const decide = (record: RecordedOperation & { document: string }, purpose: Purpose): ReplayedDecision => {
    const parsed = documentOf(record.document);
    if ('invalid' in parsed) return { allowed: false, rule: 'INVALID_OPERATION', fields: [parsed.invalid] };
    const { document, operation } = parsed;
    const shape = collectOperationShape(graph.schema, document, operation, index);
    const uses = [...shape.uses, ...record.argumentUses.map((coordinate) => ({ coordinate, category: index.get(coordinate) ?? null, unclassified: !index.has(coordinate) }))];
    const unclassified = uses.filter((u) => u.unclassified).map((u) => u.coordinate);
    if (unclassified.length > 0) return { allowed: false, rule: 'PURPOSE_SCOPE', fields: unclassified };
    const { rootFields, rootType } = collectRootSelections(graph.schema, document, operation, {});
    const decision = decideOperation(bindings, purpose, uses, rootFields, rootType, record.roles, matrix);
    if (!decision.allowed) return { allowed: false, rule: decision.rule, fields: decision.fields };
    if (matrix.purposes[purpose].ownRecordOnly) {
      const scope = record.memberScope ?? { callerIsMember: false, roots: [] };
      const foreign = rootFields.filter((field) => {
        const coordinate = `${rootType}.${field}`;
        const root = scope.roots.find((r) => r.field === field) ?? { named: 0, foreign: false };
        const ownField = bindings.actsOnCaller.has(coordinate) || (bindings.actsOnNamedMember.has(coordinate) && root.named > 0);
        return !ownField || root.foreign;
      });
      if (foreign.length > 0 || !scope.callerIsMember) return { allowed: false, rule: 'SUBJECT_SCOPE', fields: foreign.map((f) => `${rootType}.${f}`) };
    }
    return { allowed: true };
  };

  const report: ReplayReport = { recorded: 0, replayed: 0, distinct: 0, notReplayable: 0, unchanged: 0, nowRefused: [], nowAllowed: [] };
  const refused = new Map<string, ReplayReport['nowRefused'][number]>();
  const allowed = new Map<string, ReplayReport['nowAllowed'][number]>();
  for (const record of records) {
    const count = record.count ?? 1;
    report.recorded += count;
    const decidedByPolicy = record.decision === 'ALLOWED' || (record.code === 'FORBIDDEN' && record.rule !== null && POLICY_RULES.has(record.rule));
    if (record.document === null || !isPurpose(record.purpose) || !decidedByPolicy) {
      report.notReplayable += count;
      continue;
    }
    report.replayed += count;
    const key = JSON.stringify([record.document, record.purpose, [...record.roles].sort(), record.argumentUses, record.memberScope]);
    let decision = decisions.get(key);
    if (!decision) {
      decision = decide({ ...record, document: record.document }, record.purpose);
      decisions.set(key, decision);
    }
    const who = { principal: record.subject, purpose: record.purpose, operationName: record.operationName };
    if (record.decision === 'ALLOWED' && !decision.allowed) {
      const k = JSON.stringify([who, decision.rule, decision.fields]);
      const row = refused.get(k) ?? { ...who, rule: decision.rule, fields: decision.fields, count: 0 };
      row.count += count;
      refused.set(k, row);
    } else if (record.decision === 'REFUSED' && decision.allowed) {
      const k = JSON.stringify([who, record.rule]);
      const row = allowed.get(k) ?? { ...who, wasRefusedBy: record.rule, count: 0 };
      row.count += count;
      allowed.set(k, row);
    } else {
      report.unchanged += count;
    }
  }
  report.distinct = decisions.size;
  const order = (a: { principal: string | null; purpose: string; operationName: string | null }, b: typeof a) =>
    `${a.principal}\u0000${a.purpose}\u0000${a.operationName}`.localeCompare(`${b.principal}\u0000${b.purpose}\u0000${b.operationName}`);
  report.nowRefused = [...refused.values()].sort(order);
  report.nowAllowed = [...allowed.values()].sort(order);
  return report;
}

/** The report as Markdown tables. */
export function replayAsMarkdown(report: ReplayReport, labels: { matrix: string; since: string }): string {
  const cell = (s: string | null) => (s === null ? '—' : `\`${s.replace(/[|`\\]/g, (c) => `\\${c}`)}\``);
  const lines = [
    `## Replay of the access audit since ${labels.since} under ${labels.matrix}`,
    '',
    `${report.recorded} recorded operations: ${report.replayed} decided again (${report.distinct} distinct), ${report.notReplayable} not replayable (refused before a decision, or recorded before operations were kept); ${report.unchanged} unchanged, ${report.nowRefused.reduce((n, r) => n + r.count, 0)} now refused, ${report.nowAllowed.reduce((n, r) => n + r.count, 0)} now allowed.`,
    '',
  ];
  if (report.nowRefused.length > 0) {
    lines.push('### Now refused', '', '| principal | purpose | operation | rule | fields | operations |', '| --- | --- | --- | --- | --- | --- |');
    for (const r of report.nowRefused) lines.push(`| ${cell(r.principal)} | ${cell(r.purpose)} | ${cell(r.operationName)} | ${r.rule} | ${r.fields.map(cell).join(', ')} | ${r.count} |`);
    lines.push('');
  }
  if (report.nowAllowed.length > 0) {
    lines.push('### Now allowed (were refused)', '', '| principal | purpose | operation | was refused by | operations |', '| --- | --- | --- | --- | --- |');
    for (const r of report.nowAllowed) lines.push(`| ${cell(r.principal)} | ${cell(r.purpose)} | ${cell(r.operationName)} | ${r.wasRefusedBy ?? '—'} | ${r.count} |`);
    lines.push('');
  }
  return lines.join('\n');
}
