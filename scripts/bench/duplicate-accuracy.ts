/**
 * How well the duplicate finder agrees with the exact rule it approximates, and how long matching
 * takes as the number of stored texts grows.
 *
 * Takes N articles of a generated corpus and inserts, after every `--every`-th article, a variant of
 * an earlier one: a new headline and first sentence, an added closing paragraph, the last third cut,
 * or the first half of one article joined to the second half of another (a different report sharing
 * much text). The exact rule is the finder's definition computed on the real shingle sets: Jaccard
 * similarity or (for comparable sizes, ≥ 20 shingles) overlap coefficient at or above the threshold.
 *
 *   npx tsx scripts/bench/duplicate-accuracy.ts --input /tmp/x/articles.jsonl [--articles 3000] [--every 5]
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import {
  createDuplicateFinder,
  DEFAULT_DUPLICATE_OPTIONS,
  normalizeWords,
} from '../../src/ingest/duplicates.js';

const argv = process.argv.slice(2);
const arg = (name: string, fallback: string): string => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? (argv[i + 1] ?? fallback) : fallback;
};
const input = arg('input', '');
if (!input) throw new Error('usage: duplicate-accuracy.ts --input FILE [--articles N] [--every K]');
const limit = Number(arg('articles', '3000'));
const every = Number(arg('every', '5'));

const originals = readFileSync(input, 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .slice(0, limit)
  .map((l) => {
    const r = JSON.parse(l) as { title?: string; text?: string };
    return `${r.title ?? ''}\n${r.text ?? ''}`;
  });

/** A deterministic variant of article `i` (kind by `i`), built from earlier articles only. */
function variant(i: number): string {
  const text = originals[i] ?? '';
  const other = originals[Math.max(0, i - 1)] ?? '';
  const paragraphs = text.split('\n');
  switch (i % 4) {
    case 0:
      return [
        'Neue Überschrift für diese Meldung',
        'Ein ganz anderer erster Satz leitet den Text ein.',
        ...paragraphs.slice(2),
      ].join('\n');
    case 1:
      return `${text}\nDie Stadt teilte am Mittwoch auf Anfrage mit, dass auch hier weitere Plätze geschaffen werden sollen. Eine Entscheidung fällt im Rat.`;
    case 2:
      return text.slice(0, Math.round(text.length * 0.67));
    default:
      return `${text.slice(0, text.length >> 1)} ${other.slice(other.length >> 1)}`;
  }
}

const texts: string[] = [];
const sourceOf: number[] = [];
originals.forEach((t, i) => {
  texts.push(t);
  sourceOf.push(-1);
  if (i % every === every - 1) {
    texts.push(variant(i));
    sourceOf.push(texts.length - 2);
  }
});

const shingles = (text: string): Set<string> => {
  const w = normalizeWords(text);
  const out = new Set<string>();
  const size = DEFAULT_DUPLICATE_OPTIONS.shingle;
  const n = Math.max(1, w.length - size + 1);
  for (let i = 0; i < n; i++) out.add(w.slice(i, i + size).join(' '));
  return out;
};
const exactDuplicate = (a: Set<string>, b: Set<string>): boolean => {
  let both = 0;
  for (const g of a) if (b.has(g)) both++;
  const jaccard = both / (a.size + b.size - both);
  const smaller = Math.min(a.size, b.size);
  const comparable = smaller >= 20 && smaller >= 0.5 * Math.max(a.size, b.size);
  const t = DEFAULT_DUPLICATE_OPTIONS.threshold;
  return jaccard >= t || (comparable && both / smaller >= t);
};

const finder = createDuplicateFinder();
const t0 = performance.now();
const found = texts.map((t, i) => finder.check(`t${i}`, t));
const ms = performance.now() - t0;

// Exact rule for each inserted variant against the text it was made from.
let truePairs = 0;
let caught = 0;
let missed = 0;
let flaggedNonDuplicates = 0;
sourceOf.forEach((source, i) => {
  if (source < 0) return;
  const exact = exactDuplicate(shingles(texts[i] ?? ''), shingles(texts[source] ?? ''));
  const hit = found[i] !== null;
  if (exact) {
    truePairs++;
    if (hit) caught++;
    else missed++;
  } else if (hit) flaggedNonDuplicates++;
});
const originalsFlagged = found.filter((f, i) => f !== null && (sourceOf[i] ?? -1) < 0).length;

console.log(
  `${texts.length} texts (${texts.length - originals.length} variants), check() ${((ms / texts.length) * 1000).toFixed(1)} ms per 1,000`,
);
console.log(
  `variants that are duplicates by the exact rule: ${truePairs}, caught ${caught}, missed ${missed}`,
);
console.log(
  `variants that are not, but were flagged: ${flaggedNonDuplicates}; originals flagged: ${originalsFlagged}`,
);
console.log(
  `flagged: ${found
    .map((f, i) => (f === null ? '' : `${i}>${f}`))
    .filter(Boolean)
    .join(' ')}`,
);
