/**
 * Renders a report page in headless Chromium and saves a PNG, to check that the inline charts
 * really render. Usage: npx tsx scripts/screenshot-report.ts OUT/report.html [report.png]
 * Needs /usr/bin/chromium (or CHROMIUM=path); the pipeline itself never does.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** Takes the screenshot; resolves with the PNG's path. */
export async function screenshotReport(
  htmlFile: string,
  pngFile: string = `${htmlFile.replace(/\.html?$/i, '')}.png`,
  size: { width: number; height: number } = { width: 1280, height: 4000 },
): Promise<string> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found; install chromium or set CHROMIUM`);
  if (!existsSync(htmlFile)) throw new Error(`${htmlFile} not found`);
  const profile = mkdtempSync(path.join(tmpdir(), 'lokalpresse-chromium-'));
  const png = path.resolve(pngFile);
  const args = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--user-data-dir=${profile}`,
    `--screenshot=${png}`,
    `--window-size=${size.width},${size.height}`,
    '--hide-scrollbars',
    pathToFileURL(path.resolve(htmlFile)).href,
  ];
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(CHROMIUM, args, { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => {
        stderr = (stderr + chunk.toString()).slice(-4000);
      });
      const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
      child.on('error', reject);
      child.on('close', (code) => {
        clearTimeout(timer);
        if (existsSync(png) && statSync(png).size > 0) resolve();
        else reject(new Error(`chromium exited with ${code} and wrote no screenshot:\n${stderr}`));
      });
    });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return png;
}

const invoked =
  process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname);
if (invoked) {
  const [html, png] = process.argv.slice(2);
  if (!html) {
    console.error('usage: npx tsx scripts/screenshot-report.ts OUT/report.html [report.png]');
    process.exit(2);
  }
  screenshotReport(html, png)
    .then((file) => console.log(`screenshot: ${file}`))
    .catch((error: Error) => {
      console.error(error.message);
      process.exit(1);
    });
}
