import type { Config } from '../config/schema.js';

/** Settings of the topic exploration (proposed config section `explore`). */
export interface ExploreSettings {
  /** Number of topics. */
  k: number;
  /** Terms listed per topic and per municipality. */
  top_terms: number;
  /** Seed of the factorization's starting values. */
  seed: number;
  /** Explore only articles that match the query (`relevant`). */
  relevant_only: boolean;
  /** Fewest articles a stem must occur in. */
  min_df: number;
  /** Largest share of articles a stem may occur in. */
  max_df_share: number;
  /** Most stems used. */
  max_terms: number;
  /** Most articles factorized (a larger corpus is sampled evenly). */
  max_articles: number;
}

export const defaultExploreSettings: ExploreSettings = {
  k: 10,
  top_terms: 10,
  seed: 1,
  relevant_only: true,
  min_df: 2,
  max_df_share: 0.5,
  max_terms: 5000,
  max_articles: 20000,
};

/** The `explore` section of the config when the schema has one, else the defaults. */
export function exploreSettings(config: Config): ExploreSettings {
  const section = (config as Config & { explore?: Partial<ExploreSettings> }).explore;
  return { ...defaultExploreSettings, ...section };
}
