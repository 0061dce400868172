export { type AgreementOptions, type AgreementReport, agreementReport, bootstrapAlpha } from './agreement.js';
export { krippendorffAlpha, type MeasurementLevel } from './alpha.js';
export { methodsParagraph, type ReportOf } from './methods.js';
export {
  type CategoryScore,
  type ClassificationScores,
  type ConfusionMatrix,
  classificationScores,
  NO_CODE,
} from './metrics.js';
