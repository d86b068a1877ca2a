import { trace } from '@opentelemetry/api';
import { pino, type Logger } from 'pino';
import { DEFAULT_LOG_LEVEL, LOG_LEVELS } from '../service/environment.js';

export type { Logger };

/**
 * One structured JSON logger per service (pino), level from LOG_LEVEL. Logs say what happened to a
 * request, never what it carried: no variables, no results, no field values. The redaction below
 * is a second line behind that habit, for headers and anything shaped like a secret.
 */
export function createLogger(service: string): Logger {
  return pino({
    // A level pino does not know is refused at start-up (readEnvironment), logged at the default level.
    level: (LOG_LEVELS as readonly string[]).includes(process.env.LOG_LEVEL ?? '') ? process.env.LOG_LEVEL : DEFAULT_LOG_LEVEL,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    // With tracing on, every line written inside a request names its trace (and span).
    mixin() {
      const context = trace.getActiveSpan()?.spanContext();
      return context ? { traceId: context.traceId, spanId: context.spanId } : {};
    },
    redact: { paths: ['authorization', '*.authorization', 'headers.authorization', '*.headers.authorization', 'variables', '*.variables', 'password', '*.password'], censor: '[redacted]' },
  });
}

const QUOTED = /'(?:[^']|'')*'/g;
const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/g;
const LONG_DIGITS = /\b\d{5,}\b/g;

/**
 * An error as it may be logged: its kind, its code, and a message with every quoted literal, e-mail
 * address and long number taken out (database errors quote the values they choked on).
 */
export function loggableError(error: unknown): { type: string; code?: string; message: string } {
  const e = error as { name?: string; code?: unknown; message?: unknown; extensions?: { code?: unknown } };
  const message = String(e?.message ?? error)
    .split('\n')[0]
    .replace(QUOTED, "'…'")
    .replace(EMAIL, '<email>')
    .replace(LONG_DIGITS, '<number>')
    .slice(0, 300);
  const code = e?.extensions?.code ?? e?.code;
  return { type: e?.name ?? typeof error, ...(typeof code === 'string' || typeof code === 'number' ? { code: String(code) } : {}), message };
}
