/**
 * Measures supervised topic coding the way a user gets it: the topics dev set becomes a CSV corpus
 * (`id,text`), a stratified part of it is the hand-coded sample (`id,topic`), and
 * `lokalpresse run --codings` codes the rest; accuracy and macro-F1 of `topic` in articles.csv on the
 * uncoded articles, for 50% and 70% coded and three seeds each.
 *
 *   npm run eval:topics -- --data ../shared/devsets
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { devsetDir, readArticlesCsv, readJsonlFile, runPipeline, scratchDir } from './eval/pipeline.js';
import { fmt, mean, scoreSplit, stratifiedSplit } from './eval/topics-score.js';

interface LabelledArticle {
  id: string | number;
  label: string;
  text: string;
}

const argv = process.argv.slice(2);
const dir = devsetDir(argv, 'topics');
const articles = readJsonlFile<LabelledArticle>(path.join(dir, 'articles.jsonl'));
const corpus = scratchDir('topics');
writeFileSync(
  path.join(corpus, 'articles.csv'),
  stringify([['id', 'text'], ...articles.map((a) => [String(a.id), a.text])]),
);
const labels = articles.map((a) => a.label);
const started = Date.now();
console.log(
  `Topics (topics dev set, ${articles.length} articles as a CSV corpus through \`lokalpresse run --codings\`)`,
);
for (const share of [0.5, 0.7]) {
  const acc: number[] = [];
  const f1: number[] = [];
  for (const seed of [1, 2, 3]) {
    const split = stratifiedSplit(labels, share, seed);
    const codings = path.join(corpus, `codings-${share}-${seed}.csv`);
    writeFileSync(
      codings,
      stringify([
        ['id', 'topic'],
        ...split.coded.map((i) => [String(articles[i]?.id), articles[i]?.label ?? '']),
      ]),
    );
    const { outDir } = await runPipeline(corpus, ['ingest', 'tokenize', 'tag', 'score', 'aggregate'], {
      codings,
    });
    const topic = new Map(readArticlesCsv(outDir).map((r) => [r.id ?? '', r.topic ?? null]));
    const uncoded = split.uncoded.map((i) => articles[i] as LabelledArticle);
    const s = scoreSplit(
      uncoded.map((a) => a.label),
      uncoded.map((a) => topic.get(String(a.id)) ?? null),
    );
    acc.push(s.accuracy);
    f1.push(s.macroF1);
    console.log(
      `  ${share * 100}% coded, seed ${seed}: accuracy ${fmt(s.accuracy)}, macro-F1 ${fmt(s.macroF1)} on ${uncoded.length} uncoded`,
    );
  }
  console.log(
    `${share * 100}% coded, mean of 3 seeds: accuracy ${fmt(mean(acc))}, macro-F1 ${fmt(mean(f1))}`,
  );
}
console.log(`6 pipeline runs in ${((Date.now() - started) / 1000).toFixed(0)} s`);
