import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './config/load.js';
import { consoleLogger } from './runner/log.js';
import { MissingInputError, runStages, type StageOutcome } from './runner/run.js';
import { type StageName, stageOrder } from './runner/stage.js';
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

Options:
  --corpus DIR    corpus folder (default: corpus/)
  --out DIR       output folder (default: output/)
  --config FILE   pipeline config (default: pipeline.config.json; all keys have defaults)
  --codings FILE  hand-coded sample, CSV with id and topic: trains the topic classifier
  --force         run stages even when their inputs and settings are unchanged
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

/** Runs the command line; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
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
  const names: StageName[] | null =
    command === 'run'
      ? stageOrder
      : (stageOrder as string[]).includes(command)
        ? [command as StageName]
        : null;
  if (names === null) {
    process.stderr.write(`unknown command "${command}"\n\n${HELP}`);
    return 2;
  }
  const log = consoleLogger();
  try {
    const configFile = typeof values.config === 'string' ? values.config : 'pipeline.config.json';
    const loaded = loadConfig(configFile, { explicit: typeof values.config === 'string' });
    const outDir = path.resolve(String(values.out));
    const outcomes = await runStages(names, {
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
  }
}
