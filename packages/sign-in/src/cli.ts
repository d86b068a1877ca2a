import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { signIn } from './sign-in.js';

/**
 * `npm run -s sign-in -- --issuer URL --client-id sandbox [--scope "purpose.EDI_REPORTING purpose.RISK_MANAGEMENT"]
 * [--resource api://mutual-graph] [--no-open]`: signs an analyst in through the browser and prints the
 * access token alone on stdout (for `$(…)`); how to use it goes to stderr.
 */
const usage = 'usage: npm run -s sign-in -- --issuer URL --client-id ID [--scope "purpose.X purpose.Y"] [--resource URI] [--no-open]';
let values;
try {
  ({ values } = parseArgs({
    options: {
      issuer: { type: 'string' },
      'client-id': { type: 'string' },
      scope: { type: 'string' },
      resource: { type: 'string' },
      open: { type: 'boolean', default: true },
      'no-open': { type: 'boolean', default: false },
    },
  }));
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}
if (!values.issuer || !values['client-id']) {
  console.error(usage);
  process.exit(2);
}

/** Opens the URL in the desktop's browser if there is one; quietly nothing otherwise. */
function openInBrowser(url: URL): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  try {
    const child = spawn(command, [url.href], { stdio: 'ignore', detached: true });
    child.on('error', () => {});
    child.unref();
  } catch {
    // No browser to open: the URL is printed.
  }
}

const purposes = (values.scope ?? '')
  .split(/[\s,]+/)
  .filter((s) => s.startsWith('purpose.'))
  .map((s) => s.slice('purpose.'.length));
try {
  const token = await signIn({
    issuer: values.issuer,
    clientId: values['client-id'],
    scope: values.scope,
    resource: values.resource,
    openBrowser: (url) => {
      console.error(`Sign in at:\n\n  ${url.href}\n`);
      if (values.open && !values['no-open']) openInBrowser(url);
    },
  });
  console.log(token.accessToken);
  console.error(`
Signed in${token.scope ? ` (granted: ${token.scope})` : ''}; the token expires ${token.expiresAt ? `at ${token.expiresAt.toLocaleTimeString()} (in ${token.expiresIn} s)` : 'when the provider says'}.
In Apollo Sandbox (the gateway's /graphql in a browser): Connection settings → Shared headers, or the Headers tab:
  Authorization: Bearer <the token above>
  X-Purpose-Of-Use: ${purposes[0] ?? '<one of the purposes granted>'}${purposes.length > 1 ? `   (or ${purposes.slice(1).join(', ')})` : ''}`);
} catch (error) {
  console.error(`sign-in: ${(error as Error).message}`);
  process.exit(1);
}
