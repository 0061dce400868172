import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ColumnMap } from '../config/schema.js';
import { findDates, parseDateText } from './dates/index.js';
import { decodeBytes, sniffFileType } from './decode.js';
import type { ExportKind, ExportPart } from './export-parts.js';
import type { RawRecord } from './formats/index.js';
import { isNexisExport, parseDelimited, parseJsonl, parseNexis, parseTxt } from './formats/index.js';
import { inputKind } from './input-kind.js';

/** An article as read from one input, before ids, duplicates and municipality are decided. */
export interface DraftArticle {
  record: number | null;
  inputId: string | null;
  title: string;
  date: string | null;
  date_basis: string | null;
  source: string | null;
  url: string | null;
  author: string | null;
  municipalityField: string | null;
  text: string;
  encoding: string | null;
}

export interface ReadResult {
  drafts: DraftArticle[];
  rejections: Array<{ record: number | null; reason: string }>;
}

export interface ReadOptions {
  columns: ColumnMap;
  delimiter: ',' | ';' | '\t' | 'auto';
}

const clean = (s: string | undefined | null): string | null => {
  const t = (s ?? '').trim();
  return t === '' ? null : t;
};

/**
 * A date in the dateline that opens many agency and local texts ("Mülheim an der Ruhr, 27. Oktober
 * 2015 – …"): only the first line's first 120 characters are searched, so dates the story talks
 * about further down are never taken for its publication day.
 */
export function datelineDate(text: string): string | null {
  const first = (text.trimStart().split('\n', 1)[0] ?? '').slice(0, 120);
  return findDates(first)[0]?.date ?? null;
}

function fromRecord(raw: RawRecord, encoding: string): DraftArticle {
  const f = raw.fields;
  const dateText = clean(f.date);
  const fieldDate = dateText ? parseDateText(dateText) : null;
  const lineDate = fieldDate ? null : datelineDate(f.text ?? '');
  const date = fieldDate ?? lineDate;
  return {
    record: raw.record,
    inputId: clean(f.id),
    title: clean(f.title) ?? '',
    date,
    date_basis: fieldDate ? 'metadata' : lineDate ? 'text' : null,
    source: clean(f.source),
    url: clean(f.url),
    author: clean(f.author),
    municipalityField: clean(f.municipality),
    text: (f.text ?? '').trim(),
    encoding,
  };
}

/**
 * Reads one corpus file into draft articles and rejections. Never throws for bad content: every
 * problem becomes a rejection with a reason. Asynchronous only because the page reader is loaded on
 * the first page.
 */
export async function readInputFile(abs: string, opts: ReadOptions): Promise<ReadResult> {
  const kind = inputKind(abs);
  let bytes: Buffer;
  try {
    bytes = readFileSync(abs);
  } catch (error) {
    return {
      drafts: [],
      rejections: [{ record: null, reason: `cannot read file: ${(error as Error).message}` }],
    };
  }
  if (kind === null) {
    const sniffed = sniffFileType(bytes);
    const ext = path.extname(abs).toLowerCase() || '(no extension)';
    const what = sniffed ? ` (${sniffed})` : '';
    return {
      drafts: [],
      rejections: [
        {
          record: null,
          reason: `unsupported file type ${ext}${what}: expected .html, .htm, .csv, .tsv, .jsonl or .txt`,
        },
      ],
    };
  }
  if (bytes.length === 0) return { drafts: [], rejections: [{ record: null, reason: 'empty file' }] };
  const decoded = decodeBytes(bytes, { kind: kind === 'html' ? 'html' : 'text' });
  if (!decoded.ok) return { drafts: [], rejections: [{ record: null, reason: decoded.reason }] };
  const { text, encoding } = decoded;
  switch (kind) {
    case 'html': {
      const { readPageFile } = await import('./read-page.js');
      return readPageFile(text, encoding, bytes.length);
    }
    case 'delimited':
    case 'tsv':
    case 'jsonl':
      return parseExportText(kind, text, encoding, opts, 0);
    case 'txt': {
      const parsed = isNexisExport(text) ? parseNexis(text) : parseTxt(text);
      return { drafts: parsed.records.map((r) => fromRecord(r, encoding)), rejections: parsed.rejections };
    }
  }
}

/**
 * Parses the decoded text of a CSV/TSV/JSONL export (or one part of it). `lineOffset` is added to
 * the line numbers the parser reports, so that a part's rejections point at lines of the whole file.
 */
export function parseExportText(
  kind: 'delimited' | 'tsv' | 'jsonl',
  text: string,
  encoding: string,
  opts: ReadOptions,
  lineOffset: number,
): ReadResult {
  const parsed =
    kind === 'jsonl'
      ? parseJsonl(text, { columns: opts.columns, lineOffset })
      : parseDelimited(text, {
          delimiter: kind === 'tsv' ? '\t' : opts.delimiter,
          columns: opts.columns,
          lineOffset,
        });
  return { drafts: parsed.records.map((r) => fromRecord(r, encoding)), rejections: parsed.rejections };
}

/**
 * Decodes and parses one part of a large export (see export-parts.ts). `record` numbers of delimited
 * parts count from 1 within the part; the caller shifts them by the rows of the parts before.
 */
export function readExportPart(part: ExportPart, kind: ExportKind, opts: ReadOptions): ReadResult {
  const decoded = decodeBytes(part.bytes, { kind: 'text' });
  const lines = part.lineOffset + 1;
  if (!decoded.ok) {
    return {
      drafts: [],
      rejections: [{ record: null, reason: `part from line ${lines}: ${decoded.reason}` }],
    };
  }
  // The header row put in front of a part is its line 1; the part's own first line is line 2 there.
  const offset = part.lineOffset - part.headerLines;
  return parseExportText(kind, decoded.text, decoded.encoding, opts, offset);
}
