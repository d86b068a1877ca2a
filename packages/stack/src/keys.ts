import { join } from 'node:path';
import { DATA_DIR } from './paths.js';
import { loadDevSecrets } from './secrets.js';
import { DATABASE_LOGINS } from './subgraphs.js';

/**
 * `npm run -s keys > .env`: the keys docker-compose's services need, as environment lines —
 * the gateway's hop key pair and the development token issuer's public key (the same ones
 * `npm start` and `npm run token` use).
 */
const secrets = await loadDevSecrets(join(DATA_DIR, 'secrets.json'), DATABASE_LOGINS);
console.log(`GATEWAY_HOP_PRIVATE_KEY='${JSON.stringify(secrets.hopKey.privateJwk)}'`);
console.log(`GATEWAY_HOP_PUBLIC_KEY='${JSON.stringify(secrets.hopKey.publicJwk)}'`);
console.log(`AUTH_PUBLIC_KEY='${JSON.stringify(secrets.issuerKey.publicJwk)}'`);
