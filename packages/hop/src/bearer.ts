/** The token of an `Authorization: Bearer <token>` header (RFC 6750), or undefined for anything else. */
export function bearerToken(authorization: string | null | undefined): string | undefined {
  return /^Bearer (\S+)$/i.exec(authorization ?? '')?.[1];
}
