/**
 * CSV, semicolon and TAB separated exports: one article per row, with a header row naming the columns.
 *
 * Each physical record is parsed on its own with csv-parse, so one damaged row costs only that row.
 * A record with the wrong number of fields is rejected; when it spans several lines it is most likely an
 * unclosed quote that swallowed the rows after it, so only its first line is rejected and scanning
 * resumes on the next line, which keeps every good row of a damaged file.
 */
import { parse } from 'csv-parse/sync';
import { type PhysicalRecord, scanRecords, sniffDelimiter, splitLines } from './delimited-records.js';
import { type ColumnMap, FIELD_NAMES, type FieldName, type ParsedFile, type RawRecord } from './types.js';

export interface DelimitedOptions {
  delimiter: ',' | ';' | '\t' | 'auto';
  columns: ColumnMap;
  /** Added to reported line numbers (when the text is a part of a larger file). */
  lineOffset?: number;
}

type FieldsOrError = { ok: true; fields: string[] } | { ok: false; problem: string };

const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'TAB' };

/** csv-parse options for reading records one by one: tolerant, so each problem is named by us. */
const recordOptions = (delimiter: string) => ({
  delimiter,
  relax_quotes: true,
  relax_column_count: true,
  trim: delimiter !== '\t',
  skip_empty_lines: false,
});

function parseRecord(text: string, delimiter: string): FieldsOrError {
  try {
    const rows = parse(text, recordOptions(delimiter)) as string[][];
    if (rows.length !== 1 || !rows[0])
      return { ok: false, problem: `broken quoting (${rows.length} records)` };
    return { ok: true, fields: rows[0] };
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (code === 'CSV_QUOTE_NOT_CLOSED') return { ok: false, problem: 'broken quoting: quote not closed' };
    if (code === 'CSV_INVALID_CLOSING_QUOTE')
      return { ok: false, problem: 'broken quoting: text after a closing quote' };
    return { ok: false, problem: `broken quoting: ${(error as Error).message.split(':')[0]}` };
  }
}

/**
 * All records in one csv-parse call, or null when the quoting is broken somewhere or csv-parse splits
 * the records differently from the scanner (then each record is parsed on its own).
 */
function parseAll(physical: PhysicalRecord[], delimiter: string): string[][] | null {
  if (physical.length === 0) return [];
  try {
    const rows = parse(physical.map((r) => r.text).join('\n'), recordOptions(delimiter)) as string[][];
    return rows.length === physical.length ? rows : null;
  } catch {
    return null;
  }
}

/**
 * Whether a row has the header's number of fields. Extra fields count only when they hold something:
 * spreadsheet exports often end every data row with a stray delimiter.
 */
function fits(values: string[], width: number): boolean {
  if (values.length === width) return true;
  return values.length > width && values.slice(width).every((v) => v.trim() === '');
}

const key = (s: string): string =>
  s
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase();

/** Index of each field's column in the header, for the fields the file has. */
function mapColumns(header: string[], columns: ColumnMap): Partial<Record<FieldName, number>> {
  const index = new Map<string, number>();
  header.forEach((name, i) => {
    const k = key(name);
    if (!index.has(k)) index.set(k, i);
  });
  const out: Partial<Record<FieldName, number>> = {};
  for (const field of FIELD_NAMES) {
    const i = index.get(key(columns[field]));
    if (i !== undefined) out[field] = i;
  }
  return out;
}

const lineRef = (r: PhysicalRecord, offset: number): string =>
  r.firstLine === r.lastLine
    ? `line ${r.firstLine + offset}`
    : `lines ${r.firstLine + offset}-${r.lastLine + offset}`;

/** Parses delimited text with a header row; `record` is the 1-based data row number. */
export function parseDelimited(text: string, opts: DelimitedOptions): ParsedFile {
  const lines = splitLines(text.replace(/^\uFEFF/, ''));
  const headerIndex = lines.findIndex((l) => l.trim() !== '');
  if (headerIndex < 0)
    return { records: [], rejections: [{ record: null, reason: 'empty file: no header row' }] };
  const delimiter = opts.delimiter === 'auto' ? sniffDelimiter(lines[headerIndex] ?? '') : opts.delimiter;
  const [headerRecord] = scanRecords(lines, delimiter, headerIndex);
  const header = headerRecord ? parseRecord(headerRecord.text, delimiter) : null;
  if (!headerRecord || !header?.ok) {
    return {
      records: [],
      rejections: [{ record: null, reason: 'header row cannot be parsed (broken quoting)' }],
    };
  }
  const columnIndex = mapColumns(header.fields, opts.columns);
  const textIndex = columnIndex.text;
  if (textIndex === undefined) {
    const found = header.fields.map((h) => h.trim()).join(', ');
    return {
      records: [],
      rejections: [
        {
          record: null,
          reason: `missing column "${opts.columns.text}" for the text (${DELIMITER_NAMES[delimiter]}-separated); header has: ${found}`,
        },
      ],
    };
  }
  const width = header.fields.length;
  const lineOffset = opts.lineOffset ?? 0;
  const records: RawRecord[] = [];
  const rejections: ParsedFile['rejections'] = [];
  let row = 0;
  const accept = (physical: PhysicalRecord, values: string[]): void => {
    const fields: RawRecord['fields'] = {};
    for (const field of FIELD_NAMES) {
      const i = columnIndex[field];
      if (i === undefined) continue;
      const value = values[i];
      if (value !== undefined) fields[field] = value;
    }
    if ((fields.text ?? '').trim() === '') {
      rejections.push({ record: row, reason: `row ${row} (${lineRef(physical, lineOffset)}): empty text` });
      return;
    }
    records.push({ record: row, fields });
  };
  let pending = scanRecords(lines, delimiter, headerRecord.lastLine);
  // Fast path: one csv-parse call for the whole file when the quoting is sound.
  const whole = parseAll(pending, delimiter);
  if (whole) {
    pending.forEach((physical, k) => {
      row++;
      const values = whole[k] ?? [];
      if (!fits(values, width)) {
        rejections.push({
          record: row,
          reason: `row ${row} (${lineRef(physical, lineOffset)}): ${values.length} fields, expected ${width}`,
        });
      } else accept(physical, values);
    });
    return { records, rejections };
  }
  while (pending.length > 0) {
    let resumeAt: number | null = null;
    for (const physical of pending) {
      row++;
      const parsed = parseRecord(physical.text, delimiter);
      if (!parsed.ok || !fits(parsed.fields, width)) {
        const problem = parsed.ok ? `${parsed.fields.length} fields, expected ${width}` : parsed.problem;
        if (physical.lastLine > physical.firstLine) {
          // Probably an unclosed quote that ran into the following rows: give up only the first line.
          rejections.push({
            record: row,
            reason: `row ${row} (line ${physical.firstLine + lineOffset}): ${problem}`,
          });
          resumeAt = physical.firstLine; // 0-based index of the next line
          break;
        }
        rejections.push({ record: row, reason: `row ${row} (${lineRef(physical, lineOffset)}): ${problem}` });
        continue;
      }
      accept(physical, parsed.fields);
    }
    pending = resumeAt === null ? [] : scanRecords(lines, delimiter, resumeAt);
  }
  return { records, rejections };
}
