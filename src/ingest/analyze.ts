/**
 * The per-article work of ingest that depends on nothing but the article and the settings: word
 * count, title fallback, municipality, language and the duplicate signature. Kept apart from ids and
 * duplicate matching (which need every earlier article) so that it can run in reader threads.
 */
import type { MunicipalityBasis } from '../records.js';
import { type DuplicateOptions, signTexts, type TextSignature } from './duplicates.js';
import { detectLanguage } from './language.js';
import { assignMunicipality, compilePlaces, type PlaceConfig } from './municipality.js';
import type { DraftArticle, ReadResult } from './read-file.js';
import { createChunkCounter } from './word-splitter.js';

/** Plain data (it is passed to worker threads) from which an analyzer is built. */
export interface AnalyzerSetup {
  places: PlaceConfig[];
  outlets: Record<string, string>;
  duplicates: DuplicateOptions;
  minWords: number;
}

export type Analysis =
  | { kind: 'rejected'; reason: string }
  | {
      kind: 'article';
      title: string;
      municipality: string | null;
      municipalityBasis: MunicipalityBasis;
      language: string;
      signed: TextSignature;
    };

export interface AnalyzedDraft {
  draft: DraftArticle;
  analysis: Analysis;
}

export interface AnalyzedRead {
  drafts: AnalyzedDraft[];
  rejections: ReadResult['rejections'];
}

/** Whitespace-separated chunks with a letter or digit in them. */
export const countWords: (text: string) => number = createChunkCounter(/[\p{L}\p{N}]/u);

export function createAnalyzer(setup: AnalyzerSetup): (draft: DraftArticle) => Analysis {
  const gazetteer = compilePlaces(setup.places);
  const sign = signTexts(setup.duplicates);
  return (draft) => {
    if (draft.text === '') return { kind: 'rejected', reason: 'empty text' };
    const words = countWords(draft.text);
    if (words < setup.minWords) {
      return {
        kind: 'rejected',
        reason: `text too short: ${words} words, ingest.min_words is ${setup.minWords}`,
      };
    }
    const title = draft.title || (draft.text.split('\n')[0] ?? '').slice(0, 120);
    const place = assignMunicipality(
      gazetteer,
      { metadata: draft.municipalityField, source: draft.source, title, text: draft.text },
      setup.outlets,
    );
    const full = `${title}\n${draft.text}`;
    return {
      kind: 'article',
      title,
      municipality: place.municipality,
      municipalityBasis: place.basis,
      language: detectLanguage(full),
      signed: sign(full),
    };
  };
}

/** Analyzes every draft of a read file. */
export function analyzeRead(result: ReadResult, analyze: (draft: DraftArticle) => Analysis): AnalyzedRead {
  return {
    drafts: result.drafts.map((draft) => ({ draft, analysis: analyze(draft) })),
    rejections: result.rejections,
  };
}
