import { destroyRowsDatedBefore, type DispositionTask } from '@mutual-graph/platform';
import { Disclosure } from './entities/disclosure.js';
import { PrivacyRequest } from './entities/privacy-request.js';

/** The retention schedule's privacy-record rules, for what this subgraph holds. */
export function privacyDisposition(): DispositionTask[] {
  return [destroyRowsDatedBefore('privacy-requests', PrivacyRequest, 'privacy.privacy_request', 'closed_on'), destroyRowsDatedBefore('disclosures', Disclosure, 'privacy.disclosure', 'disclosed_at')];
}
