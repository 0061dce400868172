import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { segmentCacheDir } from '../aggregate/spec.js';
import type { Config } from '../config/schema.js';
import { isTempName } from '../io/atomic.js';
import { hashText, stableJson } from '../io/hash.js';
import { writeFileAtomic } from '../io/write-file.js';
import { readValidationSummary } from '../validate/summary.js';
import { version } from '../version.js';
import { forgetCachedResults, stateDir } from './cache-files.js';
import { corpusFingerprint, stageFingerprint } from './fingerprint.js';
import type { Logger } from './log.js';
import { type Shard, shardLabel } from './shard.js';
import {
  allStages,
  type StageContext,
  type StageDefinition,
  type StageName,
  type StageResult,
} from './stage.js';
import { stages } from './stages.js';

export interface RunOptions {
  corpusDir: string;
  outDir: string;
  config: Config;
  configDir: string;
  codingsFile: string | null;
  force: boolean;
  log: Logger;
  shard?: Shard | null;
}

interface StageState {
  fingerprint: string;
  finished: string;
  seconds: number;
  result: StageResult;
}

interface RunState {
  stages: Partial<Record<StageName, StageState>>;
}

/** What happened to one stage in a run. */
export interface StageOutcome {
  stage: StageName;
  status: 'ran' | 'skipped';
  seconds: number;
  result: StageResult;
}

/** Raised when a stage cannot run because an earlier stage's output is missing. */
export class MissingInputError extends Error {
  override name = 'MissingInputError';
}

/** The stage running now, for the interrupt message. */
let currentStage: StageName | null = null;

/** What an interrupt (Ctrl-C) should tell the user: the stage cut short and what stays. */
export function interruptedStage(): StageName | null {
  return currentStage;
}

const stateFile = (outDir: string): string => path.join(outDir, '.lokalpresse', 'state.json');

function readState(outDir: string): RunState {
  try {
    return JSON.parse(readFileSync(stateFile(outDir), 'utf8')) as RunState;
  } catch {
    return { stages: {} };
  }
}

function writeJsonAtomic(file: string, value: unknown): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileAtomic(file, `${JSON.stringify(value, null, 2)}\n`);
}

/** Removes temporary files a killed run left behind (the real outputs were never touched). */
function removeStaleTempFiles(outDir: string, log: Logger): void {
  let removed = 0;
  for (const dir of [outDir, stateDir(outDir), segmentCacheDir(outDir)]) {
    let names: string[] = [];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names.filter(isTempName)) {
      rmSync(path.join(dir, name), { force: true });
      removed += 1;
    }
  }
  if (removed > 0) log.info(`removed ${removed} temporary file(s) left by an interrupted run`);
}

/** The stage that writes a given output file. */
function producerOf(file: string): StageDefinition | undefined {
  return allStages.map((n) => stages[n]).find((s) => s.writes.includes(file));
}

function context(opts: RunOptions): StageContext {
  return {
    corpusDir: opts.corpusDir,
    outDir: opts.outDir,
    config: opts.config,
    configDir: opts.configDir,
    codingsFile: opts.codingsFile,
    log: opts.log,
    shard: opts.shard ?? null,
    articleCount: null,
  };
}

/**
 * Runs the named stages in pipeline order. A stage whose inputs, config part and data files are
 * unchanged since its last run is skipped (unless `force`); a stage that ran makes every later
 * stage in the same call re-check its inputs, which then differ.
 */
export async function runStages(names: StageName[], opts: RunOptions): Promise<StageOutcome[]> {
  const ctx = context(opts);
  mkdirSync(opts.outDir, { recursive: true });
  removeStaleTempFiles(opts.outDir, opts.log);
  const state = readState(opts.outDir);
  const outcomes: StageOutcome[] = [];
  const ordered = allStages.filter((n) => names.includes(n));
  for (const name of ordered) {
    const stage = stages[name];
    for (const input of stage.reads) {
      if (!existsSync(path.join(opts.outDir, input))) {
        const producer = producerOf(input);
        throw new MissingInputError(
          `${name}: ${path.join(opts.outDir, input)} is missing; run \`lokalpresse ${producer?.name ?? 'run'}\` first (or \`lokalpresse run\`).`,
        );
      }
    }
    if (stage.readsCorpus && !existsSync(opts.corpusDir)) {
      throw new MissingInputError(`${name}: corpus folder ${opts.corpusDir} does not exist.`);
    }
    const fingerprint = await stageFingerprint({
      version,
      config: stage.configPart(opts.config),
      dataFiles: stage.dataFiles(ctx),
      inputFiles: stage.reads.map((f) => path.join(opts.outDir, f)),
      corpus: stage.readsCorpus
        ? `${path.resolve(opts.corpusDir)}:${corpusFingerprint(opts.corpusDir)}:${shardLabel(opts.shard ?? null)}`
        : null,
    });
    const previous = state.stages[name];
    const outputsPresent = stage.writes.every((f) => existsSync(path.join(opts.outDir, f)));
    if (!opts.force && previous && previous.fingerprint === fingerprint && outputsPresent) {
      opts.log.info(`${name}: up to date, skipped (inputs and settings unchanged; --force runs it anyway)`);
      outcomes.push({ stage: name, status: 'skipped', seconds: 0, result: previous.result });
      continue;
    }
    // A forced run computes everything afresh: results kept for reuse are dropped too.
    if (opts.force) forgetCachedResults(opts.outDir, name);
    ctx.articleCount = state.stages.ingest?.result.out ?? null;
    currentStage = name;
    opts.log.info(`${name}: ${stage.describe} …`);
    const started = process.hrtime.bigint();
    const result = await stage.run(ctx);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    state.stages[name] = { fingerprint, finished: new Date().toISOString(), seconds, result };
    writeJsonAtomic(stateFile(opts.outDir), state);
    const rejected = result.rejected > 0 ? `, ${result.rejected} rejected` : '';
    opts.log.info(`${name}: done in ${seconds.toFixed(2)} s (${result.in} in, ${result.out} out${rejected})`);
    outcomes.push({ stage: name, status: 'ran', seconds, result });
    writeRunJson(opts, state, outcomes);
  }
  currentStage = null;
  writeRunJson(opts, state, outcomes);
  return outcomes;
}

/** `run.json`: versions, config hash, per-stage time and counts. */
function writeRunJson(opts: RunOptions, state: RunState, outcomes: StageOutcome[]): void {
  const file = path.join(opts.outDir, 'run.json');
  const stagesJson: Record<string, unknown> = {};
  for (const name of allStages) {
    const s = state.stages[name];
    if (!s) continue;
    const now = outcomes.find((o) => o.stage === name);
    stagesJson[name] = {
      status: now ? now.status : 'not requested',
      last_run: s.finished,
      seconds: s.seconds,
      in: s.result.in,
      out: s.result.out,
      rejected: s.result.rejected,
      ...(s.result.details ? { details: s.result.details } : {}),
    };
  }
  writeJsonAtomic(file, {
    lokalpresse: version,
    node: process.version,
    written: new Date().toISOString(),
    corpus: path.resolve(opts.corpusDir),
    config_hash: hashText(stableJson(opts.config)).slice(0, 16),
    config: opts.config,
    codings: opts.codingsFile,
    stages: stagesJson,
    validation: readValidationSummary(opts.outDir),
  });
}
