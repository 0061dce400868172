/**
 * Splits delimited text into physical records (line ranges) with a small quote-aware scanner, so that a
 * damaged record can be cut out and scanning resumed at the next line.
 *
 * A quote opens a quoted field only at the start of a field; inside a quoted field `""` is an escaped
 * quote and a single `"` closes the field. A line break ends the record unless it lies inside a
 * quoted field. The scanner never fails: an unclosed quote simply runs to the end of the text, and the
 * caller decides what to do with a record that does not parse.
 */

export interface PhysicalRecord {
  /** 1-based line number of the first line of the record. */
  firstLine: number;
  /** 1-based line number of the last line of the record. */
  lastLine: number;
  /** The record's text without its final line break. */
  text: string;
}

/** Splits `text` into lines, keeping track of `\r\n`, `\n` and `\r` alike. */
export function splitLines(text: string): string[] {
  const lines = text.split(/\r\n|\n|\r/);
  // A final line break does not open another (empty) line.
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Whether the quote state is still open after scanning `line`, given the state before it. */
function scanLine(line: string, delimiter: string, openAtStart: boolean): boolean {
  let inQuoted = openAtStart;
  let fieldStart = !openAtStart;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (inQuoted) {
      if (c === '"') {
        if (line[i + 1] === '"') i++;
        else inQuoted = false;
      }
      continue;
    }
    if (c === delimiter) {
      fieldStart = true;
      continue;
    }
    if (fieldStart && c === '"') {
      inQuoted = true;
      fieldStart = false;
      continue;
    }
    if (fieldStart && (c === ' ' || c === '\t') && delimiter !== c) continue;
    fieldStart = false;
  }
  return inQuoted;
}

/** Groups the lines from index `from` on into records; an empty line outside quotes is skipped. */
export function scanRecords(lines: string[], delimiter: string, from = 0): PhysicalRecord[] {
  const out: PhysicalRecord[] = [];
  let i = from;
  while (i < lines.length) {
    const first = lines[i] ?? '';
    if (first.trim() === '') {
      i++;
      continue;
    }
    let open = scanLine(first, delimiter, false);
    let j = i;
    while (open && j + 1 < lines.length) {
      j++;
      open = scanLine(lines[j] ?? '', delimiter, true);
    }
    out.push({ firstLine: i + 1, lastLine: j + 1, text: lines.slice(i, j + 1).join('\n') });
    i = j + 1;
  }
  return out;
}

/** Counts a candidate separator on the header line, outside quoted fields. */
function countOutsideQuotes(line: string, ch: string): number {
  let n = 0;
  let inQuoted = false;
  for (const c of line) {
    if (c === '"') inQuoted = !inQuoted;
    else if (c === ch && !inQuoted) n++;
  }
  return n;
}

/** Picks `,`, `;` or TAB by how often each occurs on the header line; `,` when none occurs. */
export function sniffDelimiter(headerLine: string): ',' | ';' | '\t' {
  const candidates = [',', ';', '\t'] as const;
  let best: ',' | ';' | '\t' = ',';
  let bestCount = 0;
  for (const c of candidates) {
    const n = countOutsideQuotes(headerLine, c);
    if (n > bestCount) {
      best = c;
      bestCount = n;
    }
  }
  return best;
}
