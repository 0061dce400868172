/** Shapes shared by the input-format parsers: decoded text in, raw records and rejections out. */

/** The article fields an input file may carry. Values stay raw strings; dates are normalized later. */
export const FIELD_NAMES = [
  'id',
  'title',
  'text',
  'date',
  'source',
  'url',
  'municipality',
  'author',
] as const;

export type FieldName = (typeof FIELD_NAMES)[number];

/** One record of an input file. `record` is its 1-based row, line or document number (null for single-article files). */
export interface RawRecord {
  record: number | null;
  fields: Partial<Record<FieldName, string>>;
}

export interface ParsedFile {
  records: RawRecord[];
  rejections: Array<{ record: number | null; reason: string }>;
}

/** Field -> column (or JSON key) name in the file. */
export type ColumnMap = Record<FieldName, string>;

/** Column names when a file uses the field names themselves. */
export const DEFAULT_COLUMNS: ColumnMap = {
  id: 'id',
  title: 'title',
  text: 'text',
  date: 'date',
  source: 'source',
  url: 'url',
  municipality: 'municipality',
  author: 'author',
};
