import type { Express } from 'express';

/** Named checks, each answering true when that dependency is usable, or throwing why not. */
export type ReadinessChecks = Record<string, () => boolean | Promise<boolean>>;

/** What a service tells an operator on `/ready` beside its checks, without being unready for it (the effects worker's dead letters). */
export type ReadinessDetails = () => Promise<Record<string, unknown>>;

/**
 * `GET /health`: the process is up. `GET /ready`: every dependency answers; 503 with the
 * failing check names otherwise, so an orchestrator and an operator both see what is down.
 */
export function mountHealth(app: Express, service: string, checks: ReadinessChecks, details?: ReadinessDetails): void {
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', service });
  });
  app.get('/ready', async (_req, res) => {
    const results: Record<string, string> = {};
    await Promise.all(
      Object.entries(checks).map(async ([name, check]) => {
        try {
          results[name] = (await check()) ? 'ok' : 'down';
        } catch {
          results[name] = 'down';
        }
      }),
    );
    const ready = Object.values(results).every((r) => r === 'ok');
    const shown = details ? await details().catch(() => ({})) : {};
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable', service, checks: results, ...shown });
  });
}
