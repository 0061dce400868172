/**
 * The reader-thread path of ingest only exists in the compiled code (workers load `.js`), so it is
 * tested through the built CLI: its output must be byte for byte what the in-process path writes.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config/load.js';
import type { PlaceConfig } from '../src/ingest/municipality.js';
import type * as ReadPool from '../src/ingest/read-pool.js';
import { runIngest } from '../src/ingest/stage.js';
import { packageRoot } from '../src/paths.js';
import { memoryLogger } from '../src/runner/log.js';

const built = existsSync(path.join(packageRoot, 'dist', 'ingest', 'read-worker.js'));

const paragraphs = [
  'Die Stadt Bergheim hat im Rathaus über eine neue Unterkunft für Geflüchtete informiert.',
  'Rund 80 Menschen sollen im Frühjahr in das ehemalige Bürogebäude an der Kölner Straße ziehen.',
  'Der Runde Tisch Asyl sucht noch Ehrenamtliche für Sprachkurse und Behördengänge.',
  'In Altena hat der Bürgermeister die Zusammenarbeit mit den Vereinen gelobt.',
];

function writeCorpus(dir: string): void {
  for (let i = 0; i < 14; i++) {
    const body = paragraphs.map((p, k) => `<p>${p} (Folge ${i}, Absatz ${k})</p>`).join('');
    const file = path.join(dir, `seiten/${String(i).padStart(2, '0')}.html`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(
      file,
      `<html lang="de"><head><title>Meldung ${i} | Rhein-Erft-Rundblick</title></head><body><article><h1>Meldung ${i}</h1><time datetime="2016-02-${String(i + 1).padStart(2, '0')}">x</time>${body}</article></body></html>`,
    );
  }
  writeFileSync(path.join(dir, 'seiten', '99.html'), Buffer.from([0, 1, 2, 3, 255, 254]));
  // More records than one slice: analyzed in slices on both threads, written in file order.
  const many = Array.from({ length: 620 }, (_, i) => {
    const p = paragraphs[i % paragraphs.length] ?? '';
    return JSON.stringify({
      title: `Kurzmeldung ${i}`,
      text: i % 97 === 0 ? '' : `${p} Meldung Nummer ${i}.`,
    });
  });
  writeFileSync(path.join(dir, 'archiv.jsonl'), `${many.join('\n')}\n`);
  const lines = paragraphs.map((p, i) =>
    JSON.stringify({ id: `j${i}`, title: `Titel ${i}`, date: `2015-10-0${i + 1}`, text: `${p} ${p}` }),
  );
  writeFileSync(
    path.join(dir, 'export.jsonl'),
    `${lines.join('\n')}\n{"kaputt": \n{"id": "leer", "title": "Nur ein Titel", "text": "  "}\n`,
  );
}

describe.skipIf(!built)('ingest with reader threads (built CLI)', () => {
  it('writes exactly what the in-process reader writes', async () => {
    const corpus = mkdtempSync(path.join(tmpdir(), 'lokalpresse-threads-'));
    writeCorpus(corpus);
    const inProcess = mkdtempSync(path.join(tmpdir(), 'lokalpresse-threads-a-'));
    const threaded = mkdtempSync(path.join(tmpdir(), 'lokalpresse-threads-b-'));
    const result = await runIngest({
      corpusDir: corpus,
      outDir: inProcess,
      config: parseConfig({}, 'test'),
      configDir: packageRoot,
      codingsFile: null,
      log: memoryLogger(),
      articleCount: null,
    });
    expect(result.in).toBe(result.out + result.rejected);
    expect(result.rejected).toBe(3 + 7);
    expect(result.out).toBe(14 + 4 + 613);
    // The same all-defaults config as the in-process run (not the repository's pipeline.config.json).
    const config = path.join(threaded, 'defaults.json');
    writeFileSync(config, '{}');
    const cli = path.join(packageRoot, 'bin', 'lokalpresse.js');
    const run = spawnSync(
      process.execPath,
      [cli, 'ingest', '--corpus', corpus, '--out', threaded, '--config', config, '--force'],
      { cwd: packageRoot, env: { ...process.env, LOKALPRESSE_READ_THREADS: '2' }, encoding: 'utf8' },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(`${run.stdout}${run.stderr}`).toContain('(2 reader threads)');
    for (const file of ['articles.jsonl', 'rejected.csv']) {
      expect(readFileSync(path.join(threaded, file), 'utf8'), file).toBe(
        readFileSync(path.join(inProcess, file), 'utf8'),
      );
    }
    const state = JSON.parse(readFileSync(path.join(threaded, 'run.json'), 'utf8')) as {
      stages: { ingest: { in: number; out: number; rejected: number } };
    };
    expect(state.stages.ingest).toMatchObject({ in: result.in, out: result.out, rejected: result.rejected });
  }, 120_000);

  it('fails the reads with the reason when a reader thread cannot start, instead of restarting it', async () => {
    const pool = (await import(
      pathToFileURL(path.join(packageRoot, 'dist', 'ingest', 'read-pool.js')).href
    )) as typeof ReadPool;
    const dir = mkdtempSync(path.join(tmpdir(), 'lokalpresse-threads-broken-'));
    writeCorpus(dir);
    const files = Array.from({ length: 14 }, (_, i) =>
      path.join(dir, `seiten/${String(i).padStart(2, '0')}.html`),
    );
    const previous = process.env.LOKALPRESSE_READ_THREADS;
    process.env.LOKALPRESSE_READ_THREADS = '2';
    try {
      // A places list that is not a list: each thread fails as it builds its analyzer.
      const reader = pool.createFileReader(
        {
          places: null as unknown as PlaceConfig[],
          outlets: {},
          duplicates: { threshold: 0.8, shingle: 5, hashes: 128 },
          minWords: 1,
        },
        { columns: parseConfig({}, 'test').ingest.columns, delimiter: 'auto' },
        files,
      );
      expect(reader.threads).toBe(2);
      const reads = await Promise.allSettled(files.slice(0, 6).map((f) => reader.read(f)));
      for (const read of reads) {
        expect(read.status).toBe('rejected');
        if (read.status === 'rejected')
          expect(String(read.reason)).toMatch(/reader thread (cannot start|failed)/);
      }
      // Later reads fail at once, with the same reason.
      await expect(reader.read(files[7] as string)).rejects.toThrow(/reader thread cannot start/);
      await reader.close();
    } finally {
      if (previous === undefined) delete process.env.LOKALPRESSE_READ_THREADS;
      else process.env.LOKALPRESSE_READ_THREADS = previous;
    }
  }, 60_000);
});
