/**
 * Agency copy as local papers print it: the same story under a rewritten headline and lead, with a
 * local closing paragraph, cut short, retyped; and, kept apart, two reports on the same event.
 * These decisions must not depend on the hashing scheme behind the signatures.
 */
import { describe, expect, it } from 'vitest';
import {
  createDuplicateFinder,
  estimateJaccard,
  normalizeWords,
  signTexts,
} from '../src/ingest/duplicates.js';

const story = `Kommunen fordern mehr Geld für die Unterbringung
Berlin (epd) – Die Städte und Gemeinden in Deutschland verlangen vom Bund eine deutlich höhere Beteiligung an den Kosten für die Unterbringung und Versorgung von Geflüchteten. Die bisherige Pauschale von 670 Euro pro Person und Monat reiche bei Weitem nicht aus, sagte der Hauptgeschäftsführer des Deutschen Städte- und Gemeindebundes am Mittwoch in Berlin. Viele Kommunen hätten ihre Turnhallen und Bürgerhäuser bereits seit Monaten belegt, neue Plätze ließen sich kaum noch schaffen. Vor allem in den Ballungsräumen fehle bezahlbarer Wohnraum, in den auch anerkannte Flüchtlinge umziehen könnten. Der Verband schlägt vor, dass der Bund die Kosten für Unterkunft und Heizung anerkannter Asylbewerber vollständig übernimmt. Außerdem müssten die Länder die Mittel schneller an die Kommunen weiterleiten. Das Bundesinnenministerium verwies auf die bereits zugesagten Milliardenhilfen und kündigte weitere Gespräche mit Ländern und Kommunen im Herbst an. Die Zahl der Asylanträge ist in den vergangenen Monaten erneut gestiegen. Nach Angaben des Bundesamtes für Migration und Flüchtlinge wurden im ersten Halbjahr mehr als 150.000 Erstanträge gestellt. Die meisten Antragsteller kommen aus Syrien, Afghanistan und dem Irak.`;

const rewrittenHead = story
  .replace(
    'Kommunen fordern mehr Geld für die Unterbringung',
    'Städtebund schlägt Alarm: Die Pauschale reicht nicht',
  )
  .replace(
    'Berlin (epd) – Die Städte und Gemeinden in Deutschland verlangen vom Bund',
    'Die Kommunen sind am Limit. Deshalb fordern Städte und Gemeinden jetzt vom Bund',
  );

const localClosing = `${story}
Auch in Bergheim ist die Lage angespannt. Die Stadt hat in diesem Jahr bereits 420 Menschen aufgenommen und die Sporthalle am Gymnasium in eine Notunterkunft umgewandelt. Bürgermeisterin Maria Pfeiffer unterstützt die Forderung des Verbandes: Ohne mehr Geld vom Bund müssten andere Aufgaben zurückstehen, sagte sie am Donnerstag.`;

const cutShort = story.slice(0, story.indexOf(' Die Zahl der Asylanträge'));

const retyped = story
  .replace(/Flüchtlinge/g, 'Flüch\u00adtlinge')
  .replace(/ü/g, 'u\u0308')
  .replace(/ – /g, ' - ')
  .replace(/\. /g, '.\n');

const sameEventOther = `Städtebund: Bund soll Kosten für Flüchtlinge übernehmen
Der Deutsche Städte- und Gemeindebund hat am Mittwoch in Berlin erneut mehr Unterstützung für die Kommunen gefordert. Sein Hauptgeschäftsführer nannte die Pauschale des Bundes von 670 Euro im Monat unzureichend. Wir erleben in vielen Rathäusern eine Überforderung, die sich nicht mehr wegorganisieren lässt, sagte er vor Journalisten. Konkret verlangt der Verband, dass der Bund für anerkannte Asylbewerber Miete und Heizkosten komplett trägt. Kritik kam aus der Union im Bundestag: Die Kommunen dürften nicht nur nach Geld rufen, sondern müssten auch Abschiebungen konsequenter durchsetzen. Die Grünen unterstützten dagegen die Forderung und verlangten einen Flüchtlingsgipfel noch vor der Sommerpause. Das Innenministerium erklärte, man sei mit den Ländern im Gespräch. Eine Entscheidung über zusätzliche Mittel soll im Herbst fallen.`;

