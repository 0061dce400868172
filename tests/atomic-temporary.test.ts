import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AtomicFile, abortOpenFiles, isTempName, temporaryName, trackTemporary } from '../src/io/atomic.js';

describe('temporary files written by another thread', () => {
  it('are removed by an interrupt and named among the files not written', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lp-atomic-'));
    const final = path.join(dir, 'kwic.csv');
    const temp = temporaryName(final);
    expect(isTempName(path.basename(temp))).toBe(true);
    writeFileSync(temp, 'id;date;municipality;left;keyword;right\r\n');
    trackTemporary(final, temp);
    expect(abortOpenFiles()).toContain(final);
    expect(existsSync(temp)).toBe(false);
    expect(existsSync(final)).toBe(false);
  });

  it('are no longer tracked once done (a renamed file is not touched by a later interrupt)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lp-atomic-'));
    const final = path.join(dir, 'kwic.csv');
    const temp = temporaryName(final);
    writeFileSync(temp, 'Geflüchtete');
    trackTemporary(final, temp).done();
    expect(abortOpenFiles()).not.toContain(final);
    expect(existsSync(temp)).toBe(true);
  });
});

describe('an atomic file written with strings and byte views', () => {
  it('keeps every chunk in order: views of one batch, strings between them, and large chunks', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lp-atomic-'));
    const final = path.join(dir, 'tokens.jsonl');
    const lines = ['{"id":"a","w":["Geflüchtete"]}\n', '{"id":"b","w":["Bürger:innen"]}\n', '{"id":"c"}\n'];
    const batch = Buffer.from(lines.join(''));
    const first = Buffer.byteLength(lines[0] as string);
    const second = Buffer.byteLength(lines[1] as string);
    const big = `${'Münster '.repeat(10_000)}\n`;
    const file = new AtomicFile(final);
    await file.write('# Kopf\n');
    // Two views that continue each other in the same memory, then one from elsewhere.
    await file.write(batch.subarray(0, first));
    await file.write(batch.subarray(first, first + second));
    await file.write(Buffer.from('{"id":"x","w":["Straße"]}\n'));
    await file.write(batch.subarray(first + second));
    await file.write(big);
    await file.write('Ende\n');
    expect(existsSync(final)).toBe(false);
    await file.commit();
    expect(readFileSync(final, 'utf8')).toBe(
      `# Kopf\n${lines[0]}${lines[1]}{"id":"x","w":["Straße"]}\n${lines[2]}${big}Ende\n`,
    );
  });
});
