import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseConfig } from '../src/config/load.js';

describe('config', () => {
  it('fills every key with its default', () => {
    const config = parseConfig({}, 'x.json');
    expect(config.aggregate.period).toBe('month');
    expect(config.output.csv_dialect).toBe('excel-de');
    expect(config.ingest.columns.text).toBe('text');
    expect(config.score.tone.neutral_band[0]).toBeLessThanOrEqual(config.score.tone.neutral_band[1]);
    expect(config.score.topics.news_fields).toBe(true);
    expect(parseConfig({ score: { topics: { news_fields: false } } }, 'x').score.topics.news_fields).toBe(
      false,
    );
    expect(() => parseConfig({ score: { topics: { news_fields: 'ja' } } }, 'x')).toThrow(
      /score\.topics\.news_fields/,
    );
  });

  it('keeps the keys a user sets and defaults the rest of the section', () => {
    const config = parseConfig(
      { aggregate: { period: 'quarter' }, ingest: { columns: { text: 'Volltext' } } },
      'x',
    );
    expect(config.aggregate.period).toBe('quarter');
    expect(config.aggregate.relevant_only).toBe(true);
    expect(config.ingest.columns.text).toBe('Volltext');
    expect(config.ingest.columns.title).toBe('title');
  });

  it('names the key and what it expects when a value is wrong', () => {
    expect(() => parseConfig({ aggregate: { period: 'woche' } }, 'my.json')).toThrow(/aggregate\.period/);
    expect(() => parseConfig({ aggregate: { period: 'woche' } }, 'my.json')).toThrow(/month|quarter|year/);
    expect(() => parseConfig({ ingest: { duplicates: { threshold: 2 } } }, 'my.json')).toThrow(
      /ingest\.duplicates\.threshold/,
    );
  });

  it('names unknown keys, so a typo is not silently ignored', () => {
    expect(() => parseConfig({ aggregate: { perod: 'month' } }, 'my.json')).toThrow(/unknown key "perod"/);
  });

  it('names the file when it is not JSON', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lp-config-'));
    const file = path.join(dir, 'broken.json');
    writeFileSync(file, '{ "aggregate": ');
    expect(() => loadConfig(file, { explicit: true })).toThrow(ConfigError);
    expect(() => loadConfig(file, { explicit: true })).toThrow(/broken\.json is not valid JSON/);
  });

  it('uses defaults when the default config file is absent, but not when a named one is', () => {
    const missing = path.join(tmpdir(), 'no-such-lokalpresse-config.json');
    expect(loadConfig(missing, { explicit: false }).file).toBeNull();
    expect(() => loadConfig(missing, { explicit: true })).toThrow(/Cannot read config/);
  });
});
