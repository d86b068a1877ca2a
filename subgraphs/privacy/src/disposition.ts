import type { EntityManager } from '@mikro-orm/postgresql';
import { destroyRowsDatedBefore, FIRST_KEY, keysFrom, membersByColumn, pageOf, type DispositionHold, type DispositionTask } from '@mutual-graph/platform';
import { CATEGORY_NAMES } from '@mutual-graph/policy';
import { disclosureDisposition } from './loaders/disclosure-log.js';
import { PrivacyRequest } from './entities/privacy-request.js';
import { ConfidentialityIncident } from './entities/confidentiality-incident.js';
import { IncidentNotification } from './entities/incident-notification.js';
import { HoldFromDisposition, HoldGround } from './entities/disposition-hold.js';
import { deemedRefusedOn } from './domain/statutory-clock.js';
import { recourseDeadline } from './domain/written-refusal.js';

/**
 * The register of confidentiality incidents: an entry is kept five years after the office became
 * aware of the incident (Quebec's regulation, s. 7), then destroyed with its notifications.
 */
function incidentDisposition(): DispositionTask {
  return {
    rule: 'confidentiality-incidents',
    membersOf: membersByColumn('privacy.confidentiality_incident', 'member_ids'),
    async due(em, cutoff, limit, after) {
      const sql = 'select id::text as id from privacy.confidentiality_incident where discovered_on < ? and id > ?::uuid order by id limit ?';
      return pageOf(await keysFrom(em, sql, [cutoff, after ?? FIRST_KEY, limit]), limit);
    },
    async apply(em, ids) {
      await em.nativeDelete(IncidentNotification, { incidentId: { $in: ids } });
      return em.nativeDelete(ConfidentialityIncident, { id: { $in: ids } });
    },
  };
}

/** The retention schedule's privacy-record rules, for what this subgraph holds (partners' disclosures kept beside the audit included). */
export function privacyDisposition(): DispositionTask[] {
  return [destroyRowsDatedBefore('privacy-requests', PrivacyRequest, 'privacy.privacy_request', 'closed_on'), disclosureDisposition(), incidentDisposition()];
}

interface LateRequest {
  id: string;
  memberId: string;
  dueOn: string;
  closedOn: string | null;
}

/**
 * The holds from disposition in force on a day, for every subgraph's disposition job: every hold an
 * officer placed and has not released; and for each request deemed refused (PIPEDA s. 8(5)) with no
 * hold placed, every category of its member, while it is open and for six months after it was
 * deemed refused (the member's time to complain): no one has named what it asked for yet, so
 * nothing of the member's goes.
 */
export async function privacyDispositionHolds(em: EntityManager, asOf: string): Promise<DispositionHold[]> {
  const placed = await em.find(HoldFromDisposition, { releasedOn: null }, { orderBy: { id: 'asc' } });
  const late: LateRequest[] = await em.getConnection().execute(
    `select r.id::text as id, r.member_id::text as "memberId", r.due_on::text as "dueOn", r.closed_on::text as "closedOn" from privacy.privacy_request r
       where ((r.closed_on is null and r.due_on < ?) or r.closed_on > r.due_on)
         and not exists (select 1 from privacy.disposition_hold h where h.request_id = r.id) order by r.id`,
    [asOf],
  );
  const deemed = late.flatMap((request) => {
    const on = deemedRefusedOn(request, asOf);
    if (on === null || (request.closedOn !== null && recourseDeadline(on) < asOf)) return [];
    return [
      {
        holdId: `deemed-refusal:${request.id}`,
        requestId: request.id,
        memberId: request.memberId,
        categories: CATEGORY_NAMES,
        why: `request deemed refused on ${on}, no hold placed: every category held`,
      },
    ];
  });
  return [
    ...placed.map((hold) => ({
      holdId: hold.id,
      requestId: hold.requestId,
      memberId: hold.memberId,
      categories: hold.categories,
      why: `request ${hold.ground === HoldGround.REFUSED ? 'refused' : 'deemed refused'} on ${hold.heldFrom}; recourse until ${hold.heldUntil}, held until an officer releases it`,
    })),
    ...deemed,
  ];
}
