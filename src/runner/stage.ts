import type { Config } from '../config/schema.js';
import type { Logger } from './log.js';
import type { Shard } from './shard.js';

export type StageName = 'ingest' | 'tokenize' | 'tag' | 'score' | 'aggregate' | 'report' | 'explore';

/** The stages `lokalpresse run` runs, in order. */
export const stageOrder: StageName[] = ['ingest', 'tokenize', 'tag', 'score', 'aggregate', 'report'];

/** Stages run only when asked for by name (after the ones they read from). */
export const optionalStages: StageName[] = ['explore'];

/** Every stage in the order they run. */
export const allStages: StageName[] = [...stageOrder, ...optionalStages];

/** What every stage gets from the runner. */
export interface StageContext {
  corpusDir: string;
  outDir: string;
  config: Config;
  /** Folder of the config file: relative paths in the config resolve against it. */
  configDir: string;
  /** Hand-coded sample (`id,topic[,tone]`), or null. */
  codingsFile: string | null;
  log: Logger;
  /** This machine's part of a corpus split across machines (`--shard i/n`), or null for all of it. */
  shard?: Shard | null;
  /** Articles ingest wrote in its last run, for progress; null before ingest ran. */
  articleCount: number | null;
}

/** Counts a stage reports; `in = out + rejected` for ingest, `in = out` for the others. */
export interface StageResult {
  in: number;
  out: number;
  rejected: number;
  /** Extra facts for run.json (e.g. cross-validation figures). */
  details?: Record<string, unknown>;
}

/**
 * What the runner knows of a stage before loading its code: the declared inputs and outputs and what its
 * result depends on. The runner hashes the inputs, the config sections and the data files a stage
 * names, and skips the stage when none changed. Specs live in each stage's `spec.ts`, apart from the
 * code that runs the stage, so that a run that skips a stage (or `--help`) never loads that code.
 */
export interface StageSpec {
  name: StageName;
  describe: string;
  /** Files in the output dir written by earlier stages. */
  reads: string[];
  /** Files in the output dir this stage writes. */
  writes: string[];
  /** The parts of the config the stage's result depends on. */
  configPart(config: Config): unknown;
  /** Data files (dictionaries, lexicons, codings) the stage's result depends on, absolute paths. */
  dataFiles(ctx: StageContext): string[];
  /** Whether the stage reads the corpus dir (only ingest). */
  readsCorpus?: boolean;
}

/** A stage is a function from declared inputs to declared outputs. */
export interface StageDefinition extends StageSpec {
  run(ctx: StageContext): Promise<StageResult>;
}
