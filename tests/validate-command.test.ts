import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { dialects } from '../src/io/csv.js';
import type { ArticleScores } from '../src/records.js';
import { readValidationSummary } from '../src/validate/summary.js';
import { validateOutputs } from '../src/validate/validate-outputs.js';

function scores(
  id: string,
  topic: string,
  tone: ArticleScores['tone_label'],
  basis: ArticleScores['topic_basis'],
) {
  const s: ArticleScores = {
    id,
    words: 120,
    tone: tone === 'negative' ? -0.5 : tone === 'positive' ? 0.5 : 0,
    tone_label: tone,
    tone_positive: 0,
    tone_negative: 0,
    tone_polarity: 0,
    tone_terms: [],
    target_tone: null,
    topic_shares: {},
    topic,
    topic_confidence: 0.7,
    topic_basis: basis,
    topic_coded: basis === 'coded' ? topic : null,
  };
  return JSON.stringify(s);
}

describe('lokalpresse validate', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'lp-validate-'));
  writeFileSync(
    path.join(out, 'scores.jsonl'),
    [
      scores('ruhr-1', 'wohnen', 'negative', 'classifier'),
      scores('ruhr-2', 'wohnen', 'neutral', 'classifier'),
      scores('ruhr-3', 'bildung', 'positive', 'classifier'),
      scores('ruhr-4', 'sprache', 'positive', 'classifier'),
      scores('ruhr-5', 'bildung', 'neutral', 'coded'),
    ].join('\n'),
  );
  // German Excel saves with semicolons and a BOM.
  const codings = path.join(out, 'handcodes.csv');
  writeFileSync(
    codings,
    '\uFEFFid;topic;tone\nruhr-1;wohnen;negative\nruhr-2;wohnen;negative\nruhr-3;bildung;positive\nruhr-4;bildung;positive\nruhr-5;bildung;neutral\nunbekannt-9;wohnen;neutral\n',
  );

  it('compares topic and tone with the hand codes and leaves training articles out of the topic figures', async () => {
    const r = await validateOutputs(out, codings, dialects['excel-de']);
    expect(r.trainingExcluded).toBe(1);
    expect(r.unknownIds).toBe(1);
    expect(r.topic?.n).toBe(4);
    expect(r.topic?.accuracy).toBeCloseTo(0.75, 10);
    expect(r.tone?.n).toBe(5);
    expect(r.tone?.accuracy).toBeCloseTo(0.8, 10);
    expect(r.tone?.level).toBe('ordinal');
    expect(r.paragraph).toMatch(/Krippendorff/);
  });

  it('writes validation.csv in tidy rows with the confusion matrix', async () => {
    await validateOutputs(out, codings, dialects['excel-de']);
    const text = readFileSync(path.join(out, 'validation.csv'), 'utf8');
    const rows = parse(text.slice(1), { columns: true, delimiter: ';' }) as Array<Record<string, string>>;
    const cell = (variable: string, statistic: string, category = '', predicted = '') =>
      rows.find(
        (r) =>
          r.variable === variable &&
          r.statistic === statistic &&
          r.category === category &&
          r.predicted === predicted,
      )?.value;
    expect(cell('topic', 'accuracy')).toBe('0,75');
    expect(cell('topic', 'confusion', 'bildung', 'sprache')).toBe('1');
    expect(cell('tone', 'confusion', 'negative', 'neutral')).toBe('1');
    expect(cell('tone', 'recall', 'positive')).toBe('1');
    expect(readValidationSummary(out)).toMatchObject({ topic: { n: 4 }, tone: { n: 5 } });
  });

  it('rejects tone codes outside negative, neutral, positive with the offending id', async () => {
    const bad = path.join(out, 'bad.csv');
    writeFileSync(bad, 'id,tone\nruhr-1,sehr negativ\n');
    await expect(validateOutputs(out, bad, dialects.rfc4180)).rejects.toThrow(/ruhr-1/);
  });
});
