/**
 * Runs the real pipeline for the eval scripts: the same stages, config and outputs a user gets.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { loadConfig } from '../../src/config/load.js';
import type { Config } from '../../src/config/schema.js';
import { packageRoot } from '../../src/paths.js';
import type { Article } from '../../src/records.js';
import { consoleLogger } from '../../src/runner/log.js';
import { runStages } from '../../src/runner/run.js';
import type { StageName } from '../../src/runner/stage.js';

/** `--data DIR` (default `../shared/devsets`) and other `--key value` flags. */
export function argValue(argv: string[], name: string, fallback: string): string {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? (argv[i + 1] as string) : fallback;
}

/** The dev-set folder, or exit with a clear message when it is absent. */
export function devsetDir(argv: string[], sub: string): string {
  const data = path.resolve(argValue(argv, 'data', '../shared/devsets'));
  const dir = path.join(data, sub);
  if (!existsSync(dir)) {
    console.log(`skipped: ${dir} not found (pass --data DIR with the dev sets)`);
    process.exit(0);
  }
  return dir;
}

/** Folders made by `scratchDir`, removed when the process exits (they hold copies of dev-set text). */
const scratch: string[] = [];
process.on('exit', () => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary folder that is removed when the eval script exits. */
export function scratchDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `lokalpresse-${prefix}-`));
  scratch.push(dir);
  return dir;
}

/** Runs stages on a corpus into a fresh temporary output folder, with the project's config. */
export async function runPipeline(
  corpusDir: string,
  stages: StageName[],
  opts: { codings?: string | null; configure?: (c: Config) => void } = {},
): Promise<{ outDir: string; config: Config; seconds: Record<string, number> }> {
  const loaded = loadConfig(path.join(packageRoot, 'pipeline.config.json'), { explicit: true });
  opts.configure?.(loaded.config);
  const outDir = scratchDir('eval');
  const outcomes = await runStages(stages, {
    corpusDir,
    outDir,
    config: loaded.config,
    configDir: loaded.dir,
    codingsFile: opts.codings ?? null,
    force: true,
    log: consoleLogger({ quiet: true }),
  });
  return {
    outDir,
    config: loaded.config,
    seconds: Object.fromEntries(outcomes.map((o) => [o.stage, o.seconds])),
  };
}

/** The articles ingest wrote. */
export function readArticles(outDir: string): Article[] {
  return readFileSync(path.join(outDir, 'articles.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Article);
}

/** `articles.csv` in whichever dialect the config names. */
export function readArticlesCsv(outDir: string): Array<Record<string, string>> {
  const text = readFileSync(path.join(outDir, 'articles.csv'), 'utf8').replace(/^\uFEFF/, '');
  const delimiter = text.slice(0, text.indexOf('\n')).includes(';') ? ';' : ',';
  return parse(text, { columns: true, delimiter, relax_quotes: true }) as Array<Record<string, string>>;
}

/** Reads a JSON Lines file of the dev sets. */
export function readJsonlFile<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);
}
