import { mkdtempSync, writeFileSync } from 'node:fs';
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

  it('validate needs codings', async () => {
    const io = capture();
    expect(await main(['validate', '--out', tmpdir()])).toBe(2);
    expect(io.err()).toMatch(/--codings FILE/);
  });
});
