import 'reflect-metadata';
import { DATA_DIR } from './paths.js';
import { seedOptionsFromEnv } from './seed-options.js';
import { stackEnvironment } from './environment.js';
import { startStack, type LocalIdentityProvider } from './stack.js';

/** `npm start`: the whole stack on this machine, until Ctrl-C. */
const environment = (() => {
  try {
    return stackEnvironment();
  } catch (error) {
    console.error(`stack     | ${(error as Error).message}`);
    process.exit(2);
  }
})();
const gatewayPort = environment.GATEWAY_PORT;
const seed = seedOptionsFromEnv();
const stack = await startStack({
  dataDir: DATA_DIR,
  gatewayPort,
  databaseUrl: environment.DATABASE_URL,
  postgresPort: environment.EMBEDDED_PG_PORT,
  pgbouncer: environment.PGBOUNCER_PORT ? { port: environment.PGBOUNCER_PORT, poolSize: environment.PGBOUNCER_POOL_SIZE } : undefined,
  identityProvider: environment.IDENTITY_PROVIDER === 'local' ? { mode: 'local', port: environment.IDP_PORT } : { mode: 'dev-key' },
  seed,
  log: (line) => console.log(`stack     | ${line}`),
}).catch((error) => {
  console.error(`stack     | could not start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});

const indent = '\n                   ';
const partnerGraphUrl = stack.gatewayUrl.replace(/\/graphql$/, '/partner/graphql');
const confirmMembershipBody = `"$(node -e 'const t=require("fs").readFileSync("gateway/partner-operations/ConfirmMembership.graphql","utf8").trim();console.log(JSON.stringify({query:t,variables:{minc:"CAMD-1234-5674"}}))')"`;

/** What to try with the development key: `npm run token`. */
const devKeyExamples = `  Every request carries a token and one purpose of use. Try:
        TOKEN=$(npm run -s token -- --sub analyst --roles staff --purposes MEMBERSHIP,RISK_MANAGEMENT)
        curl -s ${stack.gatewayUrl} -H "authorization: Bearer $TOKEN" -H 'x-purpose-of-use: MEMBERSHIP' \\
          -H 'content-type: application/json' \\
          -d '{"query":"{ members(first: 3) { edges { node { id firstName lastName membership { status } } } } }"}'`;

/** What to try with the local identity provider: its clients and accounts (development secrets), a partner's two requests, an analyst's sign-in. */
function identityProviderExamples(idp: LocalIdentityProvider): string {
  const clients = idp.config.clients.map((c) =>
    [c.clientId.padEnd(14), 'clientSecret' in c ? `secret ${c.clientSecret}` : 'public: authorization code + PKCE, loopback redirect', c.roles.length > 0 ? `roles ${c.roles.join(' ')}` : '']
      .filter(Boolean)
      .join('  '),
  );
  const accounts = idp.config.accounts.map((a) => [a.username.padEnd(14), `password ${a.password}`, `roles ${a.roles.join(' ')}`, a.memberId ? `member ${a.memberId}` : ''].filter(Boolean).join('  '));
  const partner = idp.config.clients.find((c) => 'clientSecret' in c && c.roles.includes('purpose.PARTNER_CONFIRMATION'));
  const analyst = idp.config.clients.find((c) => c.public === true);
  return `  Identity provider ${idp.issuer} (discovery: /.well-known/openid-configuration, keys: /jwks)
                   development only: its keys, clients and accounts are in ${idp.dir}/
  Clients          ${clients.join(indent)}
  Accounts         ${accounts.join(indent)}
${
  partner && 'clientSecret' in partner
    ? `
  A partner takes a token (client credentials), then confirms a membership:
        PARTNER=$(curl -s ${idp.tokenUrl} -u '${partner.clientId}:${partner.clientSecret}' -d grant_type=client_credentials \\
          -d scope=purpose.PARTNER_CONFIRMATION | node -pe 'JSON.parse(require("fs").readFileSync(0)).access_token')
        curl -s ${partnerGraphUrl} -H "authorization: Bearer $PARTNER" -H 'content-type: application/json' \\
          -d ${confirmMembershipBody}
`
    : ''
}${
    analyst
      ? `
  An analyst signs in with the browser, then pastes the token into Apollo Sandbox:
        npm run -s sign-in -- --issuer ${idp.issuer} --client-id ${analyst.clientId} --scope "purpose.EDI_REPORTING purpose.RISK_MANAGEMENT"
`
      : ''
  }`;
}

console.log(`
  mutual-graph is running.

  Internal graph   ${stack.gatewayUrl}
                   open it in a browser for Apollo Sandbox
  Subgraphs        ${Object.entries(stack.subgraphUrls)
    .map(([n, u]) => `${n} ${u}`)
    .join('\n                   ')}
                   (loopback only: they answer the gateway)
  Effects worker   ${stack.effectsUrl}/ready (dead letters), /metrics
${stack.pgbouncer ? `  PgBouncer        127.0.0.1:${stack.pgbouncer.port}, transaction mode, ${stack.pgbouncer.poolSize} server connections per role (the effects worker connects directly)\n` : ''}  Health           http://localhost:${gatewayPort}/health, /ready on every service

${stack.identityProvider ? identityProviderExamples(stack.identityProvider) : devKeyExamples}
  What each purpose may read: schema/POLICY.md

  Ctrl-C stops everything, PostgreSQL included.
`);

let stopping = false;
const shutdown = async (code: number) => {
  if (stopping) return;
  stopping = true;
  console.log('stack     | stopping…');
  await stack.stop();
  console.log('stack     | stopped');
  process.exit(code);
};
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
// A service that dies on its own takes the stack down with it, rather than leaving half a graph.
for (const service of stack.services) {
  void service.exited.then((code) => {
    if (!stopping) {
      console.error(`stack     | ${service.name} exited (code ${code}); stopping the stack`);
      void shutdown(1);
    }
  });
}
