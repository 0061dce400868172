import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config/load.js';
import { exploreStage, runExplore } from '../src/explore/stage.js';
import { encodeTokens } from '../src/io/tokens-codec.js';
import type { Article, ArticleTags } from '../src/records.js';
import { memoryLogger } from '../src/runner/log.js';
import type { StageContext } from '../src/runner/stage.js';
import { tokenizeGerman } from '../src/tokenize/german.js';

interface Item {
  id: string;
  municipality: string | null;
  relevant: boolean;
  duplicate_of?: string;
  text: string;
}

const ITEMS: Item[] = [
  {
    id: 'a1',
    municipality: 'Altena',
    relevant: true,
    text: 'Flüchtlinge ziehen in die Notunterkunft der Turnhalle, die Stadt bringt Feldbetten.',
  },
  {
    id: 'a2',
    municipality: 'Altena',
    relevant: true,
    text: 'Die Turnhalle bleibt Notunterkunft: weitere Flüchtlinge erwartet, Feldbetten fehlen.',
  },
  {
    id: 'a3',
    municipality: 'Bergheim',
    relevant: true,
    text: 'In Bergheim wird die Turnhalle zur Notunterkunft, Flüchtlinge schlafen auf Feldbetten.',
  },
  {
    id: 'b1',
    municipality: 'Bergheim',
    relevant: true,
    text: 'Ehrenamtliche geben Deutschkurse für Geflüchtete im Integrationskurs der Volkshochschule.',
  },
  {
    id: 'b2',
    municipality: 'Münster',
    relevant: true,
    text: 'Der Integrationskurs der Volkshochschule ist voll, Ehrenamtliche bieten weitere Deutschkurse an.',
  },
  {
    id: 'b3',
    municipality: null,
    relevant: true,
    text: 'Volkshochschule und Ehrenamtliche: Deutschkurse und Integrationskurs für Geflüchtete starten.',
  },
  // Not relevant and a duplicate: both stay out of the exploration.
  {
    id: 'x1',
    municipality: 'Münster',
    relevant: false,
    text: 'Der Wochenmarkt zieht um, Händler und Marktstände stehen ab Montag am Rathaus.',
  },
  {
    id: 'x2',
    municipality: 'Münster',
    relevant: true,
    duplicate_of: 'b2',
    text: 'Der Integrationskurs der Volkshochschule ist voll, Ehrenamtliche bieten weitere Deutschkurse an.',
  },
];

function writeStageInputs(dir: string): void {
  const articles = ITEMS.map(
    (it): Article => ({
      id: it.id,
      file: 'presse.csv',
      record: null,
      title: '',
      date: null,
      date_basis: null,
      source: null,
      url: null,
      author: null,
      municipality: it.municipality,
      municipality_basis: it.municipality ? 'text' : 'none',
      language: 'de',
      text: it.text,
      duplicate_of: it.duplicate_of ?? null,
      encoding: 'utf-8',
    }),
  );
  const tags = ITEMS.map(
    (it): ArticleTags => ({
      id: it.id,
      words: 12,
      places: {},
      actors: {},
      topics: {},
      query_hits: it.relevant ? 1 : 0,
      relevant: it.relevant,
      target_sentences: [],
    }),
  );
  writeFileSync(path.join(dir, 'articles.jsonl'), articles.map((a) => `${JSON.stringify(a)}\n`).join(''));
  writeFileSync(path.join(dir, 'tags.jsonl'), tags.map((t) => `${JSON.stringify(t)}\n`).join(''));
  writeFileSync(
    path.join(dir, 'tokens.jsonl'),
    ITEMS.map((it) => encodeTokens({ id: it.id, sentences: tokenizeGerman(it.text) })).join(''),
  );
}

function context(dir: string, raw: Record<string, unknown>): StageContext {
  return {
    corpusDir: dir,
    outDir: dir,
    config: parseConfig(raw, 'test'),
    configDir: dir,
    codingsFile: null,
    log: memoryLogger(),
    articleCount: ITEMS.length,
  };
}

describe('exploreStage', () => {
  it('writes topic terms and topics by municipality from the relevant first copies', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lokalpresse-explore-'));
    writeStageInputs(dir);
    const ctx = context(dir, { output: { csv_dialect: 'rfc4180' }, explore: { k: 2, top_terms: 3 } });
    const result = await runExplore(ctx);
    expect(result).toMatchObject({ in: 8, out: 6, rejected: 0 });

    const terms = parse(readFileSync(path.join(dir, 'explore_topics.csv'), 'utf8'), {
      columns: true,
    }) as Record<string, string>[];
    expect(Object.keys(terms[0] ?? {})).toEqual(['topic', 'rank', 'term', 'weight', 'coherence']);
    // One coherence per topic, the same on each of its rows, within [−1, 1].
    for (const topic of ['1', '2']) {
      const values = new Set(terms.filter((t) => t.topic === topic).map((t) => t.coherence));
      expect(values.size).toBe(1);
      const value = Number([...values][0]);
      expect(value).toBeGreaterThanOrEqual(-1);
      expect(value).toBeLessThanOrEqual(1);
    }
    expect(terms).toHaveLength(2 * 3);
    const allTerms = terms.map((t) => t.term);
    expect(allTerms).not.toContain('wochenmarkt');
    expect(allTerms).toEqual(expect.arrayContaining(['notunterkunft']));

    const byPlace = parse(readFileSync(path.join(dir, 'explore_topics_by_municipality.csv'), 'utf8'), {
      columns: true,
    }) as Record<string, string>[];
    expect(Object.keys(byPlace[0] ?? {})).toEqual([
      'municipality',
      'topic',
      'articles',
      'share',
      'top_terms',
    ]);
    expect([...new Set(byPlace.map((r) => r.municipality))]).toEqual([
      '(ohne Ort)',
      'Altena',
      'Bergheim',
      'Münster',
    ]);
    // Münster has one article counted (the duplicate and the market article are left out).
    const muenster = byPlace.filter((r) => r.municipality === 'Münster');
    expect(muenster.reduce((s, r) => s + Number(r.articles), 0)).toBe(1);
    const altenaMain = byPlace.find((r) => r.municipality === 'Altena' && r.articles === '2');
    expect(altenaMain?.top_terms).toContain('notunterkunft');
  });

  it('honours the CSV dialect of the config and declares its files', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lokalpresse-explore-'));
    writeStageInputs(dir);
    await runExplore(context(dir, {}));
    const text = readFileSync(path.join(dir, 'explore_topics.csv'), 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.split('\r\n')[0]).toBe('\uFEFFtopic;rank;term;weight;coherence');
    expect(exploreStage.writes).toEqual(['explore_topics.csv', 'explore_topics_by_municipality.csv']);
    expect(exploreStage.reads).toContain('tokens.jsonl');
  });
});
