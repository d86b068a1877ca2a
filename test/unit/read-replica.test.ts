import type { IncomingMessage } from 'node:http';
import { MikroORM } from '@mikro-orm/postgresql';
import { EntitySchema, type EntityClass } from '@mikro-orm/core';
import type { HopClaims } from '@mutual-graph/hop';
import { allowReplicaReads, applicationName, connectionOfFind, ormOptions, readFromReplica, requestMayReadReplica, subgraphContextFactory, type SubgraphDatabase } from '@mutual-graph/platform';
import { caseSubgraph } from '@mutual-graph/case-subgraph';
import { educationSubgraph } from '@mutual-graph/education-subgraph';
import { memberSubgraph } from '@mutual-graph/member-subgraph';
import { privacySubgraph } from '@mutual-graph/privacy-subgraph';
import { EventRegistration } from '../../subgraphs/education/src/entities/event-registration.js';
import { LearningActivity } from '../../subgraphs/education/src/entities/learning-activity.js';
import { LearningCompletion } from '../../subgraphs/education/src/entities/learning-completion.js';
import { LearningEvent } from '../../subgraphs/education/src/entities/learning-event.js';
import { ServiceSurvey } from '../../subgraphs/education/src/entities/service-survey.js';
import { CollegeRegistration } from '../../subgraphs/member/src/entities/college-registration.js';
import { Member } from '../../subgraphs/member/src/entities/member.js';
import { MembershipPeriod } from '../../subgraphs/member/src/entities/membership-period.js';
import { MembershipFee } from '../../subgraphs/member/src/entities/membership-fee.js';
import { FeePayment } from '../../subgraphs/member/src/entities/fee-payment.js';
import { FeeRefund } from '../../subgraphs/member/src/entities/fee-refund.js';
import { BillingRunRecord } from '../../subgraphs/member/src/entities/billing-run.js';
import { FeeReimbursementProgram } from '../../subgraphs/member/src/entities/fee-reimbursement-program.js';
import { FeeScheduleEntry } from '../../subgraphs/member/src/entities/fee-schedule-entry.js';
import { SupportProgramEnrolment } from '../../subgraphs/case/src/entities/support-program-enrolment.js';
import { ProtectionPeriod } from '../../subgraphs/case/src/entities/protection-period.js';
import { Consent } from '../../subgraphs/privacy/src/entities/consent.js';
import { ConsentEvent } from '../../subgraphs/privacy/src/entities/consent-event.js';
import { HoldFromDisposition } from '../../subgraphs/privacy/src/entities/disposition-hold.js';
import { PrivacyRequest } from '../../subgraphs/privacy/src/entities/privacy-request.js';
import { ServiceProviderTransfer } from '../../subgraphs/privacy/src/entities/service-provider-transfer.js';

// Nothing listens on these: MikroORM connects lazily, and these tests only ask where a read would go.
const NOWHERE = 'postgres://nobody:none@127.0.0.1:9/none';
const REPLICA = 'postgres://nobody:none@127.0.0.1:10/none';

/** A real MikroORM over a subgraph's entities, with a replica configured, never connected. */
const ormOf = (database: SubgraphDatabase) => new MikroORM(ormOptions(database, { clientUrl: NOWHERE, replicaUrl: REPLICA }));

const education = ormOf(educationSubgraph.database);
const member = ormOf(memberSubgraph.database);
const educationSafe = educationSubgraph.database.replicaSafe ?? [];
const memberSafe = memberSubgraph.database.replicaSafe ?? [];

afterAll(async () => {
  await education.close(true);
  await member.close(true);
});

describe('which requests may read from the replica', () => {
  it("lets a query the gateway planned for a client's query read from the replica", () => {
    expect(requestMayReadReplica('query' as never, { clientOperation: 'query' })).toBe(true);
  });

  it('keeps a mutation, a subscription, an operation not yet known and a peer call (a decision another subgraph makes) on the primary', () => {
    expect(requestMayReadReplica('mutation' as never, { clientOperation: 'mutation' })).toBe(false);
    expect(requestMayReadReplica('subscription' as never, { clientOperation: 'subscription' })).toBe(false);
    expect(requestMayReadReplica(undefined, { clientOperation: 'query' })).toBe(false);
    expect(requestMayReadReplica('query' as never, { peerCall: true, clientOperation: 'query' })).toBe(false);
  });

  it("keeps the gateway's follow-up fetches for a mutation's answer on the primary, and a token that does not say what the client asked", () => {
    // Each is a query at the subgraph: only the hop token tells that the client's operation writes.
    expect(requestMayReadReplica('query' as never, { clientOperation: 'mutation' })).toBe(false);
    expect(requestMayReadReplica('query' as never, {})).toBe(false);
  });
});