const otherStory = `Sprachpaten gesucht
Die Flüchtlingshilfe in Hamminkeln sucht weitere Ehrenamtliche, die Geflüchteten beim Deutschlernen helfen. Derzeit betreuen 35 Sprachpatinnen und Sprachpaten rund 60 Frauen, Männer und Kinder, die meisten von ihnen leben in der Unterkunft an der Diersfordter Straße. Getroffen wird sich meist einmal in der Woche, oft in der Stadtbücherei oder im Café am Markt. Vorkenntnisse sind nicht nötig, sagte die Koordinatorin. Wichtig seien Geduld und etwas Zeit. Ein Einführungsabend findet am 14. September um 19 Uhr im Bürgerhaus statt. Wer mitmachen möchte, kann sich auch telefonisch bei der Stadtverwaltung melden.`;

describe('agency copies', () => {
  it('finds the story under a rewritten headline and lead', () => {
    const f = createDuplicateFinder();
    expect(f.check('epd', story)).toBeNull();
    expect(f.check('lokal', rewrittenHead)).toBe('epd');
  });

  it('finds the story with a local closing paragraph, cut short, or retyped', () => {
    const f = createDuplicateFinder();
    expect(f.check('epd', story)).toBeNull();
    expect(f.check('bergheim', localClosing)).toBe('epd');
    expect(f.check('kurz', cutShort)).toBe('epd');
    expect(f.check('neu-gesetzt', retyped)).toBe('epd');
  });

  it('points copies of copies at the first copy, whatever order they come in', () => {
    const f = createDuplicateFinder();
    expect(f.check('a', localClosing)).toBeNull();
    expect(f.check('b', rewrittenHead)).toBe('a');
    expect(f.check('c', story)).toBe('a');
    expect(f.check('d', cutShort)).toBe('a');
  });

  it('keeps two reports on the same event and an unrelated story apart', () => {
    const f = createDuplicateFinder();
    expect(f.check('epd', story)).toBeNull();
    expect(f.check('eigener-bericht', sameEventOther)).toBeNull();
    expect(f.check('hamminkeln', otherStory)).toBeNull();
    expect(f.check('nochmal', sameEventOther)).toBe('eigener-bericht');
  });
});

/** Exact Jaccard similarity of word 5-gram sets. */
function exactJaccard(a: string, b: string): number {
  const grams = (text: string): Set<string> => {
    const w = normalizeWords(text);
    const out = new Set<string>();
    for (let i = 0; i + 5 <= w.length; i++) out.add(w.slice(i, i + 5).join(' '));
    return out;
  };
  const ga = grams(a);
  const gb = grams(b);
  let both = 0;
  for (const g of ga) if (gb.has(g)) both++;
  return both / (ga.size + gb.size - both);
}

describe('signature estimates', () => {
  const sign = signTexts();
  const sentences = [story, localClosing, sameEventOther, otherStory].join(' ').split(/(?<=\.) /);

  it('estimate the Jaccard similarity of shingle sets closely', () => {
    // Pairs from the same sentences at every level of overlap: a sliding window over the sentences.
    const errors: number[] = [];
    for (let shift = 1; shift <= 12; shift++) {
      for (const start of [0, 7, 14]) {
        const a = sentences.slice(start, start + 14).join(' ');
        const b = sentences.slice(start + shift, start + shift + 14).join(' ');
        const exact = exactJaccard(a, b);
        errors.push(Math.abs(estimateJaccard(sign(a).signature, sign(b).signature) - exact));
      }
    }
    const mean = errors.reduce((s, e) => s + e, 0) / errors.length;
    expect(mean).toBeLessThan(0.04);
    expect(Math.max(...errors)).toBeLessThan(0.15);
  });

  it('count distinct shingles and mark empty texts', () => {
    expect(sign('eins zwei drei vier fünf sechs').shingles).toBe(2);
    // The sixth shingle repeats the first.
    expect(sign('eins zwei drei vier fünf eins zwei drei vier fünf').shingles).toBe(5);
    expect(sign('nur drei Wörter').shingles).toBe(1);
    expect(sign(' – ').empty).toBe(true);
    expect(sign(' – ').shingles).toBe(0);
  });
});
