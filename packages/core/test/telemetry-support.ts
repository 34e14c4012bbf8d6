import { context, metrics, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { MeterProvider, MetricReader, type DataPoint, type MetricData } from '@opentelemetry/sdk-metrics';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import type { LogFields, Logger } from '@wamux/core/adapter';

/** A reader that exports nothing on its own: the test collects when it wants. */
class CollectingReader extends MetricReader {
  protected override async onShutdown(): Promise<void> {}
  protected override async onForceFlush(): Promise<void> {}
}

/** One metric data point, flattened for assertions. */
export interface Point {
  name: string;
  attributes: Record<string, unknown>;
  /** The sum of a counter, the count of a histogram. */
  value: number;
}

/** An OpenTelemetry SDK registered globally for one test file, with in-memory exporters. */
export interface TestSdk {
  spans(): ReadableSpan[];
  points(): Promise<Point[]>;
  /** Forgets spans (metrics are cumulative: compare before/after with {@link sum}). */
  reset(): void;
  shutdown(): Promise<void>;
}

/** Registers a tracer provider, a meter provider and an AsyncLocalStorage context manager as the globals. */
export function registerTestSdk(): TestSdk {
  const exporter = new InMemorySpanExporter();
  const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const reader = new CollectingReader();
  const meterProvider = new MeterProvider({ readers: [reader] });
  const contextManager = new AsyncLocalStorageContextManager().enable();
  context.setGlobalContextManager(contextManager);
  trace.setGlobalTracerProvider(tracerProvider);
  metrics.setGlobalMeterProvider(meterProvider);
  return {
    spans: () => exporter.getFinishedSpans(),
    async points() {
      const { resourceMetrics } = await reader.collect();
      const out: Point[] = [];
      for (const scope of resourceMetrics.scopeMetrics) {
        for (const metric of scope.metrics as MetricData[]) {
          for (const point of metric.dataPoints as Array<DataPoint<unknown>>) {
            const value = typeof point.value === 'number' ? point.value : (point.value as { count: number }).count;
            out.push({ name: metric.descriptor.name, attributes: { ...point.attributes }, value });
          }
        }
      }
      return out;
    },
    reset: () => exporter.reset(),
    async shutdown() {
      await tracerProvider.shutdown();
      await meterProvider.shutdown();
      trace.disable();
      metrics.disable();
      context.disable();
    },
  };
}

/** The sum of the points of `name` whose attributes include `match`. */
export function sum(points: readonly Point[], name: string, match: Record<string, unknown> = {}): number {
  return points
    .filter((point) => point.name === name && Object.entries(match).every(([key, value]) => point.attributes[key] === value))
    .reduce((total, point) => total + point.value, 0);
}

/** A logger that keeps every line, for assertions and scans. */
export function recordingLogger(): Logger & { lines: Array<{ level: string; message: string; fields: LogFields | undefined }> } {
  const lines: Array<{ level: string; message: string; fields: LogFields | undefined }> = [];
  const at = (level: string) => (message: string, fields?: LogFields) => void lines.push({ level, message, fields });
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
