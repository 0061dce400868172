import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { abortOpenFiles, isTempName, temporaryName, trackTemporary } from '../src/io/atomic.js';

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
