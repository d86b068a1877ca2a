import type { Adapter, AdapterPayload } from 'oidc-provider';

/** At most this many records are kept (a development provider; the oldest go first). */
const MAX_RECORDS = 10_000;

interface StoredRecord {
  payload: AdapterPayload;
  /** Epoch milliseconds; Infinity when the record does not expire. */
  expiresAt: number;
}

/**
 * oidc-provider's storage for this process: sessions, interactions, grants, codes, tokens.
 * oidc-provider's own in-memory adapter keeps a store per Provider instance (9.x), so a key reload,
 * which builds a new instance, would lose every session and pending code; these records belong to
 * the process instead and outlive the swap. They do not outlive a restart.
 */
const records = new Map<string, StoredRecord>();
/** The records of each grant, for revoking a grant whole. */
const grants = new Map<string, Set<string>>();
/** Secondary keys (session uid, device user code) to a record's key. */
const aliases = new Map<string, string>();

function live(key: string): StoredRecord | undefined {
  const record = records.get(key);
  if (record && record.expiresAt <= Date.now()) {
    records.delete(key);
    return undefined;
  }
  return record;
}

function forget(key: string): void {
  const record = records.get(key);
  records.delete(key);
  if (record?.payload.grantId) grants.get(record.payload.grantId)?.delete(key);
}

export class ProcessMemoryAdapter implements Adapter {
  constructor(private readonly model: string) {}

  private key(id: string): string {
    return `${this.model}:${id}`;
  }

  upsert(id: string, payload: AdapterPayload, expiresIn?: number): Promise<void> {
    const key = this.key(id);
    if (records.size >= MAX_RECORDS && !records.has(key)) forget(records.keys().next().value!);
    records.set(key, { payload, expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : Infinity });
    if (payload.grantId) grants.set(payload.grantId, (grants.get(payload.grantId) ?? new Set()).add(key));
    if (payload.uid) aliases.set(`${this.model}:uid:${payload.uid}`, key);
    if (payload.userCode) aliases.set(`${this.model}:userCode:${payload.userCode}`, key);
    return Promise.resolve();
  }

  find(id: string): Promise<AdapterPayload | undefined> {
    return Promise.resolve(live(this.key(id))?.payload);
  }

  findByUid(uid: string): Promise<AdapterPayload | undefined> {
    const key = aliases.get(`${this.model}:uid:${uid}`);
    return Promise.resolve(key ? live(key)?.payload : undefined);
  }

  findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
    const key = aliases.get(`${this.model}:userCode:${userCode}`);
    return Promise.resolve(key ? live(key)?.payload : undefined);
  }

  consume(id: string): Promise<void> {
    const record = live(this.key(id));
    if (record) record.payload.consumed = Math.floor(Date.now() / 1000);
    return Promise.resolve();
  }

  destroy(id: string): Promise<void> {
    forget(this.key(id));
    return Promise.resolve();
  }

  revokeByGrantId(grantId: string): Promise<void> {
    for (const key of grants.get(grantId) ?? []) records.delete(key);
    grants.delete(grantId);
    return Promise.resolve();
  }
}
