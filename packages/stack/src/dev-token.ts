import type { Purpose } from '@mutual-graph/policy';
import { importJWK, SignJWT, type JWK } from 'jose';

export interface DevCaller {
  sub: string;
  roles?: string[];
  purposes: Purpose[];
  memberId?: string;
  partnerId?: string;
  /** jose time span ('1h') or an absolute expiry in epoch seconds. */
  expiresIn?: string | number;
}

/** A caller's token as the development issuer signs it (`npm run token`, tests, the soak run). */
export async function signDevToken(issuerKey: JWK, caller: DevCaller): Promise<string> {
  const jwt = new SignJWT({
    roles: caller.roles ?? ['staff'],
    purposes: caller.purposes,
    ...(caller.memberId ? { memberId: caller.memberId } : {}),
    ...(caller.partnerId ? { partnerId: caller.partnerId } : {}),
  })
    .setProtectedHeader({ alg: 'EdDSA', ...(issuerKey.kid ? { kid: issuerKey.kid } : {}) })
    .setSubject(caller.sub)
    .setIssuer('mutual-graph-dev')
    .setAudience('mutual-graph')
    .setIssuedAt()
    .setExpirationTime(caller.expiresIn ?? '1h');
  return jwt.sign(await importJWK(issuerKey, 'EdDSA'));
}
