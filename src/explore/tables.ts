import type { Cell } from '../io/csv.js';
import { groupTopicTerms, type TopicExploration } from './topics.js';

export const TOPIC_TERM_COLUMNS = ['topic', 'rank', 'term', 'weight', 'coherence'];
export const MUNICIPALITY_TOPIC_COLUMNS = ['municipality', 'topic', 'articles', 'share', 'top_terms'];

const round = (x: number): number => Math.round(x * 1e4) / 1e4;

/** One row per topic and top term: `explore_topics.csv`; `coherence` is the topic's, on each of its rows. */
export function topicTermRows(exploration: TopicExploration): Cell[][] {
  return exploration.topics.flatMap((t) =>
    t.terms.map((term, i): Cell[] => [
      t.topic,
      i + 1,
      term.term,
      round(term.weight),
      t.coherence === null ? null : round(t.coherence),
    ]),
  );
}

/**
 * One row per municipality and topic: `explore_topics_by_municipality.csv`. `articles` counts the
 * municipality's articles whose largest topic this is, `share` is the topic's mean share in them (the
 * shares of a municipality sum to 1 over the topics) and `top_terms` the words that carry the topic
 * there. `municipalities[r]` belongs to article r of the exploration; null is grouped as `noPlace`.
 */
export function municipalityTopicRows(
  exploration: TopicExploration,
  municipalities: readonly (string | null)[],
  topTerms: number,
  noPlace: string,
): Cell[][] {
  const groups = new Map<string, number[]>();
  municipalities.forEach((name, r) => {
    const key = name ?? noPlace;
    const list = groups.get(key) ?? [];
    list.push(r);
    groups.set(key, list);
  });
  const rows: Cell[][] = [];
  for (const key of [...groups.keys()].sort((a, b) => a.localeCompare(b, 'de'))) {
    const members = groups.get(key) as number[];
    for (const topic of exploration.topics) {
      const t = topic.topic - 1;
      let main = 0;
      let share = 0;
      for (const r of members) {
        const a = exploration.articles[r];
        if (!a) continue;
        if (a.main === topic.topic) main += 1;
        share += a.weights[t] ?? 0;
      }
      const terms = groupTopicTerms(exploration, members, topic.topic, topTerms);
      rows.push([key, topic.topic, main, round(share / members.length), terms.join(', ')]);
    }
  }
  return rows;
}
