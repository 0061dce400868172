/**
 * Per-function CPU cost of ingest analysis and of the tag stage, single thread, in ms per 1,000
 * articles. Reads a generated JSONL corpus (or any file ingest reads), runs each part on every article
 * and reports the best of `--repeat` passes in CPU time of this process (the machine is shared: CPU
 * time and the minimum are the least noisy).
 *
 *   npx tsx scripts/generate-corpus.ts --out /tmp/x --articles 5000 --format jsonl
 *   npx tsx scripts/bench/ingest-parts.ts --input /tmp/x/articles.jsonl [--articles N] [--repeat 3]
 *       [--dump FILE]   writes every result (municipality, language, duplicate, tags) as JSON lines,
 *                       to compare two versions of the code with `cmp`
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseConfig } from '../../src/config/load.js';
import { compileDictionary, countHits, findHits, loadDictionary } from '../../src/dictionary/index.js';
import { countWords } from '../../src/ingest/analyze.js';
import * as dup from '../../src/ingest/duplicates.js';
import { detectLanguage } from '../../src/ingest/language.js';
import * as municipality from '../../src/ingest/municipality.js';
import { readInputFile } from '../../src/ingest/read-file.js';
import { parseTokensLine } from '../../src/io/tokens-codec.js';
import { dataPath } from '../../src/paths.js';
import type { ArticleTokens, Token } from '../../src/records.js';
import { createProcessor as createTagProcessor } from '../../src/tag/process.js';
import { createProcessor as createTokenizeProcessor } from '../../src/tokenize/process.js';

interface Args {
  input: string;
  articles: number;
  repeat: number;
  dump: string | null;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { input: '', articles: Number.POSITIVE_INFINITY, repeat: 3, dump: null };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1] ?? '';
    if (flag === '--input') args.input = value;
    else if (flag === '--articles') args.articles = Number(value);
    else if (flag === '--repeat') args.repeat = Number(value);
    else if (flag === '--dump') args.dump = value;
    else throw new Error(`unknown argument ${flag}`);
    i++;
  }
  if (!args.input)
    throw new Error('usage: ingest-parts.ts --input FILE [--articles N] [--repeat R] [--dump FILE]');
  return args;
}

const args = parseArgs(process.argv.slice(2));
const config = parseConfig({}, '(defaults)');
const drafts = (
  await readInputFile(args.input, { columns: config.ingest.columns, delimiter: 'auto' })
).drafts.slice(0, args.articles);
const n = drafts.length;
const fulls = drafts.map((d) => `${d.title}\n${d.text}`);
const { assignMunicipality, compilePlaces, findPlaceMentions, parsePlaceConfig } = municipality;
const gazetteer = compilePlaces(
  parsePlaceConfig(JSON.parse(readFileSync(dataPath('municipalities.json'), 'utf8'))),
);
const opts = { ...dup.DEFAULT_DUPLICATE_OPTIONS, ...config.ingest.duplicates };
const sign = dup.signTexts(opts);

/** CPU time (user + system) of this process so far, in ms. */
const cpuMs = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

const rows: Array<[string, number]> = [];
/** Runs `part` over all articles `repeat` times; records the best pass in ms per 1,000 articles. */
function time<T>(name: string, part: (i: number) => T): T[] {
  let best = Number.POSITIVE_INFINITY;
  let out: T[] = [];
  for (let r = 0; r < args.repeat; r++) {
    const results: T[] = new Array(n);
    const t0 = cpuMs();
    for (let i = 0; i < n; i++) results[i] = part(i);
    best = Math.min(best, cpuMs() - t0);
    out = results;
  }
  rows.push([name, (best / n) * 1000]);
  return out;
}

