import path from 'node:path';

/**
 * The reader a corpus file goes to, by its extension. Kept apart from the readers, so that ingest's
 * main thread can sort files without loading the HTML parsers.
 */
export type InputKind = 'html' | 'delimited' | 'tsv' | 'jsonl' | 'txt';

const KINDS: Record<string, InputKind> = {
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.shtml': 'html',
  '.csv': 'delimited',
  '.tsv': 'tsv',
  '.tab': 'tsv',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.txt': 'txt',
};

/** Which reader handles a file name, or null for unsupported types. */
export function inputKind(file: string): InputKind | null {
  return KINDS[path.extname(file).toLowerCase()] ?? null;
}
