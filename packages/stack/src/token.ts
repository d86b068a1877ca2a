import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { isPurpose, PURPOSE_NAMES, type Purpose } from '@mutual-graph/policy';
import { signDevToken } from './dev-token.js';
import { DATA_DIR } from './paths.js';
import { loadDevSecrets } from './secrets.js';
import { DATABASE_LOGINS } from './subgraphs.js';

/**
 * `npm run -s token -- --sub ID --roles a,b --purposes P1,P2 [--member-id ID] [--partner-id ID] [--expires-in 1h]`
 * prints one development JWT, signed with the key the stack that `npm start` runs trusts.
 */
const usage = `usage: npm run -s token -- --sub ID --roles a,b --purposes ${PURPOSE_NAMES.slice(0, 2).join(',')} [--member-id ID] [--partner-id ID] [--expires-in 1h]`;
let values;
try {
  ({ values } = parseArgs({
    options: {
      sub: { type: 'string' },
      roles: { type: 'string', default: '' },
      purposes: { type: 'string', default: '' },
      'member-id': { type: 'string' },
      'partner-id': { type: 'string' },
      'expires-in': { type: 'string', default: '1h' },
    },
  }));
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}
const list = (value: string) =>
  value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
const purposes = list(values.purposes);
const unknown = purposes.filter((p) => !isPurpose(p));
if (!values.sub || unknown.length > 0) {
  console.error(`${unknown.length > 0 ? `not purposes of use: ${unknown.join(', ')} (known: ${PURPOSE_NAMES.join(', ')})\n` : ''}${usage}`);
  process.exit(2);
}
const secrets = await loadDevSecrets(join(DATA_DIR, 'secrets.json'), DATABASE_LOGINS);
const token = await signDevToken(secrets.issuerKey.privateJwk, {
  sub: values.sub,
  roles: list(values.roles),
  purposes: purposes as Purpose[],
  ...(values['member-id'] ? { memberId: values['member-id'] } : {}),
  ...(values['partner-id'] ? { partnerId: values['partner-id'] } : {}),
  expiresIn: values['expires-in'],
});
console.log(token);