describe("which finds a query's fork sends to the replica", () => {
  const queryFork = () => readFromReplica(education.em.fork(), educationSafe);

  it('sends finds of a replica-safe entity to the replica', () => {
    const em = queryFork();
    expect(connectionOfFind(em, LearningActivity)).toBe('read');
    expect(connectionOfFind(em, LearningCompletion, { populate: ['activity'] })).toBe('read');
  });

  it('keeps seats (events, registrations) and surveys on the primary in the same query', () => {
    const em = queryFork();
    expect(connectionOfFind(em, EventRegistration)).toBe('write');
    expect(connectionOfFind(em, LearningEvent)).toBe('write');
    expect(connectionOfFind(em, ServiceSurvey)).toBe('write');
  });

  it('keeps a safe entity on the primary when it populates one that is not (the populated rows would sit stale in the identity map)', () => {
    const em = readFromReplica(member.em.fork(), memberSafe);
    expect(connectionOfFind(em, CollegeRegistration)).toBe('read');
    expect(connectionOfFind(em, CollegeRegistration, { populate: ['member'] })).toBe('write');
    expect(connectionOfFind(em, CollegeRegistration, { populate: ['*'] })).toBe('write');
    expect(connectionOfFind(em, CollegeRegistration, { populate: ['noSuchRelation'] })).toBe('write');
    expect(connectionOfFind(em, CollegeRegistration, { populate: true })).toBe('write');
    // Partial fields through a relation join it, and load its rows as populate does.
    expect(connectionOfFind(em, CollegeRegistration, { fields: ['college', 'member.firstName'] })).toBe('write');
    expect(connectionOfFind(em, CollegeRegistration, { fields: ['college', 'registrationNumber'] })).toBe('read');
  });

  it('keeps a safe entity on the primary when its condition or its order joins one that is not, and not when it only compares the key', () => {
    const em = readFromReplica(member.em.fork(), memberSafe);
    expect(connectionOfFind(em, CollegeRegistration, {}, { member: '5d3c1a0e-2b7f-4c1d-9a8e-3f6b2c1d0e9f' })).toBe('read');
    expect(connectionOfFind(em, CollegeRegistration, {}, { member: { $in: ['5d3c1a0e-2b7f-4c1d-9a8e-3f6b2c1d0e9f'] } })).toBe('read');
    expect(connectionOfFind(em, CollegeRegistration, {}, { member: { lastName: 'Tremblay' } })).toBe('write');
    expect(connectionOfFind(em, CollegeRegistration, {}, { $or: [{ college: 'MB' }, { member: { lastName: 'Tremblay' } }] })).toBe('write');
    expect(connectionOfFind(em, CollegeRegistration, { orderBy: { member: { lastName: 'asc' } } }, {})).toBe('write');
    expect(connectionOfFind(em, CollegeRegistration, { orderBy: { college: 'asc' } }, { college: 'MB' })).toBe('read');
  });

  it('keeps a safe entity on the primary when an eager relation would load one that is not', async () => {
    const Owner = new EntitySchema({ name: 'Owner', properties: { id: { type: 'uuid', primary: true } } });
    const Pet = new EntitySchema({ name: 'Pet', properties: { id: { type: 'uuid', primary: true }, owner: { kind: 'm:1', entity: () => Owner, eager: true } } });
    const Tag = new EntitySchema({ name: 'Tag', properties: { id: { type: 'uuid', primary: true }, pet: { kind: 'm:1', entity: () => Pet } } });
    const orm = ormOf({ schema: 'pets', entities: [Owner, Pet, Tag] as never, migrationsPath: '/nowhere' });
    const classOf = (name: string) => orm.getMetadata().find(name)!.class as EntityClass<object>;
    try {
      const em = readFromReplica(orm.em.fork(), [classOf('Pet'), classOf('Tag')]);
      expect(connectionOfFind(em, 'Tag')).toBe('read');
      expect(connectionOfFind(em, 'Pet')).toBe('write');
      expect(connectionOfFind(readFromReplica(orm.em.fork(), [classOf('Pet'), classOf('Owner')]), 'Pet')).toBe('read');
    } finally {
      await orm.close(true);
    }
  });

  it('keeps locked reads, reads in a transaction and reads that name their connection where they ask', () => {
    const em = queryFork();
    expect(connectionOfFind(em, LearningActivity, { lockMode: 4 })).toBe('write');
    expect(connectionOfFind(em, LearningActivity, { ctx: {} })).toBe('write');
    expect(connectionOfFind(em, LearningActivity, { connectionType: 'write' })).toBe('write');
  });

  it('reads only the primary on an unmarked fork (a mutation) and on forks a marked one makes (transactions fork)', () => {
    expect(connectionOfFind(education.em.fork(), LearningActivity)).toBe('write');
    expect(connectionOfFind(queryFork().fork(), LearningActivity)).toBe('write');
    expect(connectionOfFind(readFromReplica(education.em.fork(), []), LearningActivity)).toBe('write');
  });
});

