export { type ExploreSettings, exploreSettings } from './settings.js';
export { EXPLORE_OUTPUTS } from './spec.js';
export { exploreStage, runExplore } from './stage.js';
export {
  MUNICIPALITY_TOPIC_COLUMNS,
  municipalityTopicRows,
  TOPIC_TERM_COLUMNS,
  topicTermRows,
} from './tables.js';
export {
  type ArticleTopics,
  type ExploreDoc,
  type ExploredTopic,
  type ExploreOptions,
  exploreTopics,
  groupTopicTerms,
  type TopicExploration,
  type TopicTerm,
} from './topics.js';
