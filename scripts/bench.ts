/**
 * Benchmark: writes N generated articles to a temporary folder, measures the floor (stream the files
 * and split them into words) and a full pipeline run through the built CLI, and prints a markdown
 * table of per-stage throughput, end-to-end time, peak memory and the ratios to the floor.
 *
 *   npm run build && npm run bench -- --articles N [--format jsonl|csv|html|txt|mixed] [--keep]
 *
 * `--keep` leaves the corpus and the output folder in place (their paths are printed).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureFloor } from './bench/floor.js';
import { runPipeline } from './bench/pipeline.js';
import { benchTable } from './bench/table.js';
import { BENCH_FORMATS, type BenchFormat } from './corpus/bench.js';
import { generateCorpus } from './generate-corpus.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface Args {
  articles: number;
  format: BenchFormat;
  keep: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { articles: 3000, format: 'jsonl', keep: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = argv[i + 1];
    if (a === '--articles' && v) {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1) throw new Error('--articles must be a positive integer');
      args.articles = n;
      i++;
    } else if (a === '--format' && v) {
      if (!BENCH_FORMATS.includes(v as BenchFormat))
        throw new Error(`--format must be one of ${BENCH_FORMATS.join(', ')}`);
      args.format = v as BenchFormat;
      i++;
    } else if (a === '--keep') args.keep = true;
    else throw new Error(`unknown or incomplete argument: ${a}`);
  }
  return args;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const work = mkdtempSync(path.join(tmpdir(), 'lokalpresse-bench-'));
  const corpus = path.join(work, 'corpus');
  const out = path.join(work, 'out');
  try {
    process.stderr.write(`writing ${args.articles} ${args.format} articles to ${corpus} …\n`);
    await generateCorpus({ out: corpus, articles: args.articles, format: args.format, fixtures: null });
    process.stderr.write('floor: streaming and splitting the corpus …\n');
    const floor = await measureFloor(corpus);
    process.stderr.write('pipeline: lokalpresse run --force …\n');
    const pipeline = await runPipeline(root, corpus, out);
    console.log(
      benchTable({
        articles: args.articles,
        format: args.format,
        floor,
        pipeline,
        cores: availableParallelism(),
        node: process.version,
      }),
    );
    if (args.keep) console.log(`\ncorpus: ${corpus}\noutput: ${out}`);
  } finally {
    if (!args.keep) rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
