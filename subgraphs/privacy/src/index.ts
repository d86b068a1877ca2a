export { privacySubgraph } from './subgraph.js';
export { Consent } from './entities/consent.js';
export { ConsentEvent } from './entities/consent-event.js';
