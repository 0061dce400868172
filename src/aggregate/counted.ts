import type { Config } from '../config/schema.js';
import type { Article, ArticleTags } from '../records.js';

/** The settings that decide which articles the tables count. */
export type CountSettings = Pick<Config['aggregate'], 'relevant_only' | 'count_duplicates'>;

/**
 * Whether an article enters the municipality × period sums, keyness and kwic: relevant (when
 * `relevant_only`) and a first copy (unless `count_duplicates`). `articles.csv` lists every article.
 */
export function isCounted(
  a: Pick<Article, 'duplicate_of'>,
  t: Pick<ArticleTags, 'relevant'>,
  s: CountSettings,
): boolean {
  if (s.relevant_only && !t.relevant) return false;
  return s.count_duplicates || a.duplicate_of === null;
}
