/**
 * Measures tone on the tone dev set the way a user would get it: every sentence becomes one
 * article of a CSV corpus (`id,text`), the whole pipeline runs with the project's config, and
 * `tone_label` in articles.csv is compared with the gold polarity.
 *
 *   npm run eval:tone -- --data ../shared/devsets [--band LO,HI]
 *
 * `--band` overrides `score.tone.neutral_band` of pipeline.config.json for this run (to check a band
 * before writing it into the config).
 * (`scripts/tune-tone.ts` explores lexicon and negation settings directly, without the pipeline.)
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import {
  argValue,
  devsetDir,
  readArticlesCsv,
  readJsonlFile,
  runPipeline,
  scratchDir,
} from './eval/pipeline.js';
import { evaluateTone, formatEvaluation, halfOf, TONE_LABELS, type ToneLabel } from './eval/tone-score.js';

interface Sentence {
  id: string | number;
  text: string;
  polarity: ToneLabel;
}

const argv = process.argv.slice(2);
const dir = devsetDir(argv, 'tone');
const sentences = readJsonlFile<Sentence>(path.join(dir, 'sentences.jsonl'));
const corpus = scratchDir('tone');
writeFileSync(
  path.join(corpus, 'sentences.csv'),
  stringify([['id', 'text'], ...sentences.map((s) => [String(s.id), s.text])]),
);
const bandArg = argValue(argv, 'band', '');
const band = bandArg === '' ? null : bandArg.split(',').map(Number);
if (band && (band.length !== 2 || band.some((x) => !Number.isFinite(x)))) {
  console.error('--band LO,HI: two numbers, e.g. --band -0.3,0.09');
  process.exit(2);
}
const { outDir, config } = await runPipeline(corpus, ['ingest', 'tokenize', 'tag', 'score', 'aggregate'], {
  configure: (c) => {
    if (band) c.score.tone.neutral_band = [band[0] as number, band[1] as number];
  },
});
const labels = new Map(readArticlesCsv(outDir).map((r) => [r.id ?? '', r.tone_label as ToneLabel]));
const missing = sentences.filter((s) => !labels.has(String(s.id))).length;
const evaluate = (subset: Sentence[]) =>
  evaluateTone(
    subset.map((s) => s.polarity),
    subset.map((s) => labels.get(String(s.id)) ?? 'neutral'),
  );
console.log(`Tone (tone dev set, ${sentences.length} sentences as a CSV corpus through \`lokalpresse run\`)`);
console.log(
  `neutral band ${JSON.stringify(config.score.tone.neutral_band)}; sentences without an article: ${missing}`,
);
console.log(formatEvaluation(evaluate(sentences)));
for (const half of ['a', 'b'] as const) {
  const e = evaluate(sentences.filter((s) => halfOf(String(s.id)) === half));
  console.log(`half ${half}: macro-F1 ${e.macroF1.toFixed(3)}`);
}
void TONE_LABELS;
