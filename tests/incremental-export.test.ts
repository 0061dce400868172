/**
 * The per-file cache with a large export that ingest reads in parts: its results are stored and
 * replayed part by part, and any change to the export reads the whole file again.
 */
import {
  appendFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../src/config/schema.js';

// Small parts, so that a few dozen articles make an export that is read in parts (set before the
// ingest modules are loaded below).
const previousPartBytes = process.env.LOKALPRESSE_PART_BYTES;
process.env.LOKALPRESSE_PART_BYTES = '1024';

const orte = ['Altena', 'Bergheim', 'Bielefeld', 'Dortmund', 'Hamminkeln', 'Münster', 'Nordkirchen'];
const themen = [
  'eine neue Unterkunft für Geflüchtete in der alten Realschule',
  'einen Sprachkurs der Volkshochschule für Asylbewerber',
  'eine Kleiderkammer, die Ehrenamtliche im Gemeindehaus eröffnen',
  'die Kosten der Unterbringung, über die der Rat lange stritt',
  'ein Fußballturnier, bei dem Flüchtlinge und Vereinsmitglieder gemeinsam spielten',
];

function row(i: number): string {
  const ort = orte[i % orte.length] as string;
  const thema = themen[i % themen.length] as string;
  return JSON.stringify({
    id: `archiv-${String(i).padStart(4, '0')}`,
    title: `${ort}: Bericht Nummer ${i}`,
    date: `2016-0${(i % 9) + 1}-1${i % 10}`,
    text: `In ${ort} berichtet die Lokalredaktion am ${i}. Tag der Serie über ${thema}. Die Stadtverwaltung nannte ${i * 3} betroffene Menschen, ein Sprecher sprach von einer Aufgabe für alle. Anwohner meldeten sich in der Bürgersprechstunde zu Wort.`,
  });
}

describe('incremental re-runs with an export read in parts', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'lp-incremental-export-'));
  const corpus = path.join(root, 'corpus');
  mkdirSync(corpus);
  const exportFile = path.join(corpus, 'archiv-export.jsonl');
  let mods: {
    runStages: typeof import('../src/runner/run.js').runStages;
    memoryLogger: typeof import('../src/runner/log.js').memoryLogger;
    config: Config;
    packageRoot: string;
  };
  let fresh = 0;

  beforeAll(async () => {
    const [{ runStages }, { memoryLogger }, { parseConfig }, { packageRoot }] = await Promise.all([
      import('../src/runner/run.js'),
      import('../src/runner/log.js'),
      import('../src/config/load.js'),
      import('../src/paths.js'),
    ]);
    mods = { runStages, memoryLogger, config: parseConfig({}, 'test'), packageRoot };
    writeFileSync(exportFile, `${Array.from({ length: 60 }, (_, i) => row(i)).join('\n')}\n`);
    writeFileSync(
      path.join(corpus, 'einzeln.txt'),
      `Titel: Einzelner Bericht\n\n${JSON.parse(row(99)).text}`,
    );
    const hourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(exportFile, hourAgo, hourAgo);
    utimesSync(path.join(corpus, 'einzeln.txt'), hourAgo, hourAgo);
  });
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
    if (previousPartBytes === undefined) delete process.env.LOKALPRESSE_PART_BYTES;
    else process.env.LOKALPRESSE_PART_BYTES = previousPartBytes;
  });

  const ingest = async (outDir: string, force: boolean) => {
    const log = mods.memoryLogger();
    await mods.runStages(['ingest'], {
      corpusDir: corpus,
      outDir,
      config: mods.config,
      configDir: mods.packageRoot,
      codingsFile: null,
      force,
      log,
    });
    return log.lines;
  };
  const read = (dir: string) => ({
    articles: readFileSync(path.join(dir, 'articles.jsonl'), 'utf8'),
    rejected: readFileSync(path.join(dir, 'rejected.csv'), 'utf8'),
  });
  const same = async () => {
    const out = path.join(root, 'out');
    const log = await ingest(out, false);
    const scratch = path.join(root, `fresh-${fresh++}`);
    await ingest(scratch, true);
    expect(read(out)).toEqual(read(scratch));
    return log;
  };

  it('stores the export part by part and replays it unchanged', async () => {
    await same();
    const manifest = JSON.parse(
      readFileSync(path.join(root, 'out', '.lokalpresse', 'ingest.manifest.json'), 'utf8'),
    ) as { files: Record<string, { parts: unknown[] }> };
    expect(manifest.files['archiv-export.jsonl']?.parts.length).toBeGreaterThan(3);
    writeFileSync(path.join(corpus, 'zweiter.txt'), `Titel: Noch ein Bericht\n\n${JSON.parse(row(98)).text}`);
    const log = await same();
    expect(log).toContain('ingest: 2 of 3 files unchanged since the last run (results reused), 1 read');
  });

  it('reads the whole export again when rows are appended, with a broken line among them', async () => {
    appendFileSync(exportFile, `${row(60)}\n{"id": "abgebrochen", "text": "Die Zeile endet\n${row(61)}\n`);
    const log = await same();
    expect(log).toContain('ingest: 2 of 3 files unchanged since the last run (results reused), 1 read');
    const articles = read(path.join(root, 'out')).articles;
    expect(articles).toContain('"id":"archiv-0061"');
    expect(read(path.join(root, 'out')).rejected).toContain('archiv-export.jsonl');
  });
});
