import type { Config } from '../config/schema.js';

/** Settings of the topic exploration: the config's `explore` section (defaults in the schema). */
export type ExploreSettings = Config['explore'];

/** The `explore` section of the config. */
export function exploreSettings(config: Config): ExploreSettings {
  return config.explore;
}
