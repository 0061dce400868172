import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseYamlDictionary } from '../src/dictionary/load.js';
import {
  featureViews,
  predictTopic,
  resolveOptions,
  type TopicSample,
  trainTopicClassifier,
} from '../src/score/topics/classifier.js';
import {
  defaultNewsFieldsFile,
  fieldHits,
  innerPrefixPieces,
  loadNewsFields,
  newsFieldLexicon,
} from '../src/score/topics/fields.js';
import { innerGroups, innerPieceIndex } from '../src/score/topics/inner-pieces.js';
import { articleTerms, openTermTable, termKind } from '../src/score/topics/terms.js';
import { tokenizeGerman } from '../src/tokenize/german.js';

const tiny = {
  medien: ['sender', 'moderator*', 'einschaltquote*', 'fernseh*', '=ORF'],
  sport: ['torhüter*', 'elfmeter*', 'fußball*', 'schiedsrichter*'],
  justiz: ['staatsanwalt*', 'urteil*', 'gericht*'],
};

describe('the shipped news-field lexicon', () => {
  const spec = parseYamlDictionary(readFileSync(defaultNewsFieldsFile, 'utf8'));

  it('has a dozen or more general fields with many words each, some split into subfields', () => {
    const top = new Map<string, number>();
    for (const [key, patterns] of Object.entries(spec)) {
      const field = key.split('.')[0] as string;
      top.set(field, (top.get(field) ?? 0) + patterns.length);
    }
    expect(top.size).toBeGreaterThanOrEqual(12);
    for (const [field, n] of top) expect({ field, many: n >= 80 }).toEqual({ field, many: true });
    const { fields } = loadNewsFields(false);
    expect(fields).toEqual(expect.arrayContaining(['sport', 'medien', 'medien.presse', 'kultur', 'krieg']));
    expect(fields.indexOf('medien')).toBeLessThan(fields.indexOf('medien.presse'));
  });

  it('lists no pattern twice within a field', () => {
    for (const [field, patterns] of Object.entries(spec)) {
      const repeated = patterns.filter((p, i) => patterns.indexOf(p) !== i);
      expect({ field, repeated }).toEqual({ field, repeated: [] });
    }
  });

  it('puts the words of a TV story into the media field and a match report into sport', () => {
    const lexicon = loadNewsFields(false);
    const tv = fieldHits(
      tokenizeGerman(
        'Die Moderatorin verlässt den Privatsender. Ihre Talkshow holte zuletzt schwache Quoten, ' +
          'die Redaktion wird verkleinert.',
      ),
      lexicon,
    );
    const match = fieldHits(
      tokenizeGerman('Der Schiedsrichter gab in der Nachspielzeit einen Elfmeter, der Torhüter hielt.'),
      lexicon,
    );
    expect(tv.get('medien') ?? 0).toBeGreaterThanOrEqual(4);
    expect(tv.get('sport') ?? 0).toBe(0);
    expect(match.get('sport') ?? 0).toBeGreaterThanOrEqual(3);
    expect(match.get('medien') ?? 0).toBe(0);
  });
});

describe('fieldHits', () => {
  it('counts a subfield hit once for the subfield and once for its parent, per token', () => {
    const lexicon = newsFieldLexicon(
      { 'medien.rundfunk': ['sender', 'fernseh*'], 'medien.presse': ['zeitung*', 'fernsehzeitung*'] },
      { compounds: false },
    );
    expect(lexicon.fields).toEqual(['medien', 'medien.rundfunk', 'medien.presse']);
    const hits = fieldHits(tokenizeGerman('Die Fernsehzeitung lobt den Sender, die Zeitung nicht.'), lexicon);
    expect(Object.fromEntries(hits)).toEqual({ medien: 3, 'medien.rundfunk': 2, 'medien.presse': 2 });
  });

  it('counts each field once per matching token, several fields per article', () => {
    const lexicon = newsFieldLexicon(tiny, { compounds: false });
    const hits = fieldHits(
      tokenizeGerman(
        'Der ORF zeigt das Fußballspiel. Der Moderator kritisiert den Schiedsrichter. Das Gericht schweigt.',
      ),
      lexicon,
    );
    expect(Object.fromEntries(hits)).toEqual({ medien: 2, sport: 2, justiz: 1 });
  });

  it('matches case-sensitive abbreviations only as written', () => {
    const lexicon = newsFieldLexicon(tiny, { compounds: false });
    expect(fieldHits(tokenizeGerman('Der ORF sendet.'), lexicon).get('medien')).toBe(1);
    expect(fieldHits(tokenizeGerman('Im Orf gibt es kein Kino.'), lexicon).get('medien')).toBeUndefined();
  });

  it('lets compound heads vote for their field only with compounds on', () => {
    const sentences = tokenizeGerman(
      'Der Nachrichtensender und das Privatfernsehen streiten vor dem Landesgericht.',
    );
    const plain = fieldHits(sentences, newsFieldLexicon(tiny, { compounds: false }));
    const compounds = fieldHits(sentences, newsFieldLexicon(tiny, { compounds: true }));
    // `gericht*` is a prefix: `Landesgericht` needs the inner match; `sender` is a literal head.
    expect(plain.get('medien')).toBeUndefined();
    expect(plain.get('justiz')).toBeUndefined();
    expect(compounds.get('medien')).toBe(2);
    expect(compounds.get('justiz')).toBe(1);
  });

  it('counts an article once and answers again from memory', () => {
    const lexicon = newsFieldLexicon(tiny, { compounds: false });
    const sentences = tokenizeGerman('Der Moderator lobt den Torhüter.');
    const first = fieldHits(sentences, lexicon);
    expect(fieldHits(sentences, lexicon)).toBe(first);
    const copy = tokenizeGerman('Der Moderator lobt den Torhüter.');
    expect(fieldHits(copy, lexicon)).not.toBe(first);
    expect(Object.fromEntries(fieldHits(copy, lexicon))).toEqual({ medien: 1, sport: 1 });
  });

  it('returns nothing for an empty article', () => {
    expect(fieldHits([], loadNewsFields(true)).size).toBe(0);
  });
});

