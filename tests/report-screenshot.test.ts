import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CHROMIUM, screenshotReport } from '../scripts/screenshot-report.js';
import { writeReport } from '../src/report/write-report.js';
import { writeReportFixture } from './report-fixture.js';

const dir = mkdtempSync(path.join(tmpdir(), 'lokalpresse-shot-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The pipeline never needs a browser; this check runs only where Chromium is installed.
describe.skipIf(!existsSync(CHROMIUM))('report screenshot in headless Chromium', () => {
  it('renders the report to a full-size, non-blank PNG', async () => {
    writeReportFixture(dir, 'excel-de');
    const html = await writeReport(dir, { title: 'Bericht zum Test' });
    const png = await screenshotReport(html, path.join(dir, 'report.png'));
    const bytes = readFileSync(png);
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    // IHDR: width and height as 32-bit big-endian numbers at bytes 16 and 20.
    expect(bytes.readUInt32BE(16)).toBe(1280);
    expect(bytes.readUInt32BE(20)).toBe(4000);
    // A blank white page of this size compresses to a few kilobytes; charts and tables do not.
    expect(bytes.length).toBeGreaterThan(100_000);
  });
});
