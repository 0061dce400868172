import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config/load.js';
import { dataPath } from '../src/paths.js';
import { memoryLogger } from '../src/runner/log.js';
import { runStages } from '../src/runner/run.js';
import { stageOrder } from '../src/runner/stage.js';

describe('re-running after a dictionary or setting changes', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'lp-rerun-'));
  const corpus = path.join(root, 'corpus');
  mkdirSync(corpus);
  writeFileSync(
    path.join(corpus, 'unterkunft.txt'),
    'Titel: Neue Unterkunft für Geflüchtete in Hamminkeln\nDatum: 03.11.2015\n\nDie Stadt Hamminkeln richtet in Dingden eine Unterkunft für 80 Flüchtlinge ein. Der Bürgermeister lobte die große Hilfsbereitschaft der Ehrenamtlichen.',
  );
  writeFileSync(
    path.join(corpus, 'schuetzenfest.txt'),
    'Titel: Schützenfest in Altena\nDatum: 12.07.2016\n\nDas Schützenfest in Altena war ein voller Erfolg. Bei bestem Wetter feierten Hunderte Besucher auf dem Festplatz.',
  );
  const lexicon = path.join(root, 'eigenes-lexikon.tsv');
  writeFileSync(lexicon, 'Hilfsbereitschaft|NN\t0.5\t\n');
  const codebook = path.join(root, 'codebook.yml');
  copyFileSync(dataPath('codebook.yml'), codebook);
  const config = parseConfig(
    { score: { tone: { lexicons: [lexicon] } }, tag: { codebook }, ingest: { min_words: 1 } },
    'test',
  );
  const run = (names = stageOrder) =>
    runStages(names, {
      corpusDir: corpus,
      outDir: path.join(root, 'out'),
      config,
      configDir: root,
      codingsFile: null,
      force: false,
      log: memoryLogger(),
    });
  const statuses = (o: Awaited<ReturnType<typeof run>>) =>
    Object.fromEntries(o.map((x) => [x.stage, x.status]));

  it('re-runs only the stages whose dictionary changed, and what follows them', async () => {
    expect(Object.values(statuses(await run())).every((s) => s === 'ran')).toBe(true);
    expect(Object.values(statuses(await run())).every((s) => s === 'skipped')).toBe(true);

    appendFileSync(lexicon, 'Schützenfest|NN\t0.4\t\n');
    expect(statuses(await run())).toMatchObject({
      ingest: 'skipped',
      tokenize: 'skipped',
      tag: 'skipped',
      score: 'ran',
      aggregate: 'ran',
    });

    appendFileSync(codebook, '\nfeste:\n  - schützenfest*\n');
    expect(statuses(await run())).toMatchObject({
      ingest: 'skipped',
      tokenize: 'skipped',
      tag: 'ran',
      score: 'ran',
    });

    writeFileSync(
      path.join(corpus, 'neu.txt'),
      'Titel: Sprachkurs in Münster\n\nIn Münster beginnt ein neuer Deutschkurs für Geflüchtete.',
    );
    expect(statuses(await run())).toMatchObject({ ingest: 'ran', tokenize: 'ran' });
  });
});
