import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './config/load.js';
import { abortOpenFiles } from './io/atomic.js';
import { dialects } from './io/csv.js';
import { writeFileAtomic } from './io/write-file.js';
import { boundHeaps } from './runner/heap-limits.js';
import { consoleLogger } from './runner/log.js';
import { interruptedStage, MissingInputError, runStages, type StageOutcome } from './runner/run.js';
import { parseShard } from './runner/shard.js';
import { allStages, type StageName, stageOrder } from './runner/stage.js';
import type { AgreementReport } from './validate/agreement.js';
import { readValidationSummary } from './validate/summary.js';
import { version } from './version.js';

const HELP = `lokalpresse ${version} — local news coverage per municipality and period

Usage: lokalpresse <command> [options]

Commands:
  run         run every stage: ingest, tokenize, tag, score, aggregate
  ingest      read the corpus into articles.jsonl and rejected.csv
  tokenize    split sentences and tokens (tokens.jsonl)
  tag         look up places, actors, topics, query terms (tags.jsonl)
  score       tone, target tone and topics per article (scores.jsonl)
  aggregate   articles.csv, municipality_period.csv and the other tables
  report      render report.html from the tables (always re-renders)
  explore     unsupervised topics (NMF) to help build the codebook: explore_topics*.csv
  validate    compare topic and tone with hand codes (--codings FILE): validation.csv
  merge DIR…  merge the --out folders of sharded runs into --out, then score, aggregate, report

Options:
  --corpus DIR    corpus folder (default: corpus/)
  --out DIR       output folder (default: output/)
  --config FILE   pipeline config (default: pipeline.config.json; all keys have defaults)
  --codings FILE  hand-coded sample, CSV with id and topic: trains the topic classifier
  --force         run stages even when their inputs and settings are unchanged
  --workers N     worker threads for tokenize, tag and score (default: one per core)
  --shard i/n     this machine's part of a corpus split over n machines (0 ≤ i < n): run does
                  ingest, tokenize and tag on the files of part i; then \`lokalpresse merge\`
  --help          this text

A stage whose inputs and settings are unchanged is skipped. Re-run one stage after changing its
dictionary or setting, e.g. \`lokalpresse score\`; later stages then see changed inputs on the next run.
`;

function summary(outcomes: StageOutcome[], outDir: string): string {
  const ingest = outcomes.find((o) => o.stage === 'ingest');
  const lines: string[] = [];
  if (ingest) {
    const { in: inputs, out, rejected } = ingest.result;
    const ok = out + rejected === inputs ? 'they add up' : 'MISMATCH';
    lines.push(`${inputs} inputs -> ${out} articles + ${rejected} rejected (${ok}); outputs in ${outDir}`);
  }
  return lines.join('\n');
}

type Values = ReturnType<typeof parseArgs>['values'];

const pct = (x: number): string => (Number.isFinite(x) ? x.toFixed(3) : 'n/a');

function describe(what: string, r: AgreementReport): string {
  const lines = [
    `${what}: n=${r.n}, accuracy ${pct(r.accuracy)}, macro-F1 ${pct(r.macroF1)}, Krippendorff's alpha (${r.level}) ${pct(r.alpha)} [95% CI ${pct(r.alphaCI[0])}, ${pct(r.alphaCI[1])}]`,
    ...r.perCategory.map(
      (c) =>
        `  ${c.category.padEnd(16)} P ${pct(c.precision)}  R ${pct(c.recall)}  F1 ${pct(c.f1)}  (${c.support} hand-coded)`,
    ),
  ];
  return lines.join('\n');
}

/** `lokalpresse validate --codings FILE`: automatic codes against hand codes. */
async function validate(values: Values): Promise<number> {
  if (typeof values.codings !== 'string') {
    process.stderr.write('validate needs --codings FILE (a CSV with id and topic and/or tone)\n');
    return 2;
  }
  const loaded = loadConfig(typeof values.config === 'string' ? values.config : 'pipeline.config.json', {
    explicit: typeof values.config === 'string',
  });
  const outDir = path.resolve(String(values.out));
  // Imported here, like each stage's code when it runs: other commands need not load it.
  const { validateOutputs } = await import('./validate/validate-outputs.js');
  const result = await validateOutputs(outDir, values.codings, dialects[loaded.config.output.csv_dialect]);
  if (!result.topic && !result.tone) {
    process.stderr.write(
      `${values.codings}: none of its ids has a topic or tone code that matches an article in ${outDir}\n`,
    );
    return 2;
  }
  const out: string[] = [];
  if (result.topic) out.push(describe('Topic', result.topic));
  if (result.trainingExcluded > 0) {
    out.push(
      `  (${result.trainingExcluded} hand-coded articles were left out of the topic comparison: the classifier was trained on them; its cross-validated figures are in run.json)`,
    );
  }
  if (result.tone) out.push(describe('Tone', result.tone));
  if (result.unknownIds > 0)
    out.push(`${result.unknownIds} coded ids are not in the output and were ignored.`);
  out.push(
    '',
    'For the methods section:',
    result.paragraph,
    '',
    `Written: ${path.join(outDir, 'validation.csv')}`,
  );
  process.stdout.write(`${out.join('\n')}\n`);
  const runJson = path.join(outDir, 'run.json');
  if (existsSync(runJson)) {
    const run = JSON.parse(readFileSync(runJson, 'utf8')) as Record<string, unknown>;
    run.validation = readValidationSummary(outDir);
    writeFileAtomic(runJson, `${JSON.stringify(run, null, 2)}\n`);
  }
  if (existsSync(path.join(outDir, 'municipality_period.csv'))) {
    await runStages(['report'], {
      corpusDir: path.resolve(String(values.corpus)),
      outDir,
      config: loaded.config,
      configDir: loaded.dir,
      codingsFile: null,
      force: true,
      log: consoleLogger(),
    });
  }
  return 0;
}

