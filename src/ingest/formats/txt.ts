/**
 * Plain-text articles. An optional header of `Key: value` lines (German or English keys, see
 * `data/formats/labels.json`) runs up to the first blank line; the rest is the body. The header counts
 * only when every line of that first block has the `Key: value` shape and at least one key is known, so
 * a first paragraph that merely contains a colon stays body text. Unknown keys in a header are ignored.
 *
 * Without a title in the header, the first non-empty line is the title, unless it is longer than a
 * headline can be (then it is body text and the title stays empty).
 */
import { splitLines } from './delimited-records.js';
import { formatLabels } from './labels.js';
import { joinParagraphs } from './paragraphs.js';
import type { FieldName, ParsedFile, RawRecord } from './types.js';

/** Longer first lines are taken for body text, not for a headline. */
const MAX_TITLE_CHARS = 300;

const HEADER_LINE = /^\s*([\p{L}][\p{L}\p{N} ._-]{0,39}?)\s*:\s*(.*)$/u;

let keyIndex: Map<string, FieldName> | null = null;

function headerKeys(): Map<string, FieldName> {
  if (keyIndex) return keyIndex;
  keyIndex = new Map();
  for (const [field, keys] of Object.entries(formatLabels().txt_header)) {
    for (const k of keys ?? []) keyIndex.set(k.toLowerCase(), field as FieldName);
  }
  return keyIndex;
}

/** The header fields of the first block, or null when that block is not a header. */
function readHeader(block: string[]): RawRecord['fields'] | null {
  const keys = headerKeys();
  const fields: RawRecord['fields'] = {};
  let known = 0;
  for (const line of block) {
    const m = HEADER_LINE.exec(line);
    if (!m) return null;
    // A URL value (`https://…`) must not be mistaken for a key.
    const name = (m[1] ?? '').trim().toLowerCase();
    const field = keys.get(name);
    if (!field) continue;
    known++;
    const value = (m[2] ?? '').trim();
    if (value !== '' && fields[field] === undefined) fields[field] = value;
  }
  return known > 0 ? fields : null;
}

export function parseTxt(text: string): ParsedFile {
  const lines = splitLines(text.replace(/^\uFEFF/, ''));
  let start = lines.findIndex((l) => l.trim() !== '');
  if (start < 0) return { records: [], rejections: [{ record: null, reason: 'empty text' }] };
  let end = lines.findIndex((l, i) => i > start && l.trim() === '');
  if (end < 0) end = lines.length;
  const header = readHeader(lines.slice(start, end));
  const fields: RawRecord['fields'] = header ?? {};
  if (header) start = end;
  let body = lines.slice(start);
  if (fields.title === undefined) {
    const first = body.findIndex((l) => l.trim() !== '');
    const line = first >= 0 ? (body[first] ?? '').trim() : '';
    if (line !== '' && line.length <= MAX_TITLE_CHARS) {
      fields.title = line;
      body = body.slice(first + 1);
    }
  }
  const bodyText = joinParagraphs(body);
  if (bodyText === '') return { records: [], rejections: [{ record: null, reason: 'empty text' }] };
  fields.text = bodyText;
  return { records: [{ record: null, fields }], rejections: [] };
}
