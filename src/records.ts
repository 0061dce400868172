/**
 * Record types shared by every stage, declared once.
 * Each stage reads the records of the stage before it from `--out` and writes its own.
 */

/** How the municipality of an article was decided. */
export type MunicipalityBasis = 'metadata' | 'source' | 'text' | 'none';

/** One article as written by ingest to `articles.jsonl`. */
export interface Article {
  /** Stable id: from the input when it has one, else derived from file and record. */
  id: string;
  /** Path relative to the corpus dir, `/`-separated. */
  file: string;
  /** Row or document number inside a multi-article file (1-based), else null. */
  record: number | null;
  title: string;
  /** Publication day `YYYY-MM-DD`, or null when unknown. */
  date: string | null;
  /** How the date was found (json-ld, meta, time, url, text, metadata …), or null. */
  date_basis: string | null;
  /** Outlet. */
  source: string | null;
  url: string | null;
  author: string | null;
  municipality: string | null;
  municipality_basis: MunicipalityBasis;
  /** ISO 639-1 code (`de`, `en`, …) or `und` when undecided. */
  language: string;
  text: string;
  /** Id of the first copy of a (near-)duplicate story, else null. */
  duplicate_of: string | null;
  /** Character encoding the input was decoded from. */
  encoding: string | null;
}

/** An input that produced no article, with the reason. Written to `rejected.csv`. */
export interface Rejection {
  file: string;
  record: number | null;
  reason: string;
}

/** One token of German text. */
export interface Token {
  /** Surface form as in the text. */
  text: string;
  /** Normalized lower-case form (gender forms unified, soft hyphens removed). */
  norm: string;
  /** Stem of the normalized form. */
  stem: string;
  /** True for stopwords and punctuation. */
  stop: boolean;
  /** True when the token is a word (letters or digits), false for punctuation. */
  word: boolean;
}

/** Tokens of one article as written by tokenize to `tokens.jsonl`. */
export interface ArticleTokens {
  id: string;
  sentences: Token[][];
}

/** A dictionary hit in tagged text. */
export interface DictionaryHitCount {
  key: string;
  count: number;
}

/** Tags of one article as written by tag to `tags.jsonl`. */
export interface ArticleTags {
  id: string;
  words: number;
  /** Municipalities and districts mentioned: municipality name -> count. */
  places: Record<string, number>;
  /** Actor category -> count. */
  actors: Record<string, number>;
  /** Codebook topic -> count of dictionary hits. */
  topics: Record<string, number>;
  /** Refugee (query) terms found; decides `relevant`. */
  query_hits: number;
  relevant: boolean;
  /** Indexes of sentences that mention a target term (for target tone). */
  target_sentences: number[];
}

/** Scores of one article as written by score to `scores.jsonl`. */
export interface ArticleScores {
  id: string;
  words: number;
  /** Tone in [-1, 1]-ish: (positive - negative) / (positive + negative + 1) by default. */
  tone: number;
  tone_label: 'negative' | 'neutral' | 'positive';
  tone_positive: number;
  tone_negative: number;
  tone_polarity: number;
  /** Terms that decided the tone, with their signed weights. */
  tone_terms: Array<{ term: string; weight: number }>;
  /** Tone of the sentences that mention target terms, null when none does. */
  target_tone: number | null;
  /** Share of each codebook topic among the topic hits (sums to 1, or empty). */
  topic_shares: Record<string, number>;
  /** Main topic, or null when no topic term occurs and no classifier decided. */
  topic: string | null;
  topic_confidence: number | null;
  /** How the topic was decided: `codebook`, `classifier`, `coded` (hand code) or `none`. */
  topic_basis: 'codebook' | 'classifier' | 'coded' | 'none';
  /** The hand code when this article is in the coded sample. */
  topic_coded: string | null;
}
