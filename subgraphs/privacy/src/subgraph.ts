import { fileURLToPath } from 'node:url';
import { DispositionRun, type SubgraphDefinition } from '@mutual-graph/platform';
import { Consent } from './entities/consent.js';
import { ConsentEvent } from './entities/consent-event.js';
import { ConfidentialityIncident } from './entities/confidentiality-incident.js';
import { Disclosure } from './entities/disclosure.js';
import { IncidentNotification } from './entities/incident-notification.js';
import { PrivacyRequest } from './entities/privacy-request.js';
import { PrivacyRequestResolver } from './resolvers/privacy-request.resolver.js';
import { AccessReportResolver } from './resolvers/access-report.resolver.js';
import { PortabilityResolver } from './resolvers/portability.resolver.js';
import { AccessAuditResolver } from './resolvers/access-audit.resolver.js';
import { ConfidentialityIncidentResolver } from './resolvers/confidentiality-incident.resolver.js';
import { CommunicationsResolver } from './resolvers/communications.resolver.js';
import { SurveyConsentResolver } from './resolvers/survey-consent.resolver.js';
import { ConsentResolver } from './resolvers/consent.resolver.js';
import { DisclosureResolver } from './resolvers/disclosure.resolver.js';
import { createLoaders, type PrivacyLoaders } from './loaders/index.js';
import { privacyReferences } from './resolvers/member.reference.js';
import { MemberPrivacyResolver } from './resolvers/member.resolver.js';
import { privacyDisposition } from './disposition.js';
import { Member } from './types/member.js';

/** The privacy subgraph: consents, access and correction requests, disclosures, the access audit and the incident register. */
export const privacySubgraph: SubgraphDefinition<PrivacyLoaders> = {
  name: 'privacy',
  defaultPort: 4004,
  database: {
    schema: 'privacy',
    entities: [DispositionRun, Consent, ConsentEvent, Disclosure, PrivacyRequest, ConfidentialityIncident, IncidentNotification],
    migrationsPath: fileURLToPath(new URL('./migrations', import.meta.url)),
    // The gateway's access audit, read for the privacy office (select only).
    readsSchemas: ['audit'],
  },
  schema: {
    resolvers: [
      MemberPrivacyResolver,
      CommunicationsResolver,
      SurveyConsentResolver,
      AccessAuditResolver,
      AccessReportResolver,
      PortabilityResolver,
      ConfidentialityIncidentResolver,
      DisclosureResolver,
      ConsentResolver,
      PrivacyRequestResolver,
    ],
    // Entities reached only through `_entities` must be named, or type-graphql leaves them out.
    orphanedTypes: [Member],
    referenceResolvers: privacyReferences,
  },
  createLoaders,
  disposition: privacyDisposition,
};
