/**
 * Deterministic generator of the fictional sample corpus (German local news on refugees in eight
 * municipalities of North Rhine-Westphalia, 2015–2016). No Math.random, no clock: same seed, same bytes.
 *
 *   npx tsx scripts/generate-corpus.ts
 *       writes corpus/ and tests/fixtures/corpus-expected.json + corpus-truth.csv
 *   npx tsx scripts/generate-corpus.ts --out DIR --articles N [--format jsonl|csv|html|txt|mixed] [--seed S]
 *       writes N benchmark articles (~300–600 words each) as a stream
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BENCH_FORMATS, type BenchFormat, type BenchResult, generateBench } from './corpus/bench.js';
import { buildBundle, type Expected, truthCsv, writeBundle } from './corpus/bundle.js';

export const DEFAULT_SEED = 'lokalpresse-2015-2016';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface GenerateOptions {
  /** Output directory. */
  out: string;
  /** Benchmark mode: number of articles. Absent: the bundled sample corpus. */
  articles?: number;
  /** Benchmark format (default jsonl). */
  format?: BenchFormat;
  seed?: string;
  /** Bundled mode: where corpus-expected.json and corpus-truth.csv go; null writes none. */
  fixtures?: string | null;
}

export type GenerateResult =
  | { mode: 'bundle'; files: string[]; expected: Expected }
  | ({ mode: 'bench' } & BenchResult);

export async function generateCorpus(opts: GenerateOptions): Promise<GenerateResult> {
  const seed = opts.seed ?? DEFAULT_SEED;
  if (opts.articles !== undefined) {
    const result = await generateBench({
      out: opts.out,
      articles: opts.articles,
      format: opts.format ?? 'jsonl',
      seed,
    });
    return { mode: 'bench', ...result };
  }
  const { files, expected, truth } = buildBundle(seed);
  const written = writeBundle(opts.out, files);
  if (opts.fixtures) {
    mkdirSync(opts.fixtures, { recursive: true });
    writeFileSync(path.join(opts.fixtures, 'corpus-expected.json'), `${JSON.stringify(expected, null, 2)}\n`);
    writeFileSync(path.join(opts.fixtures, 'corpus-truth.csv'), truthCsv(truth));
  }
  return { mode: 'bundle', files: written, expected };
}

export function parseArgs(argv: string[]): GenerateOptions {
  const opts: GenerateOptions = {
    out: path.join(repoRoot, 'corpus'),
    fixtures: path.join(repoRoot, 'tests', 'fixtures'),
  };
  let outGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new Error(`${arg} needs a value`);
      return v;
    };
    switch (arg) {
      case '--out':
        opts.out = path.resolve(value());
        outGiven = true;
        break;
      case '--articles': {
        const n = Number(value());
        if (!Number.isInteger(n) || n < 1) throw new Error('--articles must be a positive integer');
        opts.articles = n;
        break;
      }
      case '--format': {
        const f = value();
        if (!BENCH_FORMATS.includes(f as BenchFormat))
          throw new Error(`--format must be one of ${BENCH_FORMATS.join(', ')}`);
        opts.format = f as BenchFormat;
        break;
      }
      case '--seed':
        opts.seed = value();
        break;
      case '--fixtures':
        opts.fixtures = path.resolve(value());
        break;
      case '--no-fixtures':
        opts.fixtures = null;
        break;
      default:
        throw new Error(`unknown argument ${arg}`);
    }
  }
  if (opts.format && opts.articles === undefined) throw new Error('--format needs --articles');
  // A bundled corpus written elsewhere does not overwrite the committed fixtures unless asked to.
  if (outGiven && opts.articles === undefined && !argv.includes('--fixtures')) opts.fixtures = null;
  return opts;
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const result = await generateCorpus(opts);
  if (result.mode === 'bundle') {
    const e = result.expected;
    console.log(
      `wrote ${result.files.length} files (${e.articles} articles, ${e.rejected.length} rejected inputs) to ${opts.out}`,
    );
  } else {
    console.log(
      `wrote ${result.articles} articles (${result.words} words) in ${result.files} files to ${opts.out}`,
    );
  }
}

const invoked = process.argv[1] ? pathToFileURL(path.resolve(process.argv[1])).href : '';
if (import.meta.url === invoked) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  });
}