// --- ingest analysis
time('countWords', (i) => countWords(drafts[i]?.text ?? ''));
const places = time('assignMunicipality (metadata as given)', (i) => {
  const d = drafts[i];
  if (!d) return null;
  return assignMunicipality(
    gazetteer,
    { metadata: d.municipalityField, source: d.source, title: d.title, text: d.text },
    {},
  ).municipality;
});
const placesByText = time('assignMunicipality (from text)', (i) => {
  const d = drafts[i];
  if (!d) return null;
  return assignMunicipality(gazetteer, { metadata: null, source: null, title: d.title, text: d.text }, {})
    .municipality;
});
const languages = time('detectLanguage', (i) => detectLanguage(fulls[i] ?? ''));
const words = time('normalizeWords', (i) => dup.normalizeWords(fulls[i] ?? ''));
time('shingleHashes', (i) => dup.shingleHashes(words[i] ?? [], opts.shingle));
const signed = time('signTexts (whole)', (i) => sign(fulls[i] ?? ''));
let duplicates: Array<string | null> = [];
{
  // register is stateful: one fresh finder per pass.
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < args.repeat; r++) {
    const finder = dup.createDuplicateFinder(opts);
    const out: Array<string | null> = new Array(n);
    const t0 = cpuMs();
    for (let i = 0; i < n; i++) out[i] = finder.register(`a${i}`, signed[i] as dup.TextSignature);
    best = Math.min(best, cpuMs() - t0);
    duplicates = out;
  }
  rows.push(['duplicates register', (best / n) * 1000]);
}

// --- tag
const tokenize = createTokenizeProcessor({ extraStopwords: [] });
const tokenLines = drafts.map((d, i) =>
  tokenize([JSON.stringify({ id: `a${i}`, title: d.title, text: d.text })]).trimEnd(),
);
const docs = time('parseTokensLine', (i) => parseTokensLine(tokenLines[i] ?? '')) as ArticleTokens[];
const surface = (sentences: Token[][]): string =>
  sentences.map((s) => s.map((t) => t.text).join(' ')).join('\n');
time('findPlaceMentions (surface text)', (i) =>
  findPlaceMentions(gazetteer, surface(docs[i]?.sentences ?? [])),
);
// Entry points added by later versions are timed when present, so that one script measures both.
const fromSentences = (municipality as Record<string, unknown>).findPlaceMentionsInSentences as
  | ((g: typeof gazetteer, sentences: Token[][]) => Record<string, number>)
  | undefined;
if (fromSentences)
  time('findPlaceMentionsInSentences', (i) => fromSentences(gazetteer, docs[i]?.sentences ?? []));
const dict = (name: string) => compileDictionary(loadDictionary(dataPath(name)), { compounds: true });
const query = dict('query.yml');
const actors = dict('actors.yml');
const codebook = dict('codebook.yml');
const targets = dict('targets.yml');
time('countHits query', (i) => countHits(query, docs[i]?.sentences ?? []));
time('countHits actors', (i) => countHits(actors, docs[i]?.sentences ?? []));
time('countHits codebook', (i) => countHits(codebook, docs[i]?.sentences ?? []));
time('findHits targets', (i) => (docs[i]?.sentences ?? []).map((s) => findHits(targets, s).length));
const tag = createTagProcessor({
  files: {
    query: dataPath('query.yml'),
    actors: dataPath('actors.yml'),
    codebook: dataPath('codebook.yml'),
    targets: dataPath('targets.yml'),
    places: dataPath('municipalities.json'),
  },
  minQueryHits: 1,
});
const tagLines = time('tag processor (whole line)', (i) => tag([tokenLines[i] ?? '']));

console.log(`${n} articles from ${args.input}, best of ${args.repeat}; CPU ms per 1,000 articles`);
for (const [name, ms] of rows) console.log(`${name.padEnd(40)} ${ms.toFixed(1).padStart(8)}`);
console.log(`duplicates found: ${duplicates.filter((d) => d !== null).length}`);

if (args.dump) {
  const lines = drafts.map((_, i) =>
    JSON.stringify({
      place: places[i],
      placeByText: placesByText[i],
      language: languages[i],
      duplicate: duplicates[i],
      tags: tagLines[i]?.trimEnd(),
    }),
  );
  writeFileSync(args.dump, `${lines.join('\n')}\n`);
}
