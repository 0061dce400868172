/** Parsers from decoded text to raw records, one per input format. */
export { parseDelimited } from './delimited.js';
export { sniffDelimiter } from './delimited-records.js';
export { parseJsonl } from './jsonl.js';
export { isNexisExport, parseNexis } from './nexis.js';
export { parseTxt } from './txt.js';
export {
  type ColumnMap,
  DEFAULT_COLUMNS,
  FIELD_NAMES,
  type FieldName,
  type ParsedFile,
  type RawRecord,
} from './types.js';
