/**
 * Non-HTML output formats of the corpus: press-database CSV rows, JSONL lines, plain text files with
 * optional header lines, and Nexis-style multi-document text exports.
 */
import { stringify } from 'csv-stringify/sync';
import { countWords } from './compose.js';
import { type Day, dotted, englishDay, iso, longDe, nexisDe, nexisEn } from './german-dates.js';

export const CSV_COLUMNS = ['id', 'title', 'text', 'date', 'source', 'url', 'municipality'] as const;

export interface ArchiveRecord {
  id: string;
  title: string;
  text: string;
  /** `YYYY-MM-DD` */
  date: string;
  source: string;
  url: string;
  /** Empty string in the CSV / null in JSONL when the archive did not fill it. */
  municipality: string | null;
}

export const csvHeader = (): string => `${CSV_COLUMNS.join(',')}\n`;

export function csvRow(r: ArchiveRecord): string {
  return stringify([[r.id, r.title, r.text, r.date, r.source, r.url, r.municipality ?? '']], {
    quoted_match: /[\s"]/,
  });
}

export const jsonlLine = (r: ArchiveRecord): string => `${JSON.stringify(r)}\n`;

/** Which header block a text file gets. */
export type TextHeader = 'de' | 'en' | 'de-no-place' | 'none';

export interface TextFileInput {
  header: TextHeader;
  title: string;
  date: Day;
  source: string | null;
  municipality: string | null;
  author: string | null;
  url: string | null;
  paragraphs: string[];
  crlf: boolean;
  bom: boolean;
}

/** Header keys written by `textFile`, by variant (ingest also accepts the others listed in the report). */
export const TEXT_HEADER_KEYS = {
  de: ['Titel', 'Datum', 'Quelle', 'Ort', 'Autor'],
  en: ['Title', 'Date', 'Source', 'Municipality', 'URL', 'Author'],
  'de-no-place': ['Titel', 'Datum', 'Quelle', 'Autor'],
} as const;

export function textFile(t: TextFileInput): string {
  const head: string[] = [];
  if (t.header === 'de' || t.header === 'de-no-place') {
    head.push(`Titel: ${t.title}`, `Datum: ${dotted(t.date)}`);
    if (t.source) head.push(`Quelle: ${t.source}`);
    if (t.header === 'de' && t.municipality) head.push(`Ort: ${t.municipality}`);
    if (t.author) head.push(`Autor: ${t.author}`);
  } else if (t.header === 'en') {
    head.push(`Title: ${t.title}`, `Date: ${iso(t.date)}`);
    if (t.source) head.push(`Source: ${t.source}`);
    if (t.municipality) head.push(`Municipality: ${t.municipality}`);
    if (t.url) head.push(`URL: ${t.url}`);
    if (t.author) head.push(`Author: ${t.author}`);
  } else {
    head.push(t.title);
  }
  const text = `${head.join('\n')}\n\n${t.paragraphs.join('\n\n')}\n`;
  const eol = t.crlf ? text.replace(/\n/g, '\r\n') : text;
  return t.bom ? `\uFEFF${eol}` : eol;
}

export interface NexisDocument {
  outlet: string;
  date: Day;
  title: string;
  author: string;
  section: string;
  paragraphs: string[];
  language: 'en' | 'de';
}

/** One document of a Nexis-style export, starting with "N of M DOCUMENTS" and ending with LOAD-DATE. */
export function nexisDocument(doc: NexisDocument, n: number, total: number, loadDate: Day): string {
  const words = doc.paragraphs.reduce((sum, p) => sum + countWords(p), 0);
  const center = (s: string): string => `${' '.repeat(Math.max(0, Math.floor((78 - s.length) / 2)))}${s}`;
  const en = doc.language === 'en';
  const lines = [
    center(`${n} of ${total} DOCUMENTS`),
    '',
    '',
    center(doc.outlet),
    '',
    center(en ? nexisEn(doc.date) : nexisDe(doc.date)),
    '',
    doc.title,
    '',
    en ? `BYLINE: ${doc.author}` : `AUTOR: ${doc.author}`,
    '',
    en ? `SECTION: ${doc.section}` : `RUBRIK: ${doc.section}`,
    '',
    en ? `LENGTH: ${words} words` : `LÄNGE: ${words} Wörter`,
    '',
    '',
    doc.paragraphs.join('\n\n'),
    '',
    '',
    `LOAD-DATE: ${en ? englishDay(loadDate) : longDe(loadDate)}`,
    '',
    en ? 'LANGUAGE: GERMAN' : 'SPRACHE: DEUTSCH',
    '',
    en ? 'PUBLICATION-TYPE: Zeitung' : 'PUBLIKATIONSTYP: Zeitung',
    '',
    '',
  ];
  return lines.join('\n');
}
