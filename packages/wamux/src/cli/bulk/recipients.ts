import { isWamuxError, type OutboundMessage } from '@wamux/core/adapter';
import { match } from 'ts-pattern';
import { UsageError } from '../command';
import { recipientFromInput } from '../phone';
import { templateFlagValues, templateFromFlags, type TemplateFlags } from '../send/template-flags';
import type { CsvTable } from './csv';

/** One CSV row to send to. */
export interface BulkRecipient {
  /** The data row number (1 = the first row after the header). */
  row: number;
  /** The recipient as the journal keys it: E.164 (or a BSUID as written). */
  phone: string;
  /** Every cell of the row by lower-cased column name, for `{{column}}`. */
  fields: Readonly<Record<string, string>>;
}

/** What a bulk run sends each recipient. */
export type BulkMessageSpec = { kind: 'text'; text: string; previewUrl: boolean } | { kind: 'template'; flags: TemplateFlags };

/** The recipients of a CSV, one per phone number. */
export interface RecipientList {
  recipients: BulkRecipient[];
  /** Rows skipped because their phone is already listed on an earlier row. */
  duplicates: Array<{ row: number; firstRow: number; phone: string }>;
  /** Rows with an empty phone cell. */
  blank: number[];
  /** Rows whose phone is not a number whose country is certain: never sent, reported with the reason. */
  invalid: Array<{ row: number; cell: string; reason: string }>;
}

const PLACEHOLDER = /\{\{\s*([^{}]+?)\s*\}\}/g;

/**
 * Reads the recipients from a CSV: the phone column (default `phone`, any
 * case) is normalized to E.164 when its country is certain (with `+` or
 * `00`, digits as WhatsApp writes them, or a national number of
 * `defaultCountry`); other rows are listed as invalid. A phone that appears
 * twice is sent to once.
 */
export function recipientsFromCsv(table: CsvTable, phoneColumn: string, defaultCountry?: string): RecipientList {
  const columns = table.header.map((name) => name.toLowerCase());
  const phoneIndex = columns.indexOf(phoneColumn.toLowerCase());
  if (phoneIndex < 0)
    throw new UsageError(`the CSV has no "${phoneColumn}" column (columns: ${table.header.join(', ') || 'none'}; pick one with --phone-column)`);
  const firstRow = new Map<string, number>();
  const list: RecipientList = { recipients: [], duplicates: [], blank: [], invalid: [] };
  for (const { row, cells } of table.rows) {
    const cell = (cells[phoneIndex] ?? '').trim();
    if (cell === '') {
      list.blank.push(row);
      continue;
    }
    let phone: string;
    try {
      phone = recipientFromInput(cell, { defaultCountry, field: `row ${row} ${phoneColumn}` });
    } catch (error) {
      // A bad default country is the whole run's problem, not this row's.
      if (!isWamuxError(error) || error.code !== 'validation_failed') throw error;
      list.invalid.push({ row, cell, reason: error.message });
      continue;
    }
    const seen = firstRow.get(phone);
    if (seen !== undefined) {
      list.duplicates.push({ row, firstRow: seen, phone });
      continue;
    }
    firstRow.set(phone, row);
    list.recipients.push({ row, phone, fields: Object.fromEntries(columns.map((name, i) => [name, cells[i] ?? ''])) });
  }
  return list;
}

/** Checks that every `{{column}}` the message uses is a CSV column. */
export function checkPlaceholders(spec: BulkMessageSpec, header: readonly string[]): void {
  const columns = new Set(header.map((name) => name.toLowerCase()));
  const texts = match(spec)
    .with({ kind: 'text' }, ({ text }) => [text])
    .with({ kind: 'template' }, ({ flags }) => templateFlagValues(flags))
    .exhaustive();
  for (const text of texts) {
    for (const [, name] of text.matchAll(PLACEHOLDER)) {
      if (!columns.has((name ?? '').toLowerCase())) throw new UsageError(`{{${name}}}: the CSV has no such column (columns: ${header.join(', ')})`);
    }
  }
}

/** Replaces each `{{column}}` with the recipient's cell. */
export function fill(text: string, fields: Readonly<Record<string, string>>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => fields[name.toLowerCase()] ?? whole);
}

/** The message for one recipient. */
export function messageFor(spec: BulkMessageSpec, recipient: BulkRecipient): OutboundMessage {
  return match(spec)
    .with(
      { kind: 'text' },
      ({ text, previewUrl }): OutboundMessage => ({
        type: 'text',
        to: recipient.phone,
        text: fill(text, recipient.fields),
        ...(previewUrl ? { previewUrl } : {}),
      }),
    )
    .with(
      { kind: 'template' },
      ({ flags }): OutboundMessage => ({ type: 'template', to: recipient.phone, template: templateFromFlags(flags, (value) => fill(value, recipient.fields)) }),
    )
    .exhaustive();
}

/** A one-line description of the message, for the journal's `run` line. */
export function describeSpec(spec: BulkMessageSpec): string {
  return match(spec)
    .with({ kind: 'text' }, ({ text }) => `text ${JSON.stringify(text)}`)
    .with(
      { kind: 'template' },
      ({ flags }) => `template ${flags.template ?? flags['template-id']} (${flags.lang ?? 'en'}) ${JSON.stringify(templateFlagValues(flags))}`,
    )
    .exhaustive();
}
