/**
 * How much an incremental re-run saves: a generated corpus of N articles in many small JSONL files is
 * run in full, then run again unchanged, then again after a few files were added (and, with
 * --touch, after files were only touched). Each run is the built CLI in a child process, so reader
 * and worker threads are used as in real runs.
 *
 *   npm run build && npx tsx scripts/bench/incremental.ts [--articles 20000] [--per-file 10]
 *       [--added 10] [--at-end] [--config FILE] [--root DIR] [--keep]
 *
 * `--root` is a package folder with bin/ and a built dist/ (default: this repository). The corpus
 * and outputs go to a temporary folder, removed at the end unless --keep is given.
 */
import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus } from '../generate-corpus.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

interface Options {
  articles: number;
  perFile: number;
  added: number;
  config: string | null;
  root: string;
  keep: boolean;
  touch: boolean;
  /** Hold back the last files instead of files spread over the corpus (new files sort last). */
  atEnd: boolean;
}

function parseArgs(argv: string[]): Options {
  const opts: Options = {
    articles: 20_000,
    perFile: 10,
    added: 10,
    config: null,
    root: repoRoot,
    keep: false,
    touch: false,
    atEnd: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    const count = (): number => {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 1) throw new Error(`${arg} expects a positive whole number`);
      return n;
    };
    if (arg === '--articles') opts.articles = count();
    else if (arg === '--per-file') opts.perFile = count();
    else if (arg === '--added') opts.added = count();
    else if (arg === '--config') opts.config = path.resolve(value());
    else if (arg === '--root') opts.root = path.resolve(value());
    else if (arg === '--keep') opts.keep = true;
    else if (arg === '--touch') opts.touch = true;
    else if (arg === '--at-end') opts.atEnd = true;
    else throw new Error(`unknown option ${arg}`);
  }
  return opts;
}

/**
 * Writes N + added×perFile articles as files of `perFile` JSONL lines; `added` files spread over the
 * corpus are held back in `extra/` (new files land between old ones, not only at the end), or with
 * --at-end the last `added` files (as when a new month's folder is added to a dated corpus).
 */
async function buildCorpus(dir: string, opts: Options): Promise<{ corpus: string; extra: string }> {
  const generated = path.join(dir, 'generated');
  const total = opts.articles + opts.added * opts.perFile;
  await generateCorpus({ out: generated, articles: total, format: 'jsonl' });
  const file = readdirSync(generated).find((n) => n.endsWith('.jsonl'));
  if (!file) throw new Error('the generator wrote no JSONL file');
  const lines = readFileSync(path.join(generated, file), 'utf8')
    .split('\n')
    .filter((l) => l !== '');
  rmSync(generated, { recursive: true, force: true });
  const corpus = path.join(dir, 'corpus');
  const extra = path.join(dir, 'extra');
  const files = Math.ceil(lines.length / opts.perFile);
  const every = Math.max(1, Math.floor(files / opts.added));
  let heldBack = 0;
  for (let f = 0; f < files; f++) {
    const hold = opts.atEnd ? f >= files - opts.added : heldBack < opts.added && f % every === every - 1;
    if (hold) heldBack += 1;
    const folder = path.join(hold ? extra : corpus, `band-${String(Math.floor(f / 100)).padStart(3, '0')}`);
    mkdirSync(folder, { recursive: true });
    const chunk = lines.slice(f * opts.perFile, (f + 1) * opts.perFile);
    writeFileSync(path.join(folder, `teil-${String(f).padStart(5, '0')}.jsonl`), `${chunk.join('\n')}\n`);
  }
  // Written "an hour ago", as a corpus collected earlier would be.
  const past = new Date(Date.now() - 3_600_000);
  for (const name of readdirSync(corpus, { recursive: true, encoding: 'utf8' }))
    utimesSync(path.join(corpus, name), past, past);
  return { corpus, extra };
}

interface RunFigures {
  seconds: number;
  stages: Array<{ stage: string; status: string; seconds: number; out: number }>;
  log: string;
}

function cli(opts: Options, corpus: string, out: string, force: boolean): Promise<RunFigures> {
  const args = [path.join(opts.root, 'bin', 'lokalpresse.js'), 'run', '--corpus', corpus, '--out', out];
  if (opts.config) args.push('--config', opts.config);
  if (force) args.push('--force');
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d: string) => {
      log = (log + d).slice(-200_000);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (code !== 0) return reject(new Error(`run failed (exit ${code}):\n${log.slice(-2000)}`));
      const runJson = JSON.parse(readFileSync(path.join(out, 'run.json'), 'utf8')) as {
        stages: Record<string, { status: string; seconds: number; out: number }>;
      };
      const stages = Object.entries(runJson.stages).map(([stage, s]) => ({
        stage,
        status: s.status,
        seconds: s.status === 'ran' ? s.seconds : 0,
        out: s.out,
      }));
      resolve({ seconds, stages, log });
    });
  });
}

function table(runs: Array<[string, RunFigures]>): string {
  const names = runs[0]?.[1].stages.map((s) => s.stage) ?? [];
  const head = `| stage | ${runs.map(([n]) => n).join(' | ')} |`;
  const rule = `|---|${runs.map(() => '---:').join('|')}|`;
  const rows = names.map((stage) => {
    const cells = runs.map(([, r]) => {
      const s = r.stages.find((x) => x.stage === stage);
      return s ? (s.status === 'ran' ? `${s.seconds.toFixed(2)} s` : s.status) : '';
    });
    return `| ${stage} | ${cells.join(' | ')} |`;
  });
  const total = `| **process, wall clock** | ${runs.map(([, r]) => `${r.seconds.toFixed(2)} s`).join(' | ')} |`;
  return [head, rule, ...rows, total].join('\n');
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  if (!existsSync(path.join(opts.root, 'dist', 'cli.js')))
    throw new Error(`${opts.root}/dist is missing: run \`npm run build\` first (or pass --root)`);
  const dir = mkdtempSync(path.join(tmpdir(), 'lp-bench-incremental-'));
  try {
    const { corpus, extra } = await buildCorpus(dir, opts);
    const out = path.join(dir, 'out');
    console.log(
      `corpus: ${opts.articles} articles in files of ${opts.perFile}; ${opts.added} more files held back (${dir})`,
    );
    const runs: Array<[string, RunFigures]> = [];
    runs.push(['full (--force)', await cli(opts, corpus, out, true)]);
    runs.push(['unchanged', await cli(opts, corpus, out, false)]);
    for (const band of readdirSync(extra)) {
      mkdirSync(path.join(corpus, band), { recursive: true });
      for (const name of readdirSync(path.join(extra, band)))
        renameSync(path.join(extra, band, name), path.join(corpus, band, name));
    }
    const added = await cli(opts, corpus, out, false);
    runs.push([`+${opts.added} files`, added]);
    if (opts.touch) {
      const now = new Date();
      for (const name of readdirSync(corpus, { recursive: true, encoding: 'utf8' }).slice(0, 50))
        utimesSync(path.join(corpus, name), now, now);
      runs.push(['touched', await cli(opts, corpus, out, false)]);
    }
    console.log(table(runs));
    const full = runs[0]?.[1].seconds ?? 0;
    console.log(
      `\nincremental / full: ${added.seconds.toFixed(2)} s / ${full.toFixed(2)} s = ${((100 * added.seconds) / full).toFixed(1)} %`,
    );
    const reuse = added.log
      .split('\n')
      .filter((l) => /unchanged since the last run|every article computed/.test(l));
    for (const line of reuse) console.log(`  ${line}`);
  } finally {
    if (opts.keep) console.log(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
