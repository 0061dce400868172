/** The label vocabularies of text and press-database exports, read once from `data/formats/labels.json`. */
import { readFileSync } from 'node:fs';
import { dataPath } from '../../paths.js';
import type { FieldName } from './types.js';

export interface FormatLabels {
  /** Field -> header keys of `.txt` files (`Titel: …`), matched case-insensitively. */
  txt_header: Partial<Record<FieldName, string[]>>;
  nexis: {
    /** Words for "documents" in separator lines like `1 of 3 DOCUMENTS` / `Dokument 1 von 3`. */
    document_words: string[];
    of_words: string[];
    /** Lines that end a document in newer exports. */
    end_of_document: string[];
    /** A line alone that opens the body in newer exports. */
    body_markers: string[];
    /** Labelled lines between headline and body; the key names what the value is. */
    header_labels: Record<string, string[]>;
    /** Labelled lines after the body; the first one ends the body. */
    trailing_labels: string[];
    copyright_markers: string[];
    /** Month names and abbreviations that make a line a date line. */
    months: string[];
  };
}

let cached: FormatLabels | null = null;

export function formatLabels(): FormatLabels {
  cached ??= JSON.parse(readFileSync(dataPath('formats', 'labels.json'), 'utf8')) as FormatLabels;
  return cached;
}

/** Escapes a literal for use inside a regular expression. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
