import { trace } from '@opentelemetry/api';

/**
 * Marks the request's active span with who asked why and what the policy decided, when tracing is
 * on (a no-op otherwise). Codes only: never a field value.
 */
export function annotateSpan(attributes: Record<string, string | string[] | undefined>): void {
  const span = trace.getActiveSpan();
  if (!span) return;
  for (const [key, value] of Object.entries(attributes)) if (value !== undefined) span.setAttribute(`mutual_graph.${key}`, value);
}

/** Flushes buffered spans before the process exits (set by telemetry.js when tracing is on). */
export async function flushTelemetry(): Promise<void> {
  await (globalThis as { __mutualGraphTelemetryShutdown?: () => Promise<void> }).__mutualGraphTelemetryShutdown?.().catch(() => {});
}
