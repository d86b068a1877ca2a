/*
 * How far a streaming replica is behind its primary, and whether reads may go there. The primary's
 * WAL position is sampled about every second, kept as a short history of (time, lsn); the replica's
 * replayed position is read as often. Everything up to a sample's lsn was written by that sample's
 * time, so a replica that has replayed it is at most `now - that time` behind: the newest such
 * sample gives the bound. Unlike pg_last_xact_replay_timestamp() this holds on an idle primary too
 * (nothing written, nothing to replay: the newest sample qualifies and the lag stays near zero).
 */

/** A PostgreSQL `pg_lsn` in its text form (`16/B374D848`) as a number of bytes into the WAL. */
export function parseLsn(text: string): bigint {
  const match = /^([0-9A-F]{1,8})\/([0-9A-F]{1,8})$/i.exec(text);
  if (!match) throw new Error(`not a WAL position: ${JSON.stringify(text)}`);
  return (BigInt(`0x${match[1]}`) << 32n) + BigInt(`0x${match[2]}`);
}

/** The primary's WAL position at a moment (milliseconds since the epoch). */
export interface LsnSample {
  at: number;
  lsn: bigint;
}

/**
 * At most how many milliseconds the replica is behind at `now`, having replayed up to `replayed`,
 * given the primary's samples (oldest first); undefined when no sample is at or before what it
 * replayed (no sample yet, or it is further behind than the history reaches): unknown.
 */
export function replicaLag(samples: readonly LsnSample[], replayed: bigint, now: number): number | undefined {
  for (let i = samples.length - 1; i >= 0; i--) if (samples[i].lsn <= replayed) return Math.max(0, now - samples[i].at);
  return undefined;
}

/** Whether the replica may serve reads: a known lag within the bound. */
export function withinBound(lag: number | undefined, maxLagMs: number): boolean {
  return lag !== undefined && lag <= maxLagMs;
}

export interface ReplicaLagGuardOptions {
  /** The primary's `pg_current_wal_lsn()` as text. */
  primaryLsn: () => Promise<string>;
  /** The replica's `pg_last_wal_replay_lsn()` as text (null when it is not replaying: not a standby). */
  replayedLsn: () => Promise<string | null>;
  maxLagMs: number;
  intervalMs?: number;
  /** Called once each time reads leave the replica or come back to it, with the lag then and why. */
  onChange?: (usable: boolean, lagMs: number | undefined, reason?: string) => void;
  now?: () => number;
}

/**
 * Samples both servers every `intervalMs` (one statement each) and answers, without a round trip,
 * whether a request may read the replica now. Until the first round succeeds, and whenever one
 * fails, the lag is unknown and reads stay on the primary.
 */
export class ReplicaLagGuard {
  private readonly samples: LsnSample[] = [];
  /** The lag last measured, and when: it grows by the time since, until the next round measures it. */
  private lag: number | undefined;
  private measuredAt = 0;
  private usable = false;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private readonly now: () => number;
  private readonly intervalMs: number;
  /** Samples kept: as far back as the bound reaches and a little further, so a lag past it still reads as such. */
  private readonly keepMs: number;

  constructor(private readonly options: ReplicaLagGuardOptions) {
    this.now = options.now ?? Date.now;
    this.intervalMs = options.intervalMs ?? 1000;
    this.keepMs = options.maxLagMs + 10 * this.intervalMs;
  }

  /** At most how far behind the replica is now, in milliseconds (undefined: unknown). A round that hangs lets it grow. */
  get lagMs(): number | undefined {
    return this.lag === undefined ? undefined : this.lag + Math.max(0, this.now() - this.measuredAt);
  }

  /** Whether reads may go to the replica now. */
  get replicaUsable(): boolean {
    return withinBound(this.lagMs, this.options.maxLagMs);
  }

  /** Starts sampling (the first round at once); the timer does not keep the process alive. */
  start(): void {
    if (this.timer) return;
    // A round still waiting (a server that does not answer) is not doubled.
    const round = () => {
      if (this.running) return this.settle('a sampling round has not answered');
      this.running = this.sample().finally(() => (this.running = undefined));
    };
    round();
    this.timer = setInterval(round, this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => {});
  }

  /** One round: the primary first, so the replica's position is compared with a sample no newer than itself. */
  async sample(): Promise<void> {
    let reason: string | undefined;
    try {
      const at = this.now();
      this.samples.push({ at, lsn: parseLsn(await this.options.primaryLsn()) });
      while (this.samples.length > 1 && this.samples[0].at < at - this.keepMs) this.samples.shift();
      const replayed = await this.options.replayedLsn();
      if (replayed === null) reason = 'the replica is not replaying WAL (not a standby)';
      this.measuredAt = this.now();
      this.lag = replayed === null ? undefined : replicaLag(this.samples, parseLsn(replayed), this.measuredAt);
      if (replayed !== null && this.lag === undefined) reason = 'the replica is behind every sample kept';
    } catch (error) {
      this.lag = undefined;
      reason = error instanceof Error ? error.message : String(error);
    }
    this.settle(reason);
  }

  /** Reports a change of whether reads may use the replica, once. */
  private settle(reason: string | undefined): void {
    const usable = this.replicaUsable;
    if (usable === this.usable) return;
    this.usable = usable;
    this.options.onChange?.(usable, this.lagMs, usable ? undefined : (reason ?? `lag over ${this.options.maxLagMs} ms`));
  }
}
