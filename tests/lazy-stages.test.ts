import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { aggregateStage } from '../src/aggregate/stage.js';
import { ingestStage } from '../src/ingest/stage.js';
import { allStages } from '../src/runner/stage.js';
import { stages } from '../src/runner/stages.js';
import { scoreStage } from '../src/score/stage.js';

const root = path.resolve(import.meta.dirname, '..');

/**
 * The modules a file loads when it is imported: its static imports and re-exports, followed through
 * the project's own files. `import type` and imports of types only are left out (TypeScript drops
 * them); a value import used only as a type is counted, so the answer errs towards loading more.
 * Dynamic `import()` is not followed: that is how stage code is put off until it runs.
 */
function staticGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const pending = [path.resolve(root, entry)];
  const declaration = /^(?:import|export)\s+([^;]*?)\s*from\s+'([^']+)'|^import\s+'([^']+)'/gm;
  while (pending.length > 0) {
    const file = pending.pop() as string;
    if (files.has(file)) continue;
    files.add(file);
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(declaration)) {
      const clause = m[1] ?? '';
      const spec = m[2] ?? m[3] ?? '';
      if (/^type\s/.test(clause)) continue;
      const braces = /^\{([\s\S]*)\}$/.exec(clause);
      const names = braces?.[1]
        ?.split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      if (names && names.length > 0 && names.every((n) => n.startsWith('type '))) continue;
      if (spec.startsWith('.')) pending.push(path.resolve(path.dirname(file), spec.replace(/\.js$/, '.ts')));
      else if (!spec.startsWith('node:'))
        packages.add(
          spec
            .split('/')
            .slice(0, spec.startsWith('@') ? 2 : 1)
            .join('/'),
        );
    }
  }
  return { files, packages };
}

describe('stage code is loaded when the stage runs', () => {
  it('the CLI entry loads no stage implementation and none of their libraries', () => {
    const { files, packages } = staticGraph('src/cli.ts');
    const rel = [...files].map((f) => path.relative(root, f));
    // Sanity: the walk follows the runner into the stage specs.
    expect(rel).toContain('src/runner/run.ts');
    expect(rel).toContain('src/ingest/spec.ts');
    for (const name of allStages) expect(rel).not.toContain(`src/${name}/stage.ts`);
    expect(rel).not.toContain('src/merge/merge-shards.ts');
    expect(rel).not.toContain('src/validate/validate-outputs.ts');
    for (const heavy of [
      'cheerio',
      'natural',
      'linkedom',
      '@mozilla/readability',
      'vega',
      'vega-lite',
      'stopword',
    ])
      expect(packages).not.toContain(heavy);
  });

  it('the walk sees what a stage file loads (it would notice a stage imported eagerly)', () => {
    const { files, packages } = staticGraph('src/ingest/stage.ts');
    expect(packages).toContain('iconv-lite');
    expect([...files].map((f) => path.relative(root, f))).toContain('src/ingest/duplicates.ts');
  });

  it("ingest's main thread and reader threads load the HTML readers only for a corpus with pages", () => {
    const html = ['cheerio', 'linkedom', '@mozilla/readability', 'htmlparser2'];
    for (const entry of ['src/ingest/stage.ts', 'src/ingest/read-worker.ts']) {
      const { files, packages } = staticGraph(entry);
      expect([...files].map((f) => path.relative(root, f))).toContain('src/ingest/read-file.ts');
      for (const heavy of html) expect(packages, `${entry} loads ${heavy}`).not.toContain(heavy);
    }
    // What readInputFile imports on the first page.
    expect(staticGraph('src/ingest/read-page.ts').packages).toContain('cheerio');
  });

  it("the runner's stage table declares what each stage's own definition declares", () => {
    for (const own of [ingestStage, scoreStage, aggregateStage]) {
      const listed = stages[own.name];
      expect(listed.reads).toEqual(own.reads);
      expect(listed.writes).toEqual(own.writes);
      expect(listed.describe).toBe(own.describe);
      expect(listed.configPart).toBe(own.configPart);
      expect(listed.dataFiles).toBe(own.dataFiles);
      expect(listed.readsCorpus).toBe(own.readsCorpus);
    }
  });
});
