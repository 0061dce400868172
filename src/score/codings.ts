import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

/** One hand-coded article: its id and the codes given (topic and/or tone). */
export interface Coding {
  id: string;
  topic: string | null;
  tone: string | null;
}

/**
 * Reads a hand-coded sample: a CSV with a header naming `id` and `topic` and/or `tone`, separated
 * by `,` or `;` (as German Excel saves it), UTF-8 with or without BOM. Empty codes are ignored.
 */
export function readCodings(file: string): Coding[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    throw new Error(`--codings ${file}: cannot read: ${(error as Error).message}`);
  }
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let rows: Record<string, string>[];
  try {
    rows = parse(text, {
      columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()),
      delimiter,
      skip_empty_lines: true,
      trim: true,
    });
  } catch (error) {
    throw new Error(`--codings ${file}: not a readable CSV: ${(error as Error).message}`);
  }
  const header = rows[0] ? Object.keys(rows[0]) : [];
  if (
    rows.length > 0 &&
    (!header.includes('id') || (!header.includes('topic') && !header.includes('tone')))
  ) {
    throw new Error(
      `--codings ${file}: expected columns id and topic and/or tone, found ${header.join(', ')}`,
    );
  }
  return rows
    .map((r) => ({
      id: r.id ?? '',
      topic: r.topic?.trim() || null,
      tone: r.tone?.trim().toLowerCase() || null,
    }))
    .filter((c) => c.id !== '' && (c.topic !== null || c.tone !== null));
}