/** `lokalpresse merge --out OUT SHARD_DIR…`: one output folder from sharded runs. */
async function merge(values: Values, dirs: string[]): Promise<number> {
  if (dirs.length === 0) {
    process.stderr.write(
      'merge needs the --out folders of the sharded runs: lokalpresse merge --out OUT DIR…\n',
    );
    return 2;
  }
  const loaded = loadConfig(typeof values.config === 'string' ? values.config : 'pipeline.config.json', {
    explicit: typeof values.config === 'string',
  });
  const outDir = path.resolve(String(values.out));
  const { mergeShards } = await import('./merge/merge-shards.js');
  const merged = await mergeShards(
    dirs.map((d) => path.resolve(d)),
    outDir,
    loaded.config,
  );
  const log = consoleLogger();
  log.info(
    `merge: ${dirs.length} shards -> ${merged.articles} articles + ${merged.rejected} rejected (${merged.duplicates} marked as duplicates)`,
  );
  await runStages(['score', 'aggregate', 'report'], {
    corpusDir: path.resolve(String(values.corpus)),
    outDir,
    config: loaded.config,
    configDir: loaded.dir,
    codingsFile: typeof values.codings === 'string' ? path.resolve(values.codings) : null,
    force: true,
    log,
  });
  process.stdout.write(
    `${merged.articles + merged.rejected} inputs -> ${merged.articles} articles + ${merged.rejected} rejected; outputs in ${outDir}\n`,
  );
  return 0;
}

/** Runs the command line; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  boundHeaps();
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        corpus: { type: 'string', default: 'corpus' },
        out: { type: 'string', default: 'output' },
        config: { type: 'string' },
        codings: { type: 'string' },
        force: { type: 'boolean', default: false },
        workers: { type: 'string' },
        shard: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const command = positionals[0] ?? 'run';
  if (values.help || command === 'help') {
    process.stdout.write(HELP);
    return 0;
  }
  if (typeof values.workers === 'string') {
    if (!/^[1-9]\d*$/.test(values.workers)) {
      process.stderr.write(`--workers expects a whole number of at least 1, got "${values.workers}"\n`);
      return 2;
    }
    process.env.LOKALPRESSE_WORKERS = values.workers;
  }
  if (command === 'validate') return validate(values);
  if (command === 'merge') return merge(values, positionals.slice(1));
  const names: StageName[] | null =
    command === 'run'
      ? stageOrder
      : (allStages as string[]).includes(command)
        ? [command as StageName]
        : null;
  if (names === null) {
    process.stderr.write(`unknown command "${command}"\n\n${HELP}`);
    return 2;
  }
  const log = consoleLogger();
  const onInterrupt = (): void => {
    const stage = interruptedStage();
    const dropped = abortOpenFiles();
    const what = stage
      ? `stopped during ${stage}; its partial files were removed (${dropped.map((f) => path.basename(f)).join(', ') || 'none open'}). Outputs of the stages that finished are kept; the next run starts again at ${stage}.`
      : 'stopped; nothing was being written.';
    process.stderr.write(`\ninterrupted: ${what}\n`);
    process.exit(130);
  };
  process.once('SIGINT', onInterrupt);
  process.once('SIGTERM', onInterrupt);
  try {
    const configFile = typeof values.config === 'string' ? values.config : 'pipeline.config.json';
    const loaded = loadConfig(configFile, { explicit: typeof values.config === 'string' });
    const outDir = path.resolve(String(values.out));
    const shard = typeof values.shard === 'string' ? parseShard(values.shard) : null;
    if (shard && command === 'run') {
      log.info(
        `shard ${shard.index}/${shard.count}: ingest, tokenize and tag; merge the shards with \`lokalpresse merge\``,
      );
    }
    const outcomes = await runStages(shard && command === 'run' ? ['ingest', 'tokenize', 'tag'] : names, {
      shard,
      corpusDir: path.resolve(String(values.corpus)),
      outDir,
      config: loaded.config,
      configDir: loaded.dir,
      codingsFile: typeof values.codings === 'string' ? path.resolve(values.codings) : null,
      force: values.force === true || command === 'report',
      log,
    });
    const text = summary(outcomes, outDir);
    if (text) process.stdout.write(`${text}\n`);
    return 0;
  } catch (error) {
    if (error instanceof ConfigError || error instanceof MissingInputError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  } finally {
    process.off('SIGINT', onInterrupt);
    process.off('SIGTERM', onInterrupt);
  }
}
