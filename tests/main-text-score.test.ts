import { describe, expect, it } from 'vitest';
import { percentiles, scoreExtraction, scorePage } from '../scripts/eval/extraction-score.js';

describe('scoreExtraction', () => {
  it('counts wanted snippets found as hits and unwanted ones found as false positives', () => {
    const item = {
      text: 'Neue Unterkunft eröffnet\nDie Stadt Altena hat am Dienstag\n  eine neue Unterkunft eröffnet.\n\nImpressum',
      with: ['am Dienstag eine neue', 'Bürgermeister sagte'],
      without: ['Impressum', 'Lesen Sie auch'],
    };
    expect(scorePage(item)).toEqual({ tp: 1, fn: 1, fp: 1, tn: 1 });
  });

  it('collapses whitespace in snippets as well as in the text', () => {
    const c = scorePage({ text: 'Die  Stadt\n\nAltena', with: ['Stadt \n Altena'], without: [] });
    expect(c.tp).toBe(1);
  });

  it('computes micro-averaged precision, recall and F1 over all pages', () => {
    const s = scoreExtraction([
      { text: 'a b c', with: ['a', 'b'], without: ['c'] },
      { text: 'd', with: ['d', 'e'], without: ['f'] },
    ]);
    expect(s.tp).toBe(3);
    expect(s.fn).toBe(1);
    expect(s.fp).toBe(1);
    expect(s.precision).toBeCloseTo(0.75);
    expect(s.recall).toBeCloseTo(0.75);
    expect(s.f1).toBeCloseTo(0.75);
    expect(s.pages).toBe(2);
  });

  it('returns zeros instead of NaN when nothing is counted', () => {
    const s = scoreExtraction([]);
    expect([s.precision, s.recall, s.f1]).toEqual([0, 0, 0]);
  });
});

describe('percentiles', () => {
  it('gives median and 95th percentile', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    const p = percentiles(values);
    expect(p.median).toBe(50.5);
    expect(p.p95).toBe(96);
  });
});
