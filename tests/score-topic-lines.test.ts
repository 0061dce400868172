import { describe, expect, it } from 'vitest';
import type { ArticleScores, ArticleTags } from '../src/records.js';
import { weighCodebookTopics } from '../src/score/process.js';
import { topicHitsOfTagsLine, weighScoreLine } from '../src/score/topic-lines.js';

/** Topic names a user's codebook could have, including ones that look like the record's own keys. */
const TOPICS = [
  'wohnen',
  'Sprache & Bildung',
  'query_hits',
  'topics',
  'topic_shares',
  'a"},{"b',
  'Über{Gänge}',
];

function tags(id: string, hits: number[]): ArticleTags {
  return {
    id,
    words: 412,
    // A place and an actor named like keys of the record, and one with quotes.
    places: { 'Mülheim an der Ruhr': 3, topics: 1 },
    actors: { '"Initiative" Willkommen in Nordkirchen': 2, query_hits: 0, caritas: 1 },
    topics: Object.fromEntries(TOPICS.map((t, i) => [t, hits[i] ?? 0])),
    query_hits: 4,
    relevant: true,
    target_sentences: [0, 3, 7],
  };
}

function scores(id: string, basis: ArticleScores['topic_basis'], topic: string | null): ArticleScores {
  return {
    id,
    words: 412,
    tone: -0.2143,
    tone_label: 'negative',
    tone_positive: 0.35,
    tone_negative: 0.9,
    tone_polarity: -0.55,
    // A term that contains the key the line is cut at.
    tone_terms: [
      { term: 'Brandanschlag', weight: -0.9 },
      { term: ',"topic_shares":{', weight: 0.35 },
    ],
    target_tone: -0.5,
    // Unweighted shares over every topic of the codebook, as the workers write them.
    topic_shares: Object.fromEntries(TOPICS.map((t, i) => [t, i === 0 || i === 3 ? 0.5 : 0])),
    topic,
    topic_confidence: topic ? 0.5 : null,
    topic_basis: basis,
    topic_coded: basis === 'coded' ? 'Sprache "und" Bildung' : null,
  };
}

const baseline = { wohnen: 2.5, 'Sprache & Bildung': 0.4, topics: 1, 'a"},{"b': 0.25, 'Über{Gänge}': 3 };

/** What the pass wrote before: the whole record parsed, weighed and written again. */
const wholeRecord = (scoreLine: string, tagsLine: string): string =>
  `${JSON.stringify(
    weighCodebookTopics(
      JSON.parse(scoreLine) as ArticleScores,
      (JSON.parse(tagsLine) as ArticleTags).topics,
      baseline,
    ),
  )}\n`;

describe('the codebook weighting on line text (score/topic-lines.ts)', () => {
  const cases: Array<[string, ArticleScores, ArticleTags]> = [
    ['codebook', scores('bo-1', 'codebook', 'wohnen'), tags('bo-1', [5, 1, 2, 0, 3, 1, 4])],
    ['none, now with hits', scores('bo-2', 'none', null), tags('bo-2', [0, 0, 0, 2])],
    ['none, still none', scores('bo-3', 'none', null), tags('bo-3', [])],
    ['hand-coded', scores('bo-4', 'coded', 'Sprache & Bildung'), tags('bo-4', [1, 6])],
    ['classifier', scores('bo-5', 'classifier', 'query_hits'), tags('bo-5', [0, 0, 9, 0, 0, 2])],
  ];

  it.each(cases)('gives the line the whole record gave (%s)', (_, score, tag) => {
    const scoreLine = JSON.stringify(score);
    const tagsLine = JSON.stringify(tag);
    expect(topicHitsOfTagsLine(tagsLine)).toEqual(tag.topics);
    const line = weighScoreLine(scoreLine, topicHitsOfTagsLine(tagsLine), baseline);
    expect(line).toBe(wholeRecord(scoreLine, tagsLine));
    // The weighing did something where the codebook decides: shares follow the weighted hits.
    const written = JSON.parse(line) as ArticleScores;
    expect(written.topic_shares).not.toEqual(score.topic_shares);
    expect(written.tone_terms).toEqual(score.tone_terms);
  });

  it('keeps a hand code and a classifier decision, and decides the main topic by the weighted hits', () => {
    const coded = JSON.parse(
      weighScoreLine(JSON.stringify(cases[3]?.[1]), cases[3]?.[2].topics ?? {}, baseline),
    );
    expect([coded.topic, coded.topic_basis]).toEqual(['Sprache & Bildung', 'coded']);
    const classified = JSON.parse(
      weighScoreLine(JSON.stringify(cases[4]?.[1]), cases[4]?.[2].topics ?? {}, baseline),
    );
    expect([classified.topic, classified.topic_basis]).toEqual(['query_hits', 'classifier']);
    // 5 hits of wohnen (mean 2.5) weigh 5/3.5, 3 of topic_shares (mean 0) weigh 3: the latter wins.
    const book = JSON.parse(
      weighScoreLine(JSON.stringify(cases[0]?.[1]), cases[0]?.[2].topics ?? {}, baseline),
    );
    expect([book.topic, book.topic_basis]).toEqual(['topic_shares', 'codebook']);
  });

  it('parses lines of another shape whole, with the same result', () => {
    const score = scores('bo-6', 'codebook', 'wohnen');
    const tag = tags('bo-6', [2, 2, 0, 1]);
    // Keys in another order, as another program might write them.
    const { topic_shares, id, ...rest } = score;
    const reordered = JSON.stringify({ id, topic_shares, ...rest });
    const { topics, ...tagRest } = tag;
    const tagsReordered = JSON.stringify({ topics, ...tagRest });
    expect(topicHitsOfTagsLine(tagsReordered)).toEqual(tag.topics);
    expect(weighScoreLine(reordered, topicHitsOfTagsLine(tagsReordered), baseline)).toBe(
      wholeRecord(reordered, tagsReordered),
    );
    // Spaces after the colons (a pretty printer): no cut matches, the whole line is read.
    const spaced = JSON.stringify(tag).replaceAll('":', '": ');
    expect(topicHitsOfTagsLine(spaced)).toEqual(tag.topics);
  });
});
