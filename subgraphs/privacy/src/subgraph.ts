import { fileURLToPath } from 'node:url';
import { DispositionRun, type SubgraphDefinition } from '@mutual-graph/platform';
import { Consent } from './entities/consent.js';
import { ConsentEvent } from './entities/consent-event.js';
import { ConfidentialityIncident } from './entities/confidentiality-incident.js';
import { Disclosure } from './entities/disclosure.js';
import { IncidentNotification } from './entities/incident-notification.js';
import { PrivacyImpactAssessment } from './entities/privacy-impact-assessment.js';
import { PrivacyRequest } from './entities/privacy-request.js';
import { ServiceProvider } from './entities/service-provider.js';
import { ServiceProviderTransfer } from './entities/service-provider-transfer.js';
import { ExtensionNotice } from './entities/extension-notice.js';
import { HoldFromDisposition } from './entities/disposition-hold.js';
import { DispositionHoldResolver } from './resolvers/disposition-hold.resolver.js';
import { PrivacyRequestResolver } from './resolvers/privacy-request.resolver.js';
import { AccessReportResolver } from './resolvers/access-report.resolver.js';
import { PortabilityResolver } from './resolvers/portability.resolver.js';
import { AccessAuditResolver } from './resolvers/access-audit.resolver.js';
import { ConfidentialityIncidentResolver } from './resolvers/confidentiality-incident.resolver.js';
import { CommunicationsResolver } from './resolvers/communications.resolver.js';
import { SurveyConsentResolver } from './resolvers/survey-consent.resolver.js';
import { PrivacyPolicyResolver } from './resolvers/privacy-policy.resolver.js';
import { FeeReimbursementConsentResolver } from './resolvers/fee-reimbursement-consent.resolver.js';
import { ConsentResolver } from './resolvers/consent.resolver.js';
import { DisclosureResolver } from './resolvers/disclosure.resolver.js';
import { createLoaders, type PrivacyLoaders } from './loaders/index.js';
import { privacyReferences } from './resolvers/member.reference.js';
import { MemberPrivacyResolver } from './resolvers/member.resolver.js';
import { MemberServiceProvidersResolver } from './resolvers/member-service-providers.resolver.js';
import { PrivacyImpactAssessmentResolver } from './resolvers/privacy-impact-assessment.resolver.js';
import { ServiceProviderResolver } from './resolvers/service-provider.resolver.js';
import { privacyDisposition, privacyDispositionHolds } from './disposition.js';
import { Member } from './types/member.js';

/** The privacy subgraph: consents, access and correction requests, disclosures, the access audit, the incident register and the register of service providers with their privacy impact assessments. */
export const privacySubgraph: SubgraphDefinition<PrivacyLoaders> = {
  name: 'privacy',
  defaultPort: 4004,
  database: {
    schema: 'privacy',
    entities: [
      DispositionRun,
      Consent,
      ConsentEvent,
      Disclosure,
      PrivacyRequest,
      ExtensionNotice,
      HoldFromDisposition,
      ConfidentialityIncident,
      IncidentNotification,
      ServiceProvider,
      ServiceProviderTransfer,
      PrivacyImpactAssessment,
    ],
    migrationsPath: fileURLToPath(new URL('./migrations', import.meta.url)),
    // The gateway's access audit, read for the privacy office (select only).
    readsSchemas: ['audit'],
    // The register of service providers and their assessments as listed. Consents and their events, disclosures,
    // requests and their clocks, holds from disposition, incidents and transfers stay on the primary.
    replicaSafe: [ServiceProvider, PrivacyImpactAssessment],
  },
  schema: {
    resolvers: [
      MemberPrivacyResolver,
      CommunicationsResolver,
      SurveyConsentResolver,
      FeeReimbursementConsentResolver,
      PrivacyPolicyResolver,
      AccessAuditResolver,
      AccessReportResolver,
      PortabilityResolver,
      ConfidentialityIncidentResolver,
      DisclosureResolver,
      ConsentResolver,
      PrivacyRequestResolver,
      ServiceProviderResolver,
      PrivacyImpactAssessmentResolver,
      MemberServiceProvidersResolver,
      DispositionHoldResolver,
    ],
    // Entities reached only through `_entities` must be named, or type-graphql leaves them out.
    orphanedTypes: [Member],
    referenceResolvers: privacyReferences,
  },
  createLoaders,
  disposition: privacyDisposition,
  dispositionHolds: privacyDispositionHolds,
};
