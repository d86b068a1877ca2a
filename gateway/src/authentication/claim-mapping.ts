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
  /**
   * A claim the client chose by asking (`scope`, `scp`) that narrows the purposes when the token has
   * it: a purpose counts only if it is also there (with the same prefix). It never adds one.
   */
  purposesNarrowedBy?: string;
  memberId: string;
  partnerId: string;
  /**
   * The partner id is read only from a token that holds this role. Where it comes from a claim
   * every token has (`azp`, the client the token was issued to), the role is what makes a client a
   * partner system; without it an internal app's token would be taken for a partner's.
   */
  partnerRole?: string;
  /**
   * The partner id is read only from a token without this claim: one only a person's token has
   * (Entra ID's `scp`, the scopes a user delegated), so that a person given the partner role who
   * signs in through an app is not taken for a partner system named after that app.
   */
  partnerNotWith?: string;
}

export const CLAIM_PRESETS = {
  /** The contract's own names, as `npm run token` signs them. */
  contract: { roles: ['roles'], purposes: ['purposes'], purposePrefix: '', memberId: 'memberId', partnerId: 'partnerId' },
  /**
   * Keycloak: realm roles, purposes among them as roles `purpose.<PURPOSE>` (a client scope of the
   * same name, with that role in its scope, lets a client ask for a narrower token); the member id
   * from a user-attribute mapper `member_id`; a partner is a client holding role `partner` whose
   * hardcoded-claim mapper sets `partner_id` (on that client's tokens alone, so never on a person's
   * sign-in through another client).
   */
  keycloak: { roles: ['realm_access.roles'], purposes: ['realm_access.roles'], purposePrefix: 'purpose.', memberId: 'member_id', partnerId: 'partner_id', partnerRole: 'partner' },
  /**
   * Entra ID (v2 access tokens): app roles assigned to users, groups and service principals, in
   * `roles`; not `scp`, which says what a user consented to let an app do, not what the user may do.
   * The member id from a claims-mapping policy's `member_id`; a partner is an app holding app role
   * `partner`, by its client id, in an app-only token (one without `scp`).
   */
  entra: { roles: ['roles'], purposes: ['roles'], purposePrefix: 'purpose.', memberId: 'member_id', partnerId: 'azp', partnerRole: 'partner', partnerNotWith: 'scp' },
} as const satisfies Record<string, ClaimMapping>;

export type ClaimPreset = keyof typeof CLAIM_PRESETS;
export const CLAIM_PRESET_NAMES = Object.keys(CLAIM_PRESETS) as ClaimPreset[];

/** Claims a client chooses by asking (RFC 6749 scopes): never where roles or purposes are read, as a client could ask for any. */
export const REQUESTED_CLAIMS = ['scope', 'scp'];

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

/** A claim's values: an array's strings, or a space-separated string's words (RFC 6749's scope syntax: U+0020 alone separates). */
export function claimValues(value: unknown): string[] {
  if (typeof value === 'string') return value.split(' ').filter(Boolean);
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
  const asked = mapping.purposesNarrowedBy === undefined ? undefined : readClaim(payload, mapping.purposesNarrowedBy);
  const narrowing = asked === undefined ? undefined : new Set(claimValues(asked));
  const purposes = union(payload, mapping.purposes)
    .filter((value) => value.startsWith(prefix))
    .map((value) => value.slice(prefix.length))
    .filter(isPurpose)
    .filter((purpose) => narrowing === undefined || narrowing.has(`${prefix}${purpose}`));
  const memberId = readClaim(payload, mapping.memberId);
  if (memberId !== undefined && !(typeof memberId === 'string' && isUuid(memberId))) throw unauthenticated("the token's member is not a member id");
  const isPartner = (mapping.partnerRole === undefined || roles.includes(mapping.partnerRole)) && (mapping.partnerNotWith === undefined || readClaim(payload, mapping.partnerNotWith) === undefined);
  const partnerId = isPartner ? readClaim(payload, mapping.partnerId) : undefined;
  if (partnerId !== undefined && !isIdentifier(partnerId)) throw unauthenticated("the token's partner is not an identifier");
  return Object.freeze({
    sub: payload.sub,
    roles: Object.freeze(roles) as string[],
    purposes: Object.freeze(purposes) as Purpose[],
    ...(typeof memberId === 'string' ? { memberId: memberId.toLowerCase() } : {}),
    ...(typeof partnerId === 'string' ? { partnerId } : {}),
  });
}

/**
 * Identifiers as a token may carry them: at most 200 characters (the audit's columns), none a
 * control, format (zero-width, direction marks) or line/paragraph separator character, so that no
 * recorded name can look like another's.
 */
const IDENTIFIER = /^[^\p{Cc}\p{Cs}\p{Cf}\p{Zl}\p{Zp}]{1,200}$/u;
const isIdentifier = (value: unknown): value is string => typeof value === 'string' && IDENTIFIER.test(value);
