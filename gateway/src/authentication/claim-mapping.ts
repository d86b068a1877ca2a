import { isUuid } from '@mutual-graph/platform';
import { isPurpose, unauthenticated, type Purpose } from '@mutual-graph/policy';
import type { Principal } from '@mutual-graph/hop';

/**
 * Where a provider's access token carries what the contract calls `roles`, `purposes`, `memberId`
 * and `partnerId`. Identity providers do not put them at the top of a token: Keycloak keeps realm
 * roles under `realm_access.roles`, Entra ID app roles under `roles`, scopes in `scope` or `scp`.
 * A path names a claim, nested with dots (`realm_access.roles`); a claim whose own name holds dots
 * (Auth0's namespaced `https://example.org/roles`) is found by its whole name first.
 */
export interface ClaimMapping {
  /** Claims whose values are roles (an array of strings, or one space-separated string); their union. */
  roles: string[];
  /** Claims whose values, less `purposePrefix`, are purposes of use; their union. Values that are not a purpose are ignored. */
  purposes: string[];
  /** Only values with this prefix are purposes (`purpose.MEMBERSHIP`); '' takes every value as it is. */
  purposePrefix: string;
  memberId: string;
  partnerId: string;
  /**
   * The partner id is read only from a token that holds this role. Where it comes from a claim
   * every token has (`azp`, the client the token was issued to), the role is what makes a client a
   * partner system; without it an internal app's token would be taken for a partner's.
   */
  partnerRole?: string;
}

export const CLAIM_PRESETS = {
  /** The contract's own names, as `npm run token` signs them. */
  contract: { roles: ['roles'], purposes: ['purposes'], purposePrefix: '', memberId: 'memberId', partnerId: 'partnerId' },
  /**
   * Keycloak: realm roles, purposes among them as roles `purpose.<PURPOSE>` (a client scope of the
   * same name, with that role in its scope, lets a client ask for a narrower token); the member id
   * from a user-attribute mapper `member_id`; a partner is a client-credentials client holding role `partner`.
   */
  keycloak: { roles: ['realm_access.roles'], purposes: ['realm_access.roles'], purposePrefix: 'purpose.', memberId: 'member_id', partnerId: 'azp', partnerRole: 'partner' },
  /**
   * Entra ID (v2 access tokens): app roles assigned to users, groups and service principals, in
   * `roles`; not `scp`, which says what a user consented to let an app do, not what the user may do.
   * The member id from a claims-mapping policy's `member_id`; a partner is an app holding app role `partner`.
   */
  entra: { roles: ['roles'], purposes: ['roles'], purposePrefix: 'purpose.', memberId: 'member_id', partnerId: 'azp', partnerRole: 'partner' },
} as const satisfies Record<string, ClaimMapping>;

export type ClaimPreset = keyof typeof CLAIM_PRESETS;
export const CLAIM_PRESET_NAMES = Object.keys(CLAIM_PRESETS) as ClaimPreset[];

/**
 * The claim at `path`: at each level, the longest name that the remaining path is or starts
 * (followed by a dot), so `https://example.org/roles` and `realm_access.roles` both resolve.
 */
export function readClaim(payload: Record<string, unknown>, path: string): unknown {
  let value: unknown = payload;
  let rest = path;
  while (rest !== '') {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    const here = value as Record<string, unknown>;
    const name = Object.keys(here)
      .filter((key) => key !== '' && (rest === key || rest.startsWith(`${key}.`)))
      .reduce<string | undefined>((longest, key) => (longest === undefined || key.length > longest.length ? key : longest), undefined);
    if (name === undefined || !Object.hasOwn(here, name)) return undefined;
    value = here[name];
    rest = rest.slice(name.length + 1);
  }
  return value;
}

/** A claim's values: an array's strings, or a space-separated string's words (`scope`, `scp`). */
export function claimValues(value: unknown): string[] {
  if (typeof value === 'string') return value.split(/\s+/).filter(Boolean);
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

const union = (payload: Record<string, unknown>, paths: readonly string[]) => [...new Set(paths.flatMap((path) => claimValues(readClaim(payload, path))))];

/**
 * The principal a verified token names, by `mapping`. Who a token names is recorded (audit,
 * disclosures, privacy requests) and compared: a subject or partner that could not be stored as it
 * is, or a member id that is no member id, names no one and is UNAUTHENTICATED. The principal is
 * frozen: one serves every request that carries the same token.
 */
export function principalFrom(payload: Record<string, unknown>, mapping: ClaimMapping): Principal {
  if (typeof payload.sub !== 'string' || payload.sub === '') throw unauthenticated('the token names no subject');
  if (!isIdentifier(payload.sub)) throw unauthenticated("the token's subject is not an identifier");
  const prefix = mapping.purposePrefix;
  const values = union(payload, mapping.roles);
  // With a prefix, purposes are values of their own (`purpose.X`), not roles, wherever they sit.
  const roles = prefix === '' ? values : values.filter((role) => !role.startsWith(prefix));
  const purposes = union(payload, mapping.purposes)
    .filter((value) => value.startsWith(prefix))
    .map((value) => value.slice(prefix.length))
    .filter(isPurpose);
  const memberId = readClaim(payload, mapping.memberId);
  if (memberId !== undefined && !(typeof memberId === 'string' && isUuid(memberId))) throw unauthenticated("the token's member is not a member id");
  const partnerId = mapping.partnerRole === undefined || roles.includes(mapping.partnerRole) ? readClaim(payload, mapping.partnerId) : undefined;
  if (partnerId !== undefined && !isIdentifier(partnerId)) throw unauthenticated("the token's partner is not an identifier");
  return Object.freeze({
    sub: payload.sub,
    roles: Object.freeze(roles) as string[],
    purposes: Object.freeze(purposes) as Purpose[],
    ...(typeof memberId === 'string' ? { memberId: memberId.toLowerCase() } : {}),
    ...(typeof partnerId === 'string' ? { partnerId } : {}),
  });
}

/** Identifiers as a token may carry them: at most 200 characters (the audit's columns), none a control character. */
const IDENTIFIER = /^[^\p{Cc}\p{Cs}]{1,200}$/u;
const isIdentifier = (value: unknown): value is string => typeof value === 'string' && IDENTIFIER.test(value);
