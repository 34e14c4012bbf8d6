/** A parsed CSV: the header row and each data row, numbered from 1. */
export interface CsvTable {
  header: string[];
  rows: Array<{ row: number; cells: string[] }>;
}

/**
 * Parses CSV text (RFC 4180: quoted fields, `""` escapes, newlines inside
 * quotes, CRLF, a UTF-8 BOM). The delimiter is `,`, `;` or tab, whichever
 * the header line has most of, unless given. Blank lines are skipped.
 */
export function parseCsv(text: string, delimiter?: string): CsvTable {
  const source = text.replace(/^\uFEFF/, '');
  const sep = delimiter ?? detectDelimiter(source);
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < source.length; i += 1) {
    const ch = source[i] as string;
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === sep) {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && source[i + 1] === '\n') i += 1;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  const nonBlank = records.filter((r) => r.some((cell) => cell.trim() !== ''));
  const [header = [], ...rows] = nonBlank;
  return { header: header.map((name) => name.trim()), rows: rows.map((cells, index) => ({ row: index + 1, cells })) };
}

function detectDelimiter(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const counts = [',', ';', '\t'].map((sep) => [sep, firstLine.split(sep).length - 1] as const);
  const best = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  return best[1] > 0 ? best[0] : ',';
}
