import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileDictionary, countHits, findHits, loadDictionary } from '../src/dictionary/index.js';
import { compilePlaces, findPlaceMentions, parsePlaceConfig } from '../src/ingest/municipality.js';
import { parseTokensLine } from '../src/io/tokens-codec.js';
import { dataPath } from '../src/paths.js';
import type { ArticleTags } from '../src/records.js';
import { createProcessor } from '../src/tag/process.js';
import { createProcessor as createTokenizer } from '../src/tokenize/process.js';

const files = {
  query: dataPath('query.yml'),
  actors: dataPath('actors.yml'),
  codebook: dataPath('codebook.yml'),
  targets: dataPath('targets.yml'),
  places: dataPath('municipalities.json'),
};
const tag = createProcessor({ files, minQueryHits: 1 });
const tokenize = createTokenizer({ extraStopwords: [] });
const tokensLine = (id: string, title: string, text: string): string =>
  tokenize([JSON.stringify({ id, title, text })]).trimEnd();

const articles: Array<[string, string]> = [
  [
    'Turnhalle in Hörde wird Notunterkunft',
    `DORTMUND. Die Stadt Dortmund bringt ab Montag bis zu 150 Geflüchtete in der Turnhalle an der Seekante in Dortmund-Hörde unter. Sozialdezernentin Birgit Zoerner bat um Verständnis: „Wir haben keine andere Wahl.“
Der Sportverein muss sein Training verlegen. Ehrenamtliche Helfer*innen vom Runden Tisch Hörde sammeln Kleidung; die Caritas übernimmt die Betreuung der Asylbewerber.
Die AfD-Fraktion kritisierte die Pläne, SPD und Grüne verteidigten sie.`,
  ],
  [
    'Sprachcafé im Stadtteilzentrum',
    `Mülheim an der Ruhr. Jeden Dienstag treffen sich im Stadtteilzentrum Styrum Flüchtlinge und Nachbarn zum Sprachcafé. Anders als in Köln-Mülheim gibt es hier keine Warteliste.
Die Volkshochschule bietet zusätzlich Integrationskurse an; 40 Plätze sind frei.`,
  ],
  [
    'Wetter',
    'Am Wochenende bleibt es in Münster trocken, erst am Montag zieht Regen auf. Das Münster ist ab 9 Uhr geöffnet.',
  ],
];

describe('tag processor', () => {
  const dict = (f: string) => compileDictionary(loadDictionary(f), { compounds: true });
  const query = dict(files.query);
  const actors = dict(files.actors);
  const codebook = dict(files.codebook);
  const targets = dict(files.targets);
  const gazetteer = compilePlaces(parsePlaceConfig(JSON.parse(readFileSync(files.places, 'utf8'))));

  it('tags like each dictionary and the place matcher on their own', () => {
    articles.forEach(([title, text], k) => {
      const line = tokensLine(`a${k}`, title, text);
      const { sentences } = parseTokensLine(line);
      const tags = JSON.parse(tag([line])) as ArticleTags;
      const queryHits = Object.values(countHits(query, sentences)).reduce((a, b) => a + b, 0);
      expect(tags).toEqual({
        id: `a${k}`,
        words: sentences.flat().filter((t) => t.word).length,
        places: findPlaceMentions(gazetteer, sentences.map((s) => s.map((t) => t.text).join(' ')).join('\n')),
        actors: countHits(actors, sentences),
        topics: countHits(codebook, sentences),
        query_hits: queryHits,
        relevant: queryHits >= 1,
        target_sentences: sentences.flatMap((s, i) => (findHits(targets, s).length > 0 ? [i] : [])),
      });
    });
  });

  it('finds places, query terms and target sentences in realistic text', () => {
    const [first, second, third] = articles.map(
      ([title, text], k) => JSON.parse(tag([tokensLine(`a${k}`, title, text)])) as ArticleTags,
    );
    // Hörde in the title and twice in the text, DORTMUND., Stadt Dortmund; Dortmund-Hörde counts once.
    expect(first?.places).toEqual({ Dortmund: 5 });
    expect(first?.relevant).toBe(true);
    expect(first?.target_sentences.length).toBeGreaterThanOrEqual(2);
    // Köln-Mülheim is not Mülheim an der Ruhr; Styrum is one of its districts.
    expect(second?.places).toEqual({ 'Mülheim an der Ruhr': 2 });
    expect(second?.relevant).toBe(true);
    // The cathedral is not the city.
    expect(third?.places).toEqual({ Münster: 1 });
    expect(third?.relevant).toBe(false);
    expect(third?.query_hits).toBe(0);
  });
});
