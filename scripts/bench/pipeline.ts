/**
 * One full pipeline run through the built CLI in a child process, so that its time and peak memory
 * are the pipeline's own. Peak RSS comes from GNU time (`/usr/bin/time -v`) when it is installed,
 * otherwise from `process.resourceUsage()` inside a small wrapper that runs the CLI.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface StageFigure {
  stage: string;
  seconds: number;
  in: number;
  out: number;
}

export interface PipelineResult {
  seconds: number;
  maxRssKb: number | null;
  rssSource: string;
  stages: StageFigure[];
}

const GNU_TIME = '/usr/bin/time';

function run(cmd: string, args: string[]): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d: string) => {
      stderr += d;
      if (stderr.length > 1_000_000) stderr = stderr.slice(-100_000);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stderr }));
  });
}

/** Runs `lokalpresse run --corpus … --out … --force` from the package at `root` (built to dist/). */
export async function runPipeline(root: string, corpus: string, out: string): Promise<PipelineResult> {
  const cli = path.join(root, 'bin', 'lokalpresse.js');
  const wrapper = path.join(root, 'scripts', 'bench', 'child-rss.mjs');
  if (!existsSync(path.join(root, 'dist', 'cli.js')))
    throw new Error('dist/ is missing: run `npm run build` first');
  const cliArgs = ['run', '--corpus', corpus, '--out', out, '--force'];
  const useTime = existsSync(GNU_TIME);
  const started = process.hrtime.bigint();
  const { code, stderr } = useTime
    ? await run(GNU_TIME, ['-v', process.execPath, cli, ...cliArgs])
    : await run(process.execPath, [wrapper, ...cliArgs]);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (code !== 0) throw new Error(`pipeline failed (exit ${code}):\n${stderr.slice(-2000)}`);
  const rss = useTime
    ? /Maximum resident set size \(kbytes\):\s*(\d+)/.exec(stderr)
    : /BENCH_MAX_RSS_KB=(\d+)/.exec(stderr);
  const runJson = JSON.parse(readFileSync(path.join(out, 'run.json'), 'utf8')) as {
    stages: Record<string, { seconds: number; in: number; out: number }>;
  };
  const stages = Object.entries(runJson.stages).map(([stage, s]) => ({
    stage,
    seconds: s.seconds,
    in: s.in,
    out: s.out,
  }));
  return {
    seconds,
    maxRssKb: rss?.[1] ? Number(rss[1]) : null,
    rssSource: useTime ? 'GNU time' : 'process.resourceUsage',
    stages,
  };
}
