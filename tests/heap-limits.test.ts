import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../src/paths.js';
import type * as Pool from '../src/runner/pool.js';

const built = existsSync(path.join(packageRoot, 'dist', 'runner', 'worker.js'));

describe('heap limits (runner/heap-limits.ts, PoolSpec.youngGenerationMb)', () => {
  it('uses a V8 flag this Node version knows (an unknown flag would only print an error)', () => {
    const options = execFileSync(process.execPath, ['--v8-options'], {
      encoding: 'utf8',
      maxBuffer: 16 << 20,
    });
    expect(options).toMatch(/--heap-growing-percent\b/);
  });

  it('is taken at run time without a message, and worker threads started later still run', () => {
    const module = path.join(packageRoot, 'src', 'runner', 'heap-limits.ts');
    const script = [
      "import { Worker } from 'node:worker_threads';",
      `import { boundHeaps } from ${JSON.stringify(module)};`,
      'boundHeaps();',
      "const w = new Worker('process.exit(0)', { eval: true });",
      "w.on('exit', (code) => console.log('worker exit', code));",
    ].join('\n');
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      cwd: packageRoot,
    });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('worker exit 0');
  });

  it('would print an error for a flag V8 does not know (what the first test guards against)', () => {
    const run = spawnSync(
      process.execPath,
      ['-e', "require('node:v8').setFlagsFromString('--no-such-heap-flag=1')"],
      { encoding: 'utf8' },
    );
    expect(run.stderr).toMatch(/unrecognized flag/);
  });

  // Worker threads load the compiled modules; `npm ci`/`npm install` build them (prepare script).
  it.skipIf(!built)(
    'gives the workers of a stage the young generation its spec asks for',
    async () => {
      const pool = (await import(
        pathToFileURL(path.join(packageRoot, 'dist', 'runner', 'pool.js')).href
      )) as typeof Pool;
      // A processor that answers each row with the size of its thread's young generation (new space).
      const dir = mkdtempSync(path.join(tmpdir(), 'lp-young-'));
      const module = path.join(dir, 'probe.mjs');
      writeFileSync(
        module,
        [
          "import v8 from 'node:v8';",
          'export function createProcessor() {',
          '  let keep = [];',
          "  for (let i = 0; i < 4e6; i++) { keep.push({ n: i, s: 'Flüchtlingshilfe ' + i }); if (keep.length > 500) keep = []; }",
          "  return () => String(v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size);",
          '}',
        ].join('\n'),
      );
      const sizes = async (youngGenerationMb?: number): Promise<number[]> => {
        const out: number[] = [];
        const rows = Array.from({ length: 200 }, (_, i) => [`zeile ${i}`]);
        const spec = {
          module: pathToFileURL(module).href,
          init: null,
          ...(youngGenerationMb ? { youngGenerationMb } : {}),
        };
        for await (const line of pool.mapRows(
          (async function* () {
            yield* rows;
          })(),
          spec,
        ))
          out.push(Number(line.bytes.toString()) / 1e6);
        return out;
      };
      const previous = process.env.LOKALPRESSE_WORKERS;
      process.env.LOKALPRESSE_WORKERS = '2';
      try {
        // V8's default: two semi-spaces of 16 MB; asked for 24 MB in all: two of 8 MB.
        expect(Math.max(...(await sizes()))).toBeGreaterThan(20);
        expect(Math.max(...(await sizes(24)))).toBeLessThanOrEqual(17);
      } finally {
        if (previous === undefined) delete process.env.LOKALPRESSE_WORKERS;
        else process.env.LOKALPRESSE_WORKERS = previous;
      }
    },
    60_000,
  );
});
