/**
 * OpenTelemetry tracing, loaded before a service's own modules (`node --import` this file): HTTP in
 * and out (http, undici/fetch), GraphQL and PostgreSQL spans, exported over OTLP as the standard
 * OTEL_* variables say. Off unless OTEL_EXPORTER_OTLP_ENDPOINT (or _TRACES_ENDPOINT) is set, or
 * when OTEL_SDK_DISABLED=true. No field values leave in a span: GraphQL argument values are not
 * recorded, SQL keeps its shape with every literal replaced by ?, and the operation's text is dropped
 * before export.
 */
import { register } from 'node:module';

const endpoint = process.env.OTEL_EXPORTER_OTLP_ENDPOINT ?? process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;

if (endpoint && process.env.OTEL_SDK_DISABLED !== 'true') {
  // ES modules are patched through import-in-the-middle's loader hook; CommonJS ones (pg) through require.
  register('@opentelemetry/instrumentation/hook.mjs', import.meta.url);
  const { NodeSDK } = await import('@opentelemetry/sdk-node');
  const { OTLPTraceExporter } = await import('@opentelemetry/exporter-trace-otlp-http');
  const { HttpInstrumentation } = await import('@opentelemetry/instrumentation-http');
  const { UndiciInstrumentation } = await import('@opentelemetry/instrumentation-undici');
  const { GraphQLInstrumentation } = await import('@opentelemetry/instrumentation-graphql');
  const { PgInstrumentation } = await import('@opentelemetry/instrumentation-pg');
  type Exporter = InstanceType<typeof OTLPTraceExporter>;
  type Spans = Parameters<Exporter['export']>[0];

  /** The OTLP exporter, with the attributes that could carry what a request asked for taken out. */
  class WithoutOperationText {
    constructor(private readonly inner: Exporter) {}
    export(spans: Spans, done: Parameters<Exporter['export']>[1]): void {
      for (const span of spans) {
        const attributes = span.attributes as Record<string, unknown>;
        delete attributes['graphql.source'];
        // MikroORM writes values into its SQL text: keep the statement's shape, not its values.
        if (typeof attributes['db.statement'] === 'string') attributes['db.statement'] = attributes['db.statement'].replace(/'(?:[^']|'')*'/g, '?').replace(/\b\d+(\.\d+)?\b/g, '?');
      }
      this.inner.export(spans, done);
    }
    shutdown(): Promise<void> {
      return this.inner.shutdown();
    }
    forceFlush(): Promise<void> {
      return this.inner.forceFlush();
    }
  }

  const sdk = new NodeSDK({
    traceExporter: new WithoutOperationText(new OTLPTraceExporter()),
    instrumentations: [
      new HttpInstrumentation({ ignoreIncomingRequestHook: (req) => /^\/(health|ready|metrics)/.test(req.url ?? '') }),
      new UndiciInstrumentation(),
      new GraphQLInstrumentation({ allowValues: false, mergeItems: true, ignoreTrivialResolveSpans: true }),
      new PgInstrumentation({ enhancedDatabaseReporting: false }),
    ],
  });
  sdk.start();
  // Spans still buffered go out before the process ends (services exit after draining on SIGTERM).
  (globalThis as { __mutualGraphTelemetryShutdown?: () => Promise<void> }).__mutualGraphTelemetryShutdown = () => sdk.shutdown();
}

export {};
