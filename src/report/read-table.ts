import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

/** A CSV table read back from an output folder, in either dialect the pipeline writes. */
export interface Table {
  dialect: 'excel-de' | 'rfc4180';
  columns: string[];
  rows: Array<Record<string, string>>;
}

/** `'=…`, `'+…`, `'-…`, `'@…`: a cell the CSV writer guarded against formula injection. */
const GUARDED = /^'[=+\-@\t\r]/;

/**
 * Parses CSV text written as `excel-de` (BOM, `;`, decimal comma, CRLF) or `rfc4180` (`,`, decimal
 * point, LF). The dialect is told by the header's delimiter. The formula guard (a leading `'`) is
 * taken off again, since the text is shown, not calculated.
 */
export function parseTable(text: string): Table {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = body.slice(0, body.search(/\r?\n|$/));
  const semicolons = firstLine.split(';').length;
  const commas = firstLine.split(',').length;
  const dialect = semicolons > commas ? 'excel-de' : 'rfc4180';
  const records = parse(body, {
    delimiter: dialect === 'excel-de' ? ';' : ',',
    relax_column_count: true,
    skip_empty_lines: true,
  }) as string[][];
  const [header = [], ...data] = records;
  const rows = data.map((cells) => {
    const row: Record<string, string> = {};
    header.forEach((name, i) => {
      const cell = cells[i] ?? '';
      row[name] = GUARDED.test(cell) ? cell.slice(1) : cell;
    });
    return row;
  });
  return { dialect, columns: header, rows };
}

/** Reads a table, or null when the file is absent. */
export function readTable(file: string): Table | null {
  if (!existsSync(file)) return null;
  return parseTable(readFileSync(file, 'utf8'));
}

/** A numeric cell in the table's notation, or null when empty or not a number. */
export function numberCell(table: Pick<Table, 'dialect'>, value: string | undefined): number | null {
  if (value === undefined) return null;
  const s = value.trim();
  if (s === '') return null;
  const plain = table.dialect === 'excel-de' ? s.replace(',', '.') : s;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(plain)) return null;
  return Number(plain);
}