describe("a request's context", () => {
  const hop: HopClaims = { principal: { sub: 's', roles: [], purposes: ['SUPPORT'] as never }, purpose: 'SUPPORT' as never, requestId: 'r' };
  const contextOf = subgraphContextFactory(
    education,
    {},
    () => ({}),
    () => Promise.resolve(hop),
  );
  const request = { method: 'POST', headers: {}, body: { query: '{ x }' } } as unknown as IncomingMessage;

  it('reads the safe entities from the replica once the operation is allowed to, before the fork is made', async () => {
    const context = await contextOf({ req: request });
    allowReplicaReads(context, educationSafe);
    expect(connectionOfFind(context.em, LearningActivity)).toBe('read');
    expect(connectionOfFind(context.em, EventRegistration)).toBe('write');
  });

  it('stays on the primary when nothing allowed it, or when the fork was made before', async () => {
    expect(connectionOfFind((await contextOf({ req: request })).em, LearningActivity)).toBe('write');
    const early = await contextOf({ req: request });
    void early.em;
    allowReplicaReads(early, educationSafe);
    expect(connectionOfFind(early.em, LearningActivity)).toBe('write');
  });
});

describe('the ORM options', () => {
  it('configures the replica as MikroORM reads it, preferring the primary, with each connection named', () => {
    const options = ormOptions(educationSubgraph.database, { clientUrl: NOWHERE, replicaUrl: REPLICA });
    expect(options.preferReadReplicas).toBe(false);
    expect(options.replicas).toEqual([{ name: 'replica', clientUrl: REPLICA, driverOptions: { application_name: 'mutual-graph/education/replica' } }]);
    expect(options.driverOptions).toEqual({ application_name: applicationName(educationSubgraph.database, 'primary') });
    expect(ormOptions(educationSubgraph.database, { clientUrl: NOWHERE }).replicas).toBeUndefined();
  });
});

describe("the subgraphs' replica-safe entities", () => {
  // What decisions read: consent, eligibility and membership, seats, fees and their locks, holds, request clocks,
  // surveys (whom to send, an answer once), enrolments (one open at a time).
  const decided: Record<string, EntityClass<object>[]> = {
    member: [Member, MembershipPeriod, MembershipFee, FeePayment, FeeRefund, BillingRunRecord, FeeReimbursementProgram, FeeScheduleEntry],
    case: [SupportProgramEnrolment, ProtectionPeriod],
    education: [EventRegistration, LearningEvent, ServiceSurvey],
    privacy: [Consent, ConsentEvent, HoldFromDisposition, PrivacyRequest, ServiceProviderTransfer],
  };

  it.each([memberSubgraph, caseSubgraph, educationSubgraph, privacySubgraph].map((s) => [s.name, s] as const))('%s lists none that a decision reads, and only its own entities', (name, subgraph) => {
    const safe = subgraph.database.replicaSafe ?? [];
    expect(safe.length).toBeGreaterThan(0);
    for (const entity of decided[name]) expect(safe).not.toContain(entity);
    for (const entity of safe) expect(subgraph.database.entities).toContain(entity);
  });
});
