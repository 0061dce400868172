export {
  defaultTopicModelOptions,
  type FittedWeights,
  fitWithSelfTraining,
  type PreparedTopicModel,
  predictTopic,
  prepareTopicModel,
  pseudoLabels,
  type TopicModel,
  type TopicModelOptions,
  type TopicPrediction,
  type TopicSample,
  type TrainingContext,
  trainTopicClassifier,
} from './classifier.js';
export { type CodebookTopics, codebookKeys, codebookTopics, defaultCodebookFile } from './codebook.js';
export { type CrossValidation, crossValidate, stratifiedFolds } from './crossval.js';
export {
  defaultNewsFieldsFile,
  fieldHits,
  loadNewsFields,
  type NewsFieldLexicon,
  newsFieldLexicon,
} from './fields.js';
