import type { EntityManager } from '@mikro-orm/postgresql';
import { loaderOfMany, loaderOfOne, loaderPerArgument, yearsAgo } from '@mutual-graph/platform';
import { AdviceCall } from '../entities/advice-call.js';
import { MedicoLegalMatter } from '../entities/medico-legal-matter.js';
import { AssistanceRequest } from '../entities/assistance-request.js';
import { EnrolmentNote } from '../entities/enrolment-note.js';
import { IdentificationObservation } from '../entities/identification-observation.js';
import { IdentificationSnapshot } from '../entities/identification-snapshot.js';
import { EnrolmentSource, EnrolmentStatus, SupportProgramEnrolment } from '../entities/support-program-enrolment.js';

/** The case subgraph's per-request loaders; lookbacks get one loader per distinct number of years. */
export function createLoaders(em: EntityManager) {
  return {
    // The open enrolment, or else the latest: a member is in the program at most once at a time.
    enrolmentByMember: loaderOfOne(
      async (memberIds) => {
        const enrolments = await em.find(SupportProgramEnrolment, { memberId: { $in: [...memberIds] } }, { orderBy: { openedOn: 'desc', id: 'asc' } });
        const chosen = new Map<string, SupportProgramEnrolment>();
        for (const e of enrolments) {
          const current = chosen.get(e.memberId);
          if (!current || (current.status === EnrolmentStatus.CLOSED && e.status !== EnrolmentStatus.CLOSED)) chosen.set(e.memberId, e);
        }
        return [...chosen.values()];
      },
      (enrolment) => enrolment.memberId,
    ),
    // The latest enrolment the statistical identification opened (the one its explanation and observations are about).
    identificationByMember: loaderOfOne(
      async (memberIds) => {
        const enrolments = await em.find(SupportProgramEnrolment, { memberId: { $in: [...memberIds] }, source: EnrolmentSource.IDENTIFICATION }, { orderBy: { openedOn: 'desc', id: 'asc' } });
        const latest = new Map<string, SupportProgramEnrolment>();
        for (const e of enrolments) if (!latest.has(e.memberId)) latest.set(e.memberId, e);
        return [...latest.values()];
      },
      (enrolment) => enrolment.memberId,
    ),
    identificationSnapshotByEnrolment: loaderOfOne(
      (ids) => em.find(IdentificationSnapshot, { enrolment: { $in: [...ids] } }),
      (snapshot) => snapshot.enrolment.id,
    ),
    observationsByEnrolment: loaderOfMany(
      (ids) => em.find(IdentificationObservation, { enrolment: { $in: [...ids] } }, { orderBy: { writtenAt: 'asc', id: 'asc' } }),
      (o) => o.enrolment.id,
    ),
    // Every observation the member wrote, on any of their identifications: what they gave, whatever the explanation shows.
    observationsByMember: loaderOfMany(
      (memberIds) => em.find(IdentificationObservation, { memberId: { $in: [...memberIds] } }, { orderBy: { writtenAt: 'asc', id: 'asc' } }),
      (o) => o.memberId,
    ),
    notesByEnrolment: loaderOfMany(
      (ids) => em.find(EnrolmentNote, { enrolment: { $in: [...ids] } }, { orderBy: { writtenAt: 'asc', id: 'asc' } }),
      (n) => n.enrolment.id,
    ),
    assistanceRequestsByMember: loaderOfMany(
      (memberIds) => em.find(AssistanceRequest, { memberId: { $in: [...memberIds] } }, { orderBy: { requestedAt: 'desc', id: 'asc' } }),
      (request) => request.memberId,
    ),
    matterById: loaderOfOne(
      (ids) => em.find(MedicoLegalMatter, { id: { $in: [...ids] } }),
      (matter) => matter.id,
    ),
    mattersByMember: loaderPerArgument((years: number) =>
      loaderOfMany(
        (memberIds) => em.find(MedicoLegalMatter, { memberId: { $in: [...memberIds] }, openedOn: { $gte: yearsAgo(years) } }, { orderBy: { openedOn: 'desc', id: 'asc' } }),
        (matter) => matter.memberId,
      ),
    ),
    adviceCallsByMember: loaderPerArgument((years: number) =>
      loaderOfMany(
        (memberIds) => em.find(AdviceCall, { memberId: { $in: [...memberIds] }, calledOn: { $gte: yearsAgo(years) } }, { orderBy: { calledOn: 'desc', id: 'asc' } }),
        (call) => call.memberId,
      ),
    ),
  };
}

export type CaseLoaders = ReturnType<typeof createLoaders>;
