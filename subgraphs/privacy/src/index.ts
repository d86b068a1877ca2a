export { privacySubgraph } from './subgraph.js';
export { Consent } from './entities/consent.js';
export { ConsentEvent } from './entities/consent-event.js';
export { ServiceProvider } from './entities/service-provider.js';
export { ServiceProviderTransfer } from './entities/service-provider-transfer.js';
export { PrivacyImpactAssessment } from './entities/privacy-impact-assessment.js';
