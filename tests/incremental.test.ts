import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { parseConfig } from '../src/config/load.js';
import type { Config } from '../src/config/schema.js';
import { packageRoot } from '../src/paths.js';
import { memoryLogger } from '../src/runner/log.js';
import { runStages, type StageOutcome } from '../src/runner/run.js';
import type { StageName } from '../src/runner/stage.js';
import { stages } from '../src/runner/stages.js';

const STAGES: StageName[] = ['ingest', 'tokenize', 'tag', 'score', 'aggregate'];

const unterkunft =
  'Titel: Neue Unterkunft für Geflüchtete in Hamminkeln\nDatum: 03.11.2015\n\nDie Stadt Hamminkeln richtet in der ehemaligen Grundschule in Dingden eine Unterkunft für 80 Flüchtlinge ein. Bürgermeister Bernd Romanski lobte die große Hilfsbereitschaft der Ehrenamtlichen, die bereits Kleiderspenden sortieren. Anwohner äußerten bei einer Versammlung im Bürgerhaus Sorgen wegen des Verkehrs, zeigten sich aber offen für Begegnungen.';
const sprachkurs =
  'Titel: Sprachkurs für Asylbewerber in Münster\nDatum: 14.01.2016\n\nIn Münster beginnt im Februar ein neuer Deutschkurs für Asylbewerber. Die Volkshochschule bietet zwanzig Plätze an, der Kurs ist nach wenigen Tagen ausgebucht. Ehrenamtliche Lehrerinnen unterstützen die hauptamtlichen Kräfte.';
const schuetzenfest =
  'Titel: Schützenfest in Altena\nDatum: 12.07.2016\n\nDas Schützenfest in Altena war ein voller Erfolg. Bei bestem Wetter feierten Hunderte Besucher auf dem Festplatz, der neue Schützenkönig wurde am Sonntag proklamiert.';
const agentur =
  'Titel: Land verteilt weitere Flüchtlinge auf die Kommunen\nDatum: 02.10.2015\n\nDas Land Nordrhein-Westfalen weist den Städten und Gemeinden in den kommenden Wochen weitere Flüchtlinge zu. Nach Angaben der Bezirksregierung Arnsberg sollen vor allem Turnhallen als Notunterkünfte dienen. Die Kommunen fordern mehr Geld vom Bund, um die Kosten der Unterbringung zu tragen.';
const agenturNeuerTitel = agentur.replace(
  'Land verteilt weitere Flüchtlinge auf die Kommunen',
  'Weitere Flüchtlinge für die Städte',
);
const exportJsonl = [
  {
    id: 'mz-2015-0917',
    title: 'Willkommensfest im Mülheimer Ledigenheim',
    date: '2015-09-17',
    source: 'Mülheimer Woche',
    text: 'Mit Musik und Kuchen haben Nachbarn am Samstag die neuen Bewohner des Ledigenheims begrüßt. Die Geflüchteten aus Syrien und Eritrea erzählten von ihrer Flucht, Kinder spielten auf der Wiese.',
  },
  {
    id: 'mz-2015-0921',
    title: 'Ratsdebatte über Containerdorf',
    date: '2015-09-21',
    source: 'Mülheimer Woche',
    text: 'Im Stadtrat von Mülheim an der Ruhr stritten die Fraktionen über ein geplantes Containerdorf für 300 Asylsuchende. Die Verwaltung verwies auf fehlende Alternativen.',
  },
]
  .map((r) => JSON.stringify(r))
  .join('\n');

function makeCorpus(dir: string): void {
  mkdirSync(path.join(dir, 'hamminkeln'), { recursive: true });
  mkdirSync(path.join(dir, 'muenster'), { recursive: true });
  writeFileSync(path.join(dir, 'hamminkeln', 'unterkunft.txt'), unterkunft);
  writeFileSync(path.join(dir, 'muenster', 'sprachkurs.txt'), sprachkurs);
  writeFileSync(path.join(dir, 'schuetzenfest altena.txt'), schuetzenfest);
  writeFileSync(path.join(dir, 'z-agentur.txt'), agentur);
  writeFileSync(path.join(dir, 'mülheim-export.jsonl'), `${exportJsonl}\n{"id": "kaputt", "text": \n`);
  writeFileSync(path.join(dir, 'leer.txt'), '');
  // Written an hour ago: size and mtime alone then vouch for an unchanged file (no re-hashing).
  const hourAgo = new Date(Date.now() - 3_600_000);
  for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' }))
    utimesSync(path.join(dir, f), hourAgo, hourAgo);
}

