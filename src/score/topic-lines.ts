/**
 * The codebook-weighting pass of score (`weighTopics` in stage.ts) on the text of the lines: the
 * topic hits are cut out of a `tags.jsonl` line and the topic fields at the end of a score line are
 * rewritten, so that only those small parts are parsed and written instead of both whole records.
 *
 * Why the cuts are safe: the lines are written by JSON.stringify, which escapes every quote inside a
 * string, so `,"topics":{` and the like occur only as keys. The fields are in the order records.ts
 * declares them; in `ArticleTags` the objects before `topics` (places, actors) hold numbers, so their
 * keys never open an object, and only numbers and booleans follow `query_hits`; in `ArticleScores` no
 * object with keys of the user's vocabularies comes before `topic_shares`. A line that is not so
 * shaped (written by another program) is parsed whole, with the same result.
 */
import type { ArticleScores, ArticleTags } from '../records.js';
import { weighCodebookTopics } from './process.js';

const TOPICS_KEY = ',"topics":{';
const AFTER_TOPICS = ',"query_hits":';
const SHARES_KEY = ',"topic_shares":{';
/** The keys of a score line from `topic_shares` on, in order. */
const TOPIC_FIELDS = ['topic_shares', 'topic', 'topic_confidence', 'topic_basis', 'topic_coded'];

type TopicFields = Pick<
  ArticleScores,
  'topic_shares' | 'topic' | 'topic_confidence' | 'topic_basis' | 'topic_coded'
>;

const isCounts = (value: unknown): value is Record<string, number> =>
  value !== null &&
  typeof value === 'object' &&
  !Array.isArray(value) &&
  Object.values(value).every((v) => typeof v === 'number');

/** The codebook topic hits of a `tags.jsonl` line (without its newline). */
export function topicHitsOfTagsLine(line: string): Record<string, number> {
  const start = line.indexOf(TOPICS_KEY);
  const end = line.lastIndexOf(AFTER_TOPICS);
  if (start >= 0 && end > start) {
    try {
      const hits: unknown = JSON.parse(line.slice(start + TOPICS_KEY.length - 1, end));
      if (isCounts(hits)) return hits;
    } catch {
      // Not shaped as expected: parsed whole below.
    }
  }
  return (JSON.parse(line) as ArticleTags).topics;
}

/** The topic fields of a score line, or null when the line does not end with them as expected. */
function topicFieldsOf(line: string, at: number): TopicFields | null {
  if (at < 0) return null;
  try {
    const fields = JSON.parse(`{${line.slice(at + 1)}`) as TopicFields;
    const keys = Object.keys(fields);
    return keys.length === TOPIC_FIELDS.length && keys.every((k, i) => k === TOPIC_FIELDS[i]) ? fields : null;
  } catch {
    return null;
  }
}

/**
 * A `scores.jsonl` line (with its newline) from an unweighted score line (without one) and the
 * article's topic hits: exactly the line `weighCodebookTopics` on the parsed record would give.
 */
export function weighScoreLine(
  line: string,
  hits: Record<string, number>,
  baseline: Record<string, number>,
): string {
  const at = line.indexOf(SHARES_KEY);
  const fields = topicFieldsOf(line, at);
  if (!fields)
    return `${JSON.stringify(weighCodebookTopics(JSON.parse(line) as ArticleScores, hits, baseline))}\n`;
  weighCodebookTopics(fields, hits, baseline);
  return `${line.slice(0, at)},${JSON.stringify(fields).slice(1)}\n`;
}
