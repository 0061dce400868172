import { stringify } from 'csv-stringify/sync';
import type { CsvDialectName } from '../config/schema.js';

/** A cell of an output table: numbers stay numbers, null is an empty cell. */
export type Cell = string | number | boolean | null;

export interface CsvDialect {
  name: CsvDialectName;
  delimiter: string;
  decimal: string;
  eol: string;
  bom: boolean;
}

export const dialects: Record<CsvDialectName, CsvDialect> = {
  // German Excel and LibreOffice open this with a double-click: umlauts, columns and numbers right.
  'excel-de': { name: 'excel-de', delimiter: ';', decimal: ',', eol: '\r\n', bom: true },
  rfc4180: { name: 'rfc4180', delimiter: ',', decimal: '.', eol: '\n', bom: false },
};

/** Characters that make a spreadsheet read a cell as a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Formats a number without exponent noise: at most 6 decimals, trailing zeros dropped. */
export function formatNumber(value: number, dialect: CsvDialect): string {
  if (!Number.isFinite(value)) return '';
  const fixed = Number.isInteger(value) ? String(value) : String(Number(value.toFixed(6)));
  return dialect.decimal === '.' ? fixed : fixed.replace('.', dialect.decimal);
}

/** Turns a cell into its text: numbers in the dialect's notation, untrusted text neutralized. */
export function formatCell(value: Cell, dialect: CsvDialect): string {
  if (value === null) return '';
  if (typeof value === 'number') return formatNumber(value, dialect);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** The text of a CSV table (header and rows) in the dialect, BOM included where the dialect has one. */
export function formatCsv(header: string[], rows: Cell[][], dialect: CsvDialect): string {
  return (dialect.bom ? '\uFEFF' : '') + formatCsvRows([header, ...rows], dialect);
}

/** Rows only, for streaming: call with the header first, then batches of rows. */
export function formatCsvRows(rows: Cell[][], dialect: CsvDialect): string {
  if (rows.length === 0) return '';
  return stringify(
    rows.map((row) => row.map((cell) => formatCell(cell, dialect))),
    {
      delimiter: dialect.delimiter,
      record_delimiter: dialect.eol === '\r\n' ? 'windows' : 'unix',
      quoted_match: /^\s|\s$/,
    },
  );
}