describe('innerPrefixPieces', () => {
  it('takes the pieces of long one-word prefix globs only', () => {
    expect(
      innerPrefixPieces(['fernseh*', 'sport*', '=ORF*', 'tour de france', 'sender', '*quote', 'Fußball*']),
    ).toEqual(['fernseh', 'fußball']);
  });
});

describe('innerGroups', () => {
  const index = innerPieceIndex([
    ['fernseh', 0],
    ['regierung', 1],
    ['gericht', 2],
    ['gerichtsmedizin', 3],
  ]);

  it('finds pieces inside words after the first three letters', () => {
    expect(innerGroups(index, 'privatfernsehen')).toEqual([0]);
    expect(innerGroups(index, 'landesregierungen')).toEqual([1]);
    expect(innerGroups(index, 'landesgerichtsmedizin')).toEqual([2, 3]);
  });

  it('leaves pieces at the start of a word and words without them alone', () => {
    expect(innerGroups(index, 'fernsehen')).toEqual([]);
    expect(innerGroups(index, 'abgericht')).toEqual([]);
    expect(innerGroups(index, 'landtag')).toEqual([]);
    expect(innerGroups(index, '')).toEqual([]);
  });

  it('answers a repeated word from its cache with the same result', () => {
    const first = innerGroups(index, 'nachrichtenfernseher');
    expect(innerGroups(index, 'nachrichtenfernseher')).toBe(first);
    expect(first).toEqual([0]);
  });
});

describe('field pseudo-terms', () => {
  const sentences = tokenizeGerman('Der Torhüter hielt den Elfmeter, die Einschaltquote war hoch.');
  const base = resolveOptions();

  it('are added as `f:` terms only when asked for', () => {
    const off = openTermTable();
    articleTerms(sentences, { ...base, charMin: 0, charMax: 0 }, off);
    expect(off.terms.filter((t) => termKind(t) === 'f')).toEqual([]);
    const on = openTermTable();
    const counts = articleTerms(sentences, { ...base, charMin: 0, charMax: 0, fields: true }, on);
    const sport = on.ids.get('f:sport');
    expect(sport).toBeDefined();
    expect(counts.get(sport as number)).toBe(2);
    expect(on.ids.has('f:medien')).toBe(true);
  });

  it('leave out subfields below fieldDepth', () => {
    const text = tokenizeGerman('Die Zeitung berichtet über den Fernsehsender.');
    const fieldTerms = (fieldDepth?: number) => {
      const table = openTermTable();
      articleTerms(text, { ...base, charMin: 0, charMax: 0, fields: true, fieldDepth }, table);
      return table.terms.filter((t) => termKind(t) === 'f').sort();
    };
    expect(fieldTerms(1)).toEqual(['f:medien']);
    expect(fieldTerms()).toEqual(['f:medien', 'f:medien.presse', 'f:medien.rundfunk']);
  });

  it('go into both views by default', () => {
    const model = trainTopicClassifier(
      [
        { id: 'a', label: 'Sport', sentences: tokenizeGerman('Der Torhüter hält den Elfmeter im Derby.') },
        { id: 'b', label: 'Sport', sentences: tokenizeGerman('Die Mannschaft feiert den Pokal im Stadion.') },
        { id: 'c', label: 'Medien', sentences: tokenizeGerman('Der Fernsehsender verliert Zuschauer.') },
        { id: 'd', label: 'Medien', sentences: tokenizeGerman('Die Zeitung entlässt ihren Chefredakteur.') },
      ],
      { minDf: 1, selfTrainingRounds: 0 },
    );
    expect(model.views).toHaveLength(2);
    for (const view of model.views)
      expect(view.vocabulary).toEqual(expect.arrayContaining(['f:sport', 'f:medien']));
  });

  it('go into the views named by fieldViews', () => {
    const pick = (fieldViews: 'none' | 'words' | 'chars' | 'all') =>
      featureViews(resolveOptions({ fieldViews })).map((v) => v.fields);
    expect(pick('none')).toEqual([false, false]);
    expect(pick('words')).toEqual([true, false]);
    expect(pick('chars')).toEqual([false, true]);
    expect(pick('all')).toEqual([true, true]);
    expect(
      featureViews(resolveOptions({ views: 'joint', fieldViews: 'words' })).map((v) => v.fields),
    ).toEqual([true]);
  });
});

