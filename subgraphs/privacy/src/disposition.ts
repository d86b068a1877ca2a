import { destroyRowsDatedBefore, type DispositionTask } from '@mutual-graph/platform';
import { disclosureDisposition } from './loaders/disclosure-log.js';
import { PrivacyRequest } from './entities/privacy-request.js';

/** The retention schedule's privacy-record rules, for what this subgraph holds (partners' disclosures kept beside the audit included). */
export function privacyDisposition(): DispositionTask[] {
  return [destroyRowsDatedBefore('privacy-requests', PrivacyRequest, 'privacy.privacy_request', 'closed_on'), disclosureDisposition()];
}
