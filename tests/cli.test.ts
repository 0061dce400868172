import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../src/cli.js';
import { stageOrder } from '../src/runner/stage.js';

function capture(): { out: () => string; err: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out.push(String(chunk));
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    err.push(String(chunk));
    return true;
  });
  return { out: () => out.join(''), err: () => err.join('') };
}

describe('command line', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    delete process.env.LOKALPRESSE_WORKERS;
  });

  it('prints the usage with every command and option', async () => {
    const io = capture();
    expect(await main(['--help'])).toBe(0);
    for (const word of [
      'run',
      'ingest',
      'tokenize',
      'tag',
      'score',
      'aggregate',
      'report',
      'validate',
      'merge',
      'explore',
    ]) {
      expect(io.out()).toContain(word);
    }
    for (const option of ['--corpus', '--out', '--config', '--codings', '--force', '--workers', '--shard']) {
      expect(io.out()).toContain(option);
    }
  });

  it('rejects an unknown command and a bad --workers value with exit code 2', async () => {
    const io = capture();
    expect(await main(['auswerten'])).toBe(2);
    expect(io.err()).toContain('unknown command "auswerten"');
    expect(await main(['run', '--workers', 'zwei'])).toBe(2);
    expect(io.err()).toMatch(/--workers expects a whole number/);
  });

  it('names the config key that is wrong and stops before reading the corpus', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lp-cli-'));
    const config = path.join(dir, 'config.json');
    writeFileSync(config, JSON.stringify({ output: { csv_dialect: 'excel' } }));
    const io = capture();
    expect(await main(['run', '--config', config, '--out', path.join(dir, 'out')])).toBe(2);
    expect(io.err()).toMatch(/output\.csv_dialect/);
  });

  it('says which stage to run first when its input is missing', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lp-cli-'));
    const io = capture();
    expect(await main(['aggregate', '--out', dir])).toBe(2);
    expect(io.err()).toMatch(/articles\.jsonl is missing; run `lokalpresse ingest` first/);
  });

  it('runs explore only when asked for, after the stages it reads from', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lp-cli-'));
    const io = capture();
    expect(await main(['explore', '--out', dir])).toBe(2);
    expect(io.err()).toMatch(/explore: .*articles\.jsonl is missing; run `lokalpresse ingest` first/);
    expect(stageOrder).not.toContain('explore');
  });

  it('warns about the lines of user dictionaries and lexicons it skips, naming file and line, and runs on', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lp-cli-'));
    const corpus = path.join(dir, 'korpus');
    mkdirSync(corpus);
    writeFileSync(
      path.join(corpus, 'meldung.txt'),
      'Neue Unterkunft in Altena\n\nDie Stadt Altena bringt 40 Geflüchtete in der früheren Hauptschule unter. Ehrenamtliche des Runden Tisches bieten Sprachkurse an.',
    );
    // The second pattern row lacks its category: a typo that would otherwise cost the word silently.
    const query = path.join(dir, 'suche.csv');
    writeFileSync(query, 'kategorie,muster\nflucht,geflüchtete*\nunterkunft*\n');
    // A SentiWS-style user lexicon: a decimal comma is read, a word and a missing weight are not.
    const lexicon = path.join(dir, 'eigene.tsv');
    writeFileSync(lexicon, 'Ehrenamt|NN\t0.4\nSprachkurs|NN\t0,3\nHetze|NN\tstark\nHass|NN\n');
    const config = path.join(dir, 'config.json');
    writeFileSync(
      config,
      JSON.stringify({ tag: { query: 'suche.csv' }, score: { tone: { lexicons: ['eigene.tsv'] } } }),
    );
    const io = capture();
    expect(await main(['run', '--corpus', corpus, '--config', config, '--out', path.join(dir, 'out')])).toBe(
      0,
    );
    expect(io.err()).toContain(
      `warning: tag.query: dictionary ${query}: 1 line(s) skipped — line 3: needs a category and a pattern, separated by ","`,
    );
    expect(io.err()).toContain(
      `warning: score.tone.lexicons: tone lexicon ${lexicon}: 2 line(s) skipped — line 3: weight "stark" is not a number; line 4: no weight after the word`,
    );
  });

  it('validate needs codings', async () => {
    const io = capture();
    expect(await main(['validate', '--out', tmpdir()])).toBe(2);
    expect(io.err()).toMatch(/--codings FILE/);
  });
});
