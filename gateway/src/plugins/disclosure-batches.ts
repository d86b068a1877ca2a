import { callSubgraph } from '../subgraph-call.js';

const RECORD = 'mutation RecordDisclosures($disclosures: [DisclosureInput!]!) { recordDisclosures(disclosures: $disclosures) }';

export interface DisclosureInput {
  memberId: string;
  categories: string[];
  description: string;
}

interface Waiting {
  disclosures: DisclosureInput[];
  token: () => Promise<string>;
  requestId: string;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** Disclosures per call at most. */
const MAX_BATCH = 200;

/**
 * The disclosures of many partner confirmations recorded together. The privacy subgraph takes the
 * recipient and purpose from the signed token, so confirmations are grouped by partner and purpose:
 * one call in flight per group, and those that arrive meanwhile go in the next one (a group
 * commit, as the audit log does). Each confirmation is answered only once its own disclosures are
 * recorded; if a call fails, every confirmation in it is refused.
 */
export class DisclosureBatches {
  private readonly groups = new Map<string, { waiting: Waiting[]; writing: boolean }>();

  constructor(private readonly privacyUrl: () => string | undefined) {}

  record(group: string, disclosures: DisclosureInput[], token: () => Promise<string>, requestId: string): Promise<void> {
    let entry = this.groups.get(group);
    if (!entry) this.groups.set(group, (entry = { waiting: [], writing: false }));
    const target = entry;
    return new Promise((resolve, reject) => {
      target.waiting.push({ disclosures, token, requestId, resolve, reject });
      if (!target.writing) void this.write(group, target);
    });
  }

  private async write(group: string, entry: { waiting: Waiting[]; writing: boolean }): Promise<void> {
    entry.writing = true;
    try {
      while (entry.waiting.length > 0) {
        const batch: Waiting[] = [];
        let size = 0;
        while (entry.waiting.length > 0 && (batch.length === 0 || size + entry.waiting[0]!.disclosures.length <= MAX_BATCH)) {
          const next = entry.waiting.shift()!;
          size += next.disclosures.length;
          batch.push(next);
        }
        const disclosures = batch.flatMap((w) => w.disclosures);
        try {
          // Signed as the first confirmation's effect: same partner and purpose as every other one in the batch.
          const data = await callSubgraph(this.privacyUrl(), await batch[0]!.token(), batch[0]!.requestId, RECORD, { disclosures });
          if (data.recordDisclosures !== disclosures.length) throw new Error(`recorded ${String(data.recordDisclosures)} of ${disclosures.length}`);
          for (const w of batch) w.resolve();
        } catch (error) {
          for (const w of batch) w.reject(error);
        }
      }
    } finally {
      entry.writing = false;
      if (entry.waiting.length === 0) this.groups.delete(group);
    }
  }
}
