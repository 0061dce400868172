/**
 * JSON Lines exports: one JSON object per line. A line that is not a JSON object is rejected with its
 * line number and the other lines are kept. `record` is the 1-based line number, so that records and
 * rejections point at the same place in the file.
 */
import { splitLines } from './delimited-records.js';
import { type ColumnMap, FIELD_NAMES, type ParsedFile, type RawRecord } from './types.js';

const key = (s: string): string => s.trim().toLowerCase();

/** A JSON value as a field string: strings as they are, numbers and booleans printed, lists of strings joined. */
function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join('\n\n');
  return undefined;
}

/** `lineOffset` is added to line numbers (when the text is a part of a larger file). */
export function parseJsonl(text: string, opts: { columns: ColumnMap; lineOffset?: number }): ParsedFile {
  const records: RawRecord[] = [];
  const rejections: ParsedFile['rejections'] = [];
  const wanted = FIELD_NAMES.map((field) => [field, key(opts.columns[field])] as const);
  splitLines(text.replace(/^\uFEFF/, '')).forEach((line, i) => {
    const lineNo = i + 1 + (opts.lineOffset ?? 0);
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      const detail = (error as Error).message.split('\n')[0];
      rejections.push({ record: lineNo, reason: `line ${lineNo}: invalid JSON (${detail})` });
      return;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      rejections.push({ record: lineNo, reason: `line ${lineNo}: not a JSON object` });
      return;
    }
    const byKey = new Map<string, unknown>();
    for (const [k, v] of Object.entries(value)) if (!byKey.has(key(k))) byKey.set(key(k), v);
    const fields: RawRecord['fields'] = {};
    for (const [field, column] of wanted) {
      const v = asText(byKey.get(column));
      if (v !== undefined) fields[field] = v;
    }
    if ((fields.text ?? '').trim() === '') {
      const missing = byKey.has(key(opts.columns.text))
        ? 'empty text'
        : `empty text (no "${opts.columns.text}" key)`;
      rejections.push({ record: lineNo, reason: `line ${lineNo}: ${missing}` });
      return;
    }
    records.push({ record: lineNo, fields });
  });
  return { records, rejections };
}
