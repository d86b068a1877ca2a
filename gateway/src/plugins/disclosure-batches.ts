import type { GatewayContext } from '../context.js';
import { EFFECT_HANDLERS, type DisclosureInput } from '../effects/effects.js';
import { GroupCommit } from '../group-commit.js';
import type { SubgraphUrl } from '../subgraph-call.js';

/** One confirmation's disclosures, and how to sign the call that records them. */
interface Confirmation {
  disclosures: DisclosureInput[];
  context: Pick<GatewayContext, 'effectToken' | 'requestId'>;
}

/** Disclosures per call at most. */
const MAX_BATCH = 200;

/**
 * The disclosures of many partner confirmations recorded together. The privacy subgraph takes the
 * recipient and purpose from the signed token, so confirmations are grouped by partner and purpose,
 * each group a group commit (as the audit log's): one call in flight, and those that arrive
 * meanwhile go in the next one. Each confirmation is answered only once its own disclosures are
 * recorded; if a call fails, every confirmation in it is refused.
 */
export class DisclosureBatches {
  private readonly groups = new Map<string, GroupCommit<Confirmation>>();

  constructor(private readonly subgraphUrl: SubgraphUrl) {}

  record(group: string, disclosures: DisclosureInput[], context: Confirmation['context']): Promise<void> {
    let commit = this.groups.get(group);
    if (!commit)
      this.groups.set(
        group,
        (commit = new GroupCommit(
          (batch) => this.write(batch),
          MAX_BATCH,
          (c) => c.disclosures.length,
        )),
      );
    const settled = commit;
    return settled.add({ disclosures, context }).finally(() => {
      if (settled.idle && this.groups.get(group) === settled) this.groups.delete(group);
    });
  }

  private async write(batch: Confirmation[]): Promise<void> {
    const disclosures = batch.flatMap((c) => c.disclosures);
    // Signed as the first confirmation's effect: same partner and purpose as every other one in the batch.
    await EFFECT_HANDLERS.disclosure.carryOut(this.subgraphUrl, batch[0].context, { disclosures });
  }
}