/** Every file a stage writes, as bytes, by name. */
function outputs(outDir: string): Record<string, string> {
  const files = STAGES.flatMap((s) => stages[s].writes);
  return Object.fromEntries(files.map((f) => [f, readFileSync(path.join(outDir, f), 'utf8')]));
}

describe('incremental re-runs', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'lp-incremental-'));
  const corpus = path.join(root, 'corpus');
  const out = path.join(root, 'out');
  makeCorpus(corpus);
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  let config: Config = parseConfig({ ingest: { min_words: 5 } }, 'test');
  let fresh = 0;

  const run = async (outDir: string, force: boolean) => {
    const log = memoryLogger();
    const outcomes = await runStages(STAGES, {
      corpusDir: corpus,
      outDir,
      config,
      configDir: packageRoot,
      codingsFile: null,
      force,
      log,
    });
    return { outcomes, log: log.lines };
  };
  const status = (outcomes: StageOutcome[]) => Object.fromEntries(outcomes.map((o) => [o.stage, o.status]));
  /** Runs incrementally and from scratch into a new folder; both must write the same bytes. */
  const compareWithFresh = async () => {
    const incremental = await run(out, false);
    const scratch = path.join(root, `fresh-${fresh++}`);
    const full = await run(scratch, true);
    expect(outputs(out)).toEqual(outputs(scratch));
    const counts = (o: StageOutcome[]) =>
      o.map((x) => [x.stage, x.result.in, x.result.out, x.result.rejected]);
    expect(counts(incremental.outcomes)).toEqual(counts(full.outcomes));
    return incremental;
  };

  it('first run computes everything, an unchanged re-run skips every stage', async () => {
    const first = await run(out, false);
    expect(Object.values(status(first.outcomes))).toEqual(STAGES.map(() => 'ran'));
    expect(first.log.some((l) => /unchanged since the last run/.test(l))).toBe(false);
    const again = await run(out, false);
    expect(Object.values(status(again.outcomes))).toEqual(STAGES.map(() => 'skipped'));
  });

  it('added files are read alone; a new earlier copy makes an old article a duplicate', async () => {
    // Sorts before z-agentur.txt: the old agency story becomes the duplicate of this one.
    writeFileSync(path.join(corpus, 'a-agentur.txt'), agenturNeuerTitel);
    writeFileSync(
      path.join(corpus, 'muenster', 'fahrradwerkstatt.txt'),
      'Titel: Fahrradwerkstatt für Geflüchtete\nDatum: 05.05.2016\n\nIn einer Garage im Kreuzviertel reparieren Ehrenamtliche gespendete Fahrräder für Flüchtlinge aus der Unterkunft an der York-Kaserne.',
    );
    const { log } = await compareWithFresh();
    expect(log).toContain('ingest: 6 of 8 files unchanged since the last run (results reused), 2 read');
    expect(log.some((l) => /^tokenize: \d+ of \d+ articles unchanged/.test(l))).toBe(true);
    // Codebook topics are weighed by corpus means after scoring, so score reuses its rows too.
    expect(log.some((l) => /^score: \d+ of \d+ articles unchanged/.test(l))).toBe(true);
    // The input files' row indexes tell the unchanged rows apart: only the new ones are read.
    for (const stage of ['tokenize', 'tag', 'score'])
      expect(log.some((l) => l.startsWith(`${stage}: `) && l.endsWith('computed (only those read)'))).toBe(
        true,
      );
    const articles = readFileSync(path.join(out, 'articles.jsonl'), 'utf8');
    expect(articles).toMatch(/"id":"z-agentur","file":"z-agentur.txt".*"duplicate_of":"a-agentur"/);
  });

  it('a file added at the end takes the duplicate marks of the files before it from the last run', async () => {
    const nachtrag = path.join(corpus, 'zz-nachtrag.txt');
    writeFileSync(nachtrag, schuetzenfest.replace('Schützenfest in Altena', 'Altena feiert Schützenfest'));
    const { log } = await compareWithFresh();
    expect(log).toContain(
      'ingest: duplicate marks of the first 8 articles reused (their files come first, unchanged and in the same order as last run)',
    );
    const articles = readFileSync(path.join(out, 'articles.jsonl'), 'utf8');
    // The mark reused, and the one found for the new article.
    expect(articles).toMatch(/"id":"z-agentur".*"duplicate_of":"a-agentur"/);
    expect(articles).toMatch(/"id":"zz-nachtrag".*"duplicate_of":"schuetzenfest altena"/);

    // Stored answers that do not fit the files are not trusted: ingest starts over without the cache.
    const manifestFile = path.join(out, '.lokalpresse', 'ingest.manifest.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as {
      order: { files: Array<[string, number]>; copies: Array<[number, number]> };
    };
    expect(manifest.order.copies.length).toBe(2);
    (manifest.order.files[0] as [string, number])[1] += 1;
    writeFileSync(manifestFile, JSON.stringify(manifest));
    writeFileSync(path.join(corpus, 'zz-nachtrag-2.txt'), sprachkurs.replace('Februar', 'März'));
    const second = await compareWithFresh();
    expect(second.log.some((l) => /^warning: ingest cache: stored order does not match/.test(l))).toBe(true);
    rmSync(path.join(corpus, 'zz-nachtrag-2.txt'));
    rmSync(nachtrag);
  });

  it('a changed file is read again and its article recomputed', async () => {
    writeFileSync(
      path.join(corpus, 'muenster', 'sprachkurs.txt'),
      sprachkurs.replace('zwanzig Plätze', 'dreißig Plätze'),
    );
    const { log } = await compareWithFresh();
    expect(log).toContain('ingest: 7 of 8 files unchanged since the last run (results reused), 1 read');
    expect(readFileSync(path.join(out, 'articles.jsonl'), 'utf8')).toContain('dreißig Plätze');
  });

  it('a deleted file disappears from every output', async () => {
    rmSync(path.join(corpus, 'a-agentur.txt'));
    await compareWithFresh();
    const articles = readFileSync(path.join(out, 'articles.jsonl'), 'utf8');
    expect(articles).not.toContain('a-agentur');
    expect(articles).toMatch(/"id":"z-agentur".*"duplicate_of":null/);
  });

  it('a touched file (new mtime, same bytes) is hashed, not read', async () => {
    const file = path.join(corpus, 'hamminkeln', 'unterkunft.txt');
    const later = new Date(statSync(file).mtimeMs + 60_000);
    utimesSync(file, later, later);
    const { outcomes, log } = await compareWithFresh();
    expect(status(outcomes).ingest).toBe('ran');
    expect(log).toContain('ingest: 7 of 7 files unchanged since the last run (results reused), 0 read');
    // Ingest wrote the same bytes, so everything after it is up to date.
    expect(status(outcomes).tokenize).toBe('skipped');
  });

  it('changed settings are never served from the cache', async () => {
    config = parseConfig({ ingest: { min_words: 40 }, tokenize: { extra_stopwords: ['stadt'] } }, 'test');
    const { log } = await compareWithFresh();
    expect(log.some((l) => /files unchanged since the last run/.test(l))).toBe(false);
    expect(log.some((l) => /^tokenize: .*unchanged since the last run/.test(l))).toBe(false);
    // Tags depend only on the tokens: articles without the new stopword keep theirs.
    expect(log.some((l) => /^tag: [1-9]\d* of \d+ articles unchanged/.test(l))).toBe(true);
    expect(readFileSync(path.join(out, 'rejected.csv'), 'utf8')).toMatch(/ingest\.min_words is 40/);
  });

  it('a damaged cache is ignored with a warning, and the results stay right', async () => {
    writeFileSync(path.join(corpus, 'neu.txt'), unterkunft.replaceAll('Hamminkeln', 'Bielefeld'));
    const state = path.join(out, '.lokalpresse');
    const parts = readdirSync(state).find((n) => /^ingest\.parts\.\d+\.jsonl$/.test(n)) as string;
    const manifest = JSON.parse(readFileSync(path.join(state, 'ingest.manifest.json'), 'utf8')) as {
      files: Record<string, { parts: Array<[number, number, string]> }>;
    };
    const [offset] = manifest.files['hamminkeln/unterkunft.txt']?.parts[0] ?? [0];
    const bytes = readFileSync(path.join(state, parts));
    bytes.fill(0x20, offset + 10, offset + 60);
    writeFileSync(path.join(state, parts), bytes);
    writeFileSync(path.join(state, 'tokenize.rows'), 'kaputt\n');
    const { log } = await compareWithFresh();
    expect(log.some((l) => /^warning: ingest cache: stored results of .* are damaged/.test(l))).toBe(true);
    expect(log.some((l) => /^tokenize: every article computed/.test(l))).toBe(true);

    writeFileSync(path.join(state, 'ingest.manifest.json'), '{"format": 1, "files": ');
    writeFileSync(path.join(corpus, 'neu.txt'), unterkunft.replaceAll('Hamminkeln', 'Bergheim'));
    const second = await compareWithFresh();
    expect(second.log.some((l) => /^warning: ingest: cache manifest .* is damaged/.test(l))).toBe(true);
  });

  it('without a usable index of its input a stage reads every row, with the same results', async () => {
    const index = path.join(out, '.lokalpresse', 'ingest.rows');
    rmSync(index);
    // A folder (not empty) where ingest's row index should go: storing it fails.
    mkdirSync(path.join(index, 'blockiert'), { recursive: true });
    onTestFinished(() => rmSync(index, { recursive: true, force: true }));
    writeFileSync(path.join(corpus, 'neu.txt'), unterkunft.replaceAll('Hamminkeln', 'Altena'));
    const { log } = await compareWithFresh();
    expect(log.some((l) => /^warning: ingest: could not store the row index/.test(l))).toBe(true);
    expect(log.some((l) => /^tokenize: .* computed \(every input row read to compare\)$/.test(l))).toBe(true);
    expect(log.some((l) => /^tag: .* computed \(only those read\)$/.test(l))).toBe(true);
  });

  it('an output edited in place is noticed, one only touched is not', async () => {
    expect(Object.values(status((await run(out, false)).outcomes))).toEqual(STAGES.map(() => 'skipped'));
    const scores = path.join(out, 'scores.jsonl');
    const later = new Date(statSync(scores).mtimeMs + 5_000);
    utimesSync(scores, later, later);
    expect(status((await run(out, false)).outcomes).aggregate).toBe('skipped');
    const text = readFileSync(scores, 'utf8');
    writeFileSync(scores, text.replace('"topic_basis":"codebook"', '"topic_basis":"none"    '));
    expect(statSync(scores).size).toBe(Buffer.byteLength(text));
    expect(status((await run(out, false)).outcomes).aggregate).toBe('ran');
  });

  it('a forced run drops the reusable results', async () => {
    const { log } = await run(out, true);
    expect(log.some((l) => /unchanged since the last run/.test(l))).toBe(false);
  });
});

describe('when the cache cannot be written', () => {
  it('the run still succeeds, with a warning', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'lp-incremental-nocache-'));
    onTestFinished(() => rmSync(root, { recursive: true, force: true }));
    const corpus = path.join(root, 'corpus');
    makeCorpus(corpus);
    const out = path.join(root, 'out');
    // A folder (not empty) where the manifest should go: renaming a file onto it fails.
    mkdirSync(path.join(out, '.lokalpresse', 'ingest.manifest.json', 'blockiert'), { recursive: true });
    const log = memoryLogger();
    const outcomes = await runStages(['ingest'], {
      corpusDir: corpus,
      outDir: out,
      config: parseConfig({}, 'test'),
      configDir: packageRoot,
      codingsFile: null,
      force: false,
      log,
    });
    expect(outcomes[0]?.status).toBe('ran');
    expect(log.lines.some((l) => /^warning: ingest: could not store results for the next run/.test(l))).toBe(
      true,
    );
    expect(readFileSync(path.join(out, 'articles.jsonl'), 'utf8')).toContain('"id":"z-agentur"');
  });
});
