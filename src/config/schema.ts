import { z } from 'zod';

/**
 * The pipeline configuration (`pipeline.config.json`). Every key has a default, so a config file
 * only needs the keys a user changes. Paths are resolved against the config file's folder first,
 * then against the package root (where the bundled `data/` files live).
 */

const columnsSchema = z
  .object({
    id: z.string().min(1).default('id'),
    title: z.string().min(1).default('title'),
    text: z.string().min(1).default('text'),
    date: z.string().min(1).default('date'),
    source: z.string().min(1).default('source'),
    url: z.string().min(1).default('url'),
    municipality: z.string().min(1).default('municipality'),
    author: z.string().min(1).default('author'),
  })
  .strict();

const ingestSchema = z
  .object({
    /** Column names of CSV/TSV/JSONL exports, per field. */
    columns: columnsSchema.prefault({}),
    /** Field separator of `.csv` files; `.tsv` is always TAB. */
    delimiter: z.enum([',', ';', '\t', 'auto']).default('auto'),
    /** Outlet name -> municipality, for local papers that cover one place. */
    outlets: z.record(z.string(), z.string()).default({}),
    /** Municipalities with aliases, districts and disambiguation rules (JSON file). */
    places: z.string().min(1).default('data/municipalities.json'),
    /** Texts shorter than this many words are rejected as "too short". */
    min_words: z.number().int().min(0).default(1),
    duplicates: z
      .object({
        /** Estimated Jaccard similarity of word shingles at or above which a text is a duplicate. */
        threshold: z.number().gt(0).max(1).default(0.8),
        /** Words per shingle. */
        shingle: z.number().int().min(1).max(20).default(5),
        /** MinHash signature length. */
        hashes: z.number().int().min(16).max(1024).default(128),
      })
      .strict()
      .prefault({}),
  })
  .strict();

const tokenizeSchema = z
  .object({
    /** Words treated as stopwords in addition to the German list of the stopword package. */
    extra_stopwords: z.array(z.string()).default([]),
  })
  .strict();

const tagSchema = z
  .object({
    /** Dictionary whose hits decide `relevant` (refugees and integration by default). */
    query: z.string().min(1).default('data/query.yml'),
    /** An article is relevant with at least this many query hits. */
    min_query_hits: z.number().int().min(1).default(1),
    /** Actor dictionary. */
    actors: z.string().min(1).default('data/actors.yml'),
    /** Topic codebook (quanteda-style YAML, LIWC .dic or CSV). */
    codebook: z.string().min(1).default('data/codebook.yml'),
    /** Target terms whose sentences give the target tone. */
    targets: z.string().min(1).default('data/targets.yml'),
  })
  .strict();

const toneSchema = z
  .object({
    /** Use the built-in German polarity lexicon. */
    builtin_lexicon: z.boolean().default(true),
    /** User lexicons: SentiWS or Rauh format files. */
    lexicons: z.array(z.string()).default([]),
    /** Tone values inside [low, high] are labelled neutral. */
    neutral_band: z
      .tuple([z.number(), z.number()])
      .refine(([lo, hi]) => lo <= hi, 'the first number must not exceed the second')
      .default([-0.3, 0.09]),
    /** How many tokens after a negator are negated. */
    negation_scope: z.number().int().min(0).max(20).default(3),
    /**
     * Report vocabulary (data/lexicons/report-words.txt: Unfall, verletzt, Polizei, Prozess …) counts
     * with this share of its lexicon weight, unless the sentence also has an evaluative polar word.
     */
    report_factor: z.number().min(0).max(1).default(0.7),
    /** Polar words whose lexicon weight is below this (absolute) do not count as evidence. */
    min_weight: z.number().min(0).max(1).default(0.2),
    /**
     * Length-aware label: a text of W words needs max(1, W / reference_words) times the evidence of a
     * short text for a positive or negative label (`tone` itself is unchanged). 0 turns this off.
     */
    reference_words: z.number().min(0).default(60),
  })
  .strict();

const topicsSchema = z
  .object({
    /** Folds of the cross-validation on the hand-coded sample. */
    folds: z.number().int().min(2).max(20).default(5),
    /** Fewest hand-coded articles needed to train the classifier. */
    min_coded: z.number().int().min(2).default(20),
    /**
     * Weigh codebook hits by how common the category is in the whole corpus (hits / (corpus mean + 1)),
     * so a category nearly every article touches decides the main topic only when an article
     * mentions it more than usual. false: raw hit counts.
     */
    baseline_weighting: z.boolean().default(true),
    /**
     * Rounds of self-training: the classifier codes uncoded articles, adds the most confident (in
     * proportion to the coded sample's label mix, at half weight) and is trained again. 0: off.
     */
    self_training_rounds: z.number().int().min(0).max(10).default(2),
    /** Most machine-coded articles added in self-training. */
    max_pseudo_labeled: z.number().int().min(0).default(1000),
    /**
     * Give the classifier the hits of the bundled news-field lexicon (data/topics/news-fields.yml:
     * sport, economy, media, …) as features, so words no coded article contains still point to a
     * field; the classifier learns from the coded sample which fields go with which of its categories.
     */
    news_fields: z.boolean().default(true),
  })
  .strict();

const scoreSchema = z
  .object({
    tone: toneSchema.prefault({}),
    topics: topicsSchema.prefault({}),
  })
  .strict();

const aggregateSchema = z
  .object({
    /** Length of a period in the municipality tables. */
    period: z.enum(['month', 'quarter', 'year']).default('month'),
    /** Count only articles that match the query (`relevant`). */
    relevant_only: z.boolean().default(true),
    /** Count each copy of a duplicated story (true) or only the first (false). */
    count_duplicates: z.boolean().default(false),
  })
  .strict();

const exploreSchema = z
  .object({
    /** Number of topics. */
    k: z.number().int().min(2).max(100).default(10),
    /** Terms listed per topic and per municipality. */
    top_terms: z.number().int().min(1).max(100).default(10),
    /** Seed of the factorization's starting values. */
    seed: z.number().int().default(1),
    /** Explore only articles that match the query (`relevant`). */
    relevant_only: z.boolean().default(true),
    /** Fewest articles a stem must occur in. */
    min_df: z.number().int().min(1).default(2),
    /** Largest share of articles a stem may occur in. */
    max_df_share: z.number().gt(0).max(1).default(0.5),
    /** Most stems used. */
    max_terms: z.number().int().min(10).default(5000),
    /** Most articles factorized; a larger corpus is sampled evenly (every n-th article), bounding memory. */
    max_articles: z.number().int().min(10).default(20000),
  })
  .strict();

const outputSchema = z
  .object({
    /** `excel-de`: UTF-8 with BOM, `;`, decimal comma, CRLF. `rfc4180`: comma, decimal point, LF. */
    csv_dialect: z.enum(['excel-de', 'rfc4180']).default('excel-de'),
  })
  .strict();

export const configSchema = z
  .object({
    $schema: z.string().optional(),
    ingest: ingestSchema.prefault({}),
    tokenize: tokenizeSchema.prefault({}),
    tag: tagSchema.prefault({}),
    score: scoreSchema.prefault({}),
    aggregate: aggregateSchema.prefault({}),
    explore: exploreSchema.prefault({}),
    output: outputSchema.prefault({}),
  })
  .strict();

export type Config = z.infer<typeof configSchema>;
export type ColumnMap = Config['ingest']['columns'];
export type CsvDialectName = Config['output']['csv_dialect'];