describe('a classifier with news fields', () => {
  // Two categories whose coded articles share no topical word with the articles to classify: only the
  // fields connect "Fernsehen" with "Einschaltquote" and "Fußball" with "Elfmeter".
  const coded: Array<[string, string]> = [
    ['Medien', 'Der Fernsehsender zeigt eine neue Talkshow am Abend.'],
    ['Medien', 'Die Moderatorin wechselt zum Privatsender, das Programm wird umgebaut.'],
    ['Medien', 'Die Zeitung entlässt Redakteure, die Auflage sinkt weiter.'],
    ['Medien', 'Das Radio startet einen Podcast mit dem Chefredakteur.'],
    ['Sport', 'Die Fußballmannschaft gewinnt das Derby im Stadion.'],
    ['Sport', 'Der Trainer lobt den Stürmer nach dem Heimsieg.'],
    ['Sport', 'Die Schwimmerin holt eine Medaille bei der Meisterschaft.'],
    ['Sport', 'Im Tennisturnier scheidet der Titelverteidiger im Halbfinale aus.'],
  ];
  const samples: TopicSample[] = coded.map(([label, text], i) => ({
    id: `c${i}`,
    label,
    sentences: tokenizeGerman(text),
  }));
  const unseen: Array<[string, string]> = [
    ['Medien', 'Die Einschaltquote der Serie enttäuscht, die Staffel endet vorzeitig.'],
    ['Medien', 'Journalisten kritisieren die Reichweite der Sendung und die Werbeeinnahmen.'],
    ['Sport', 'Der Torhüter pariert den Elfmeter, der Schiedsrichter zeigt Gelb.'],
    ['Sport', 'Die Skifahrerin siegt im Slalom, der Weltcup geht weiter.'],
  ];

  it('codes articles whose words the coded sample never saw by their field', () => {
    const options = {
      selfTrainingRounds: 0,
      minDf: 1,
      fieldViews: 'all' as const,
      blockWeights: { w: 1, b: 0.5, c: 1, n: 1, f: 1 },
    };
    const model = trainTopicClassifier(samples, options);
    expect(model.views.some((v) => v.vocabulary.includes('f:medien'))).toBe(true);
    for (const [label, text] of unseen) expect(predictTopic(model, tokenizeGerman(text)).label).toBe(label);
  });
});

describe('models stored before news fields existed', () => {
  it('still classify: without `fields` options or an `f` block weight they use no field terms', () => {
    const coded: TopicSample[] = [
      ['Sport', 'Der Stürmer trifft im Derby, die Mannschaft jubelt im Stadion.'],
      ['Sport', 'Die Trainerin lobt das Team nach dem Sieg in der Meisterschaft.'],
      ['Kultur', 'Das Theater zeigt eine Inszenierung, das Ensemble erhält Applaus.'],
      ['Kultur', 'Im Museum eröffnet eine Ausstellung mit Gemälden einer Künstlerin.'],
    ].map(([label, text], i) => ({
      id: `o${i}`,
      label: label as string,
      sentences: tokenizeGerman(text as string),
    }));
    const model = trainTopicClassifier(coded, { selfTrainingRounds: 0, minDf: 1, fieldViews: 'none' });
    const stored = JSON.parse(JSON.stringify(model)) as typeof model;
    for (const view of stored.views) {
      const options = view.options as Partial<typeof view.options>;
      delete options.fields;
      delete options.fieldCompounds;
      delete options.fieldViews;
      delete (options.blockWeights as Partial<Record<string, number>>).f;
    }
    const article = tokenizeGerman('Die Ausstellung im Museum zeigt Gemälde.');
    expect(predictTopic(stored, article)).toEqual(predictTopic(model, article));
    expect(predictTopic(stored, article).label).toBe('Kultur');
  });
});
