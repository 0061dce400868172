/**
 * Multi-document text exports of Nexis-style press databases.
 *
 * Classic layout: documents are separated by lines such as `1 of 3 DOCUMENTS`, `Dokument 1 von 3` or
 * `1 von 3 DOKUMENTEN`; each document has the outlet, a date line (`14. März 2016 Montag`,
 * `March 14, 2016 Monday`), the headline, labelled lines (BYLINE/AUTOR, SECTION/RUBRIK, LENGTH/LÄNGE …),
 * a blank line, the body and labelled trailer lines (LOAD-DATE/LADEDATUM, LANGUAGE/SPRACHE …) that are
 * not part of the body. Newer exports end each document with `End of Document` and put a line `Body`
 * before the text, with the headline first; both layouts are read. `record` is the document number.
 * All label words come from `data/formats/labels.json`.
 */
import { splitLines } from './delimited-records.js';
import { escapeRegExp, formatLabels } from './labels.js';
import { joinParagraphs } from './paragraphs.js';
import type { ParsedFile, RawRecord } from './types.js';

interface NexisPatterns {
  /** `1 of 3 DOCUMENTS`; group 1 is the document number. */
  countFirst: RegExp;
  /** `Dokument 1 von 3`; group 1 is the document number. */
  wordFirst: RegExp;
  endOfDocument: RegExp;
  bodyMarker: RegExp;
  /** A labelled line; group 1 the label, group 2 the value. */
  labelled: RegExp;
  headerLabel: Map<string, string>;
  trailing: Set<string>;
  copyright: RegExp;
  dateLine: RegExp;
  /** The date inside a date line, without weekday or edition. */
  datePart: RegExp;
}

let patterns: NexisPatterns | null = null;

/** How far into a document a `Body` marker line is looked for. */
const MAX_HEAD_LINES = 40;

const alternatives = (words: string[]): string =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');

function compile(): NexisPatterns {
  if (patterns) return patterns;
  const n = formatLabels().nexis;
  const docs = alternatives(n.document_words);
  const of = alternatives(n.of_words);
  const headerLabel = new Map<string, string>();
  for (const [kind, labels] of Object.entries(n.header_labels)) {
    for (const label of labels) headerLabel.set(label.toUpperCase(), kind);
  }
  const allLabels = [...headerLabel.keys(), ...n.trailing_labels];
  const months = alternatives(n.months);
  const year = '(?:1[89]|20)\\d\\d';
  const dmy = `\\d{1,2}\\.?\\s*(?:${months})\\.?\\s+${year}`;
  const mdy = `(?:${months})\\.?\\s+\\d{1,2},?\\s+${year}`;
  const numeric = `\\d{1,2}\\.\\d{1,2}\\.${year}`;
  patterns = {
    countFirst: new RegExp(`^\\s*(\\d+)\\s+(?:${of})\\s+\\d+\\s+(?:${docs})\\s*$`, 'iu'),
    wordFirst: new RegExp(`^\\s*(?:${docs})\\s+(\\d+)\\s+(?:${of})\\s+\\d+\\s*$`, 'iu'),
    endOfDocument: new RegExp(`^\\s*(?:${alternatives(n.end_of_document)})\\s*$`, 'iu'),
    bodyMarker: new RegExp(`^\\s*(?:${alternatives(n.body_markers)})\\s*$`, 'u'),
    labelled: new RegExp(`^\\s*(${alternatives(allLabels)})\\s*:\\s*(.*)$`, 'iu'),
    headerLabel,
    trailing: new Set(n.trailing_labels.map((l) => l.toUpperCase())),
    copyright: new RegExp(`^\\s*(?:${alternatives(n.copyright_markers)})`, 'iu'),
    dateLine: new RegExp(`(?:${dmy}|${mdy}|${numeric})`, 'iu'),
    datePart: new RegExp(`${dmy}|${mdy}|${numeric}`, 'iu'),
  };
  return patterns;
}

/** Whether the text looks like a Nexis-style export (a document separator line near the start). */
export function isNexisExport(text: string): boolean {
  const p = compile();
  const head = splitLines(text.slice(0, 4000));
  if (head.some((l) => p.countFirst.test(l) || p.wordFirst.test(l))) return true;
  // Newer layout: an end-of-document line plus a body marker.
  const lines = splitLines(text);
  return lines.some((l) => p.endOfDocument.test(l)) && lines.some((l) => p.bodyMarker.test(l));
}

interface Chunk {
  number: number;
  lines: string[];
}

function splitDocuments(lines: string[], p: NexisPatterns): Chunk[] {
  const chunks: Chunk[] = [];
  let current: Chunk | null = null;
  let sawSeparator = false;
  for (const line of lines) {
    const m = p.countFirst.exec(line) ?? p.wordFirst.exec(line);
    if (m) {
      sawSeparator = true;
      current = { number: Number(m[1]), lines: [] };
      chunks.push(current);
      continue;
    }
    if (p.endOfDocument.test(line)) {
      if (!sawSeparator) current = null;
      continue;
    }
    if (!current) {
      if (sawSeparator || line.trim() === '') continue;
      current = { number: chunks.length + 1, lines: [] };
      chunks.push(current);
    }
    current.lines.push(line);
  }
  return chunks.filter((c) => c.lines.some((l) => l.trim() !== ''));
}

interface Labelled {
  label: string;
  value: string;
}

function labelOf(line: string, p: NexisPatterns): Labelled | null {
  const m = p.labelled.exec(line);
  if (!m) return null;
  return { label: (m[1] ?? '').toUpperCase(), value: (m[2] ?? '').trim() };
}

const datePart = (line: string, p: NexisPatterns): string => p.datePart.exec(line)?.[0] ?? line.trim();

