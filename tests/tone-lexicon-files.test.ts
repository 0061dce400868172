import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSentiWs, projectLexiconFiles } from '../src/score/tone/lexicon.js';
import { weightOf } from './tone-helpers.js';

/** The files the built-in lexicon reads, in its order. */
const files = projectLexiconFiles();

describe('the bundled lexicon files', () => {
  it('give every written form one weight, so a file says what is in effect', () => {
    // The file read last would win silently: `positiv` at 0 in one file and 0.4 in another, or
    // `Zusammenhalt` at 0.45 overridden by 0.15 (below the counting threshold) as another word's form.
    const weights = new Map<string, Array<[string, number]>>();
    for (const f of files) {
      for (const [term, weight] of parseSentiWs(readFileSync(f, 'utf8'))) {
        const form = term.replaceAll('_', ' ');
        weights.set(form, [...(weights.get(form) ?? []), [path.basename(f), weight]]);
      }
    }
    const conflicts = [...weights].filter(([, ws]) => new Set(ws.map(([, w]) => w)).size > 1);
    expect(conflicts).toEqual([]);
  });

  it('count social cohesion as good news and test results as facts', () => {
    expect(
      weightOf('Der Zusammenhalt in Hamminkeln ist seit dem Sommer gewachsen.', 'Zusammenhalt'),
    ).toBeGreaterThan(0.3);
    expect(weightOf('Die Bilanz des Integrationsrats fiel positiv aus.', 'positiv')).toBeGreaterThan(0.3);
    const test = 'Zwei Bewohner der Unterkunft in Bergheim wurden positiv getestet.';
    expect(weightOf(test, 'positiv getestet') ?? 0).toBe(0);
    expect(weightOf(test, 'positiv')).toBeUndefined();
  });
});
