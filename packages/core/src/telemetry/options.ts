import * as v from 'valibot';

/** What wamux's telemetry (spans, metrics, log lines) may carry besides the defaults. */
export interface TelemetryOptions {
  /**
   * Put personal data in spans and log lines: the recipient of a send,
   * masked (`+**********678`, span attribute `messaging.destination.name`).
   * Off by default; message text is never recorded, and metric labels never
   * carry personal data whatever this says.
   */
  personalData?: boolean | undefined;
}

/** The valibot entry of a `telemetry` option, to spread into an options schema. */
export const TelemetryOptionSchema = v.optional(v.object({ personalData: v.optional(v.boolean('must be true or false')) }));