/** Index of the first trailer label (or closing copyright line) at or after `from`, else the end. */
function bodyEnd(lines: string[], from: number, p: NexisPatterns): number {
  for (let i = from; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const l = labelOf(line, p);
    if (l && p.trailing.has(l.label)) return i;
    if (p.copyright.test(line) && lines.slice(i + 1).every((x) => x.trim() === '' || labelOf(x, p))) return i;
  }
  return lines.length;
}

/** Reads the header labels starting at `i`; returns the index after them. */
function readHeaderLabels(lines: string[], i: number, p: NexisPatterns, fields: RawRecord['fields']): number {
  let j = i;
  let last = j;
  while (j < lines.length) {
    const line = lines[j] ?? '';
    if (line.trim() === '') {
      j++;
      continue;
    }
    const l = labelOf(line, p);
    const kind = l ? p.headerLabel.get(l.label) : undefined;
    if (!l || !kind) break;
    if (kind === 'author' && l.value) fields.author ??= l.value;
    if (kind === 'title' && l.value) fields.title ??= l.value;
    j++;
    // Continuation lines of a long label value, up to the next blank line. A length never wraps, so the
    // body may follow it directly.
    while (
      kind !== 'length' &&
      j < lines.length &&
      (lines[j] ?? '').trim() !== '' &&
      !labelOf(lines[j] ?? '', p)
    ) {
      if (kind === 'title') fields.title = `${fields.title ?? ''} ${(lines[j] ?? '').trim()}`.trim();
      j++;
    }
    last = j;
  }
  return last;
}

function readClassic(lines: string[], p: NexisPatterns): RawRecord['fields'] {
  const fields: RawRecord['fields'] = {};
  const nonEmpty = lines.map((l, i) => [l.trim(), i] as const).filter(([l]) => l !== '');
  // Outlet and date lead the document; the date is within its first few lines.
  const dateAt = nonEmpty.slice(0, 5).find(([l]) => p.dateLine.test(l) && !labelOf(l, p));
  let i = 0;
  if (dateAt) {
    const before = nonEmpty.filter(([l, k]) => k < dateAt[1] && !p.copyright.test(l));
    if (before.length > 0) fields.source = before.map(([l]) => l).join(' ');
    fields.date = datePart(dateAt[0], p);
    i = dateAt[1] + 1;
  } else if (nonEmpty[0]) {
    fields.source = nonEmpty[0][0];
    i = nonEmpty[0][1] + 1;
  }
  // Skip edition and copyright lines right after the date.
  while (i < lines.length && ((lines[i] ?? '').trim() === '' || p.copyright.test(lines[i] ?? ''))) i++;
  const firstLabel = lines.findIndex((l, k) => k >= i && labelOf(l, p) !== null);
  const firstLabelKind = firstLabel >= 0 ? labelOf(lines[firstLabel] ?? '', p) : null;
  let bodyStart: number;
  if (firstLabelKind && p.headerLabel.has(firstLabelKind.label)) {
    const headline = lines
      .slice(i, firstLabel)
      .map((l) => l.trim())
      .filter((l) => l !== '' && !p.copyright.test(l));
    if (headline.length > 0) fields.title = headline.join(' ');
    bodyStart = readHeaderLabels(lines, firstLabel, p, fields);
  } else {
    // No header labels: the headline is the first paragraph.
    let j = i;
    while (j < lines.length && (lines[j] ?? '').trim() !== '') j++;
    const headline = lines.slice(i, j).map((l) => l.trim());
    if (headline.length > 0) fields.title = headline.join(' ');
    bodyStart = j;
  }
  fields.text = joinParagraphs(lines.slice(bodyStart, bodyEnd(lines, bodyStart, p)));
  return fields;
}

function readWithBodyMarker(lines: string[], marker: number, p: NexisPatterns): RawRecord['fields'] {
  const fields: RawRecord['fields'] = {};
  const head = lines
    .slice(0, marker)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const plain: string[] = [];
  for (const line of head) {
    const l = labelOf(line, p);
    const kind = l ? p.headerLabel.get(l.label) : undefined;
    if (l && kind) {
      if (kind === 'author' && l.value) fields.author ??= l.value;
      if (kind === 'title' && l.value) fields.title ??= l.value;
      continue;
    }
    if (l || p.copyright.test(line)) continue;
    if (fields.date === undefined && p.dateLine.test(line) && plain.length > 0) {
      fields.date = datePart(line, p);
      continue;
    }
    plain.push(line);
  }
  // Headline first, then the outlet.
  if (plain[0] !== undefined) fields.title ??= plain[0];
  if (plain[1] !== undefined) fields.source = plain[1];
  fields.text = joinParagraphs(lines.slice(marker + 1, bodyEnd(lines, marker + 1, p)));
  return fields;
}

export function parseNexis(text: string): ParsedFile {
  const p = compile();
  const lines = splitLines(text.replace(/^\uFEFF/, ''));
  const records: RawRecord[] = [];
  const rejections: ParsedFile['rejections'] = [];
  const chunks = splitDocuments(lines, p);
  if (chunks.length === 0)
    return { records, rejections: [{ record: null, reason: 'no documents found in export' }] };
  for (const chunk of chunks) {
    // A body marker counts only in the document head, not as a stray line deep in a classic body.
    const marker = chunk.lines.slice(0, MAX_HEAD_LINES).findIndex((l) => p.bodyMarker.test(l));
    const fields = marker >= 0 ? readWithBodyMarker(chunk.lines, marker, p) : readClassic(chunk.lines, p);
    if (!fields.text) {
      rejections.push({ record: chunk.number, reason: `document ${chunk.number}: empty text` });
      continue;
    }
    records.push({ record: chunk.number, fields });
  }
  return { records, rejections };
}
