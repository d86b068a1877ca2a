import { createHash } from 'node:crypto';
import { PURPOSE_ROLE_PREFIX, type ClaimShape } from './configuration.js';

const isPurposeRole = (role: string) => role.startsWith(PURPOSE_ROLE_PREFIX);

/** The role that makes a client a partner system. */
export const PARTNER_ROLE = 'partner';

/** The purpose roles a principal holds: each is also a scope of the same name. */
export const purposeScopesOf = (roles: readonly string[]): string[] => roles.filter(isPurposeRole);

/**
 * The roles a token carries, as Keycloak's client scopes with role scope mappings give them: the
 * principal's roles without any `purpose.*` role, plus each `purpose.X` role whose scope `purpose.X`
 * was granted. A purpose scope the principal does not hold grants nothing.
 */
export function rolesForToken(principalRoles: readonly string[], grantedScopes: Iterable<string>): string[] {
  const granted = new Set(grantedScopes);
  return principalRoles.filter((role) => !isPurposeRole(role) || granted.has(role));
}

/** A stable UUID for a principal (Entra's `oid`): the same name, the same id, on every start. */
export function objectIdFor(kind: 'account' | 'client', name: string): string {
  const hex = createHash('sha256').update(`mutual-graph-identity-provider:${kind}:${name}`).digest('hex');
  // Shaped as an RFC 9562 version 8 (custom) UUID.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Who an access token is for, as the claims need it. */
export type TokenPrincipal =
  | { kind: 'client'; clientId: string; roles: readonly string[] }
  | { kind: 'account'; clientId: string; username: string; roles: readonly string[]; memberId?: string; delegatedScopes: readonly string[] };

/** The claims an access token carries besides iss, sub, aud, exp, iat, jti, client_id and scope, in the chosen layout. */
export function accessTokenClaims(shape: ClaimShape, principal: TokenPrincipal, grantedScopes: Iterable<string>): Record<string, unknown> {
  const roles = rolesForToken(principal.roles, grantedScopes);
  const memberId = principal.kind === 'account' && principal.memberId ? { member_id: principal.memberId } : {};
  if (shape === 'keycloak') {
    return {
      azp: principal.clientId,
      realm_access: { roles },
      preferred_username: principal.kind === 'account' ? principal.username : `service-account-${principal.clientId}`,
      // A hardcoded-claim mapper on each partner's client: its own tokens name it, a person's sign-in never does.
      ...(principal.kind === 'client' && principal.roles.includes(PARTNER_ROLE) ? { partner_id: principal.clientId } : {}),
      ...memberId,
    };
  }
  return principal.kind === 'client'
    ? { azp: principal.clientId, roles, idtyp: 'app', oid: objectIdFor('client', principal.clientId) }
    : {
        azp: principal.clientId,
        roles,
        // Entra ID's delegated tokens always carry scp (at least the API's default scope): it tells them from app-only ones.
        scp: principal.delegatedScopes.length > 0 ? principal.delegatedScopes.join(' ') : 'user_impersonation',
        oid: objectIdFor('account', principal.username),
        ...memberId,
      };
}
