/** The benchmark's markdown table: per-stage and end-to-end throughput next to the read-and-split floor. */
import type { FloorResult } from './floor.js';
import type { PipelineResult } from './pipeline.js';

export interface BenchFacts {
  articles: number;
  format: string;
  floor: FloorResult;
  pipeline: PipelineResult;
  cores: number;
  node: string;
}

const MB = 1024 * 1024;
const fmt = (n: number, digits = 0): string =>
  Number.isFinite(n)
    ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
    : '–';

export function benchTable(f: BenchFacts): string {
  const mb = f.floor.bytes / MB;
  const row = (name: string, seconds: number, extra = ''): string =>
    `| ${name} | ${fmt(seconds, 2)} | ${fmt(f.articles / seconds)} | ${fmt(mb / seconds, 1)} | ${fmt(seconds / f.floor.seconds, 1)}× | ${extra} |`;
  const stageSum = f.pipeline.stages.reduce((s, x) => s + x.seconds, 0);
  const rss = f.pipeline.maxRssKb === null ? 'unknown' : `${fmt(f.pipeline.maxRssKb / 1024)} MB`;
  const lines = [
    `**${fmt(f.articles)} articles, ${f.format}** (${fmt(f.floor.files)} files, ${fmt(mb, 1)} MB, ${fmt(f.floor.words)} words; ${f.cores} cores, Node ${f.node})`,
    '',
    '| step | seconds | articles/s | MB/s | × floor | |',
    '|---|---:|---:|---:|---:|---|',
    row('floor: stream + split words', f.floor.seconds),
    ...f.pipeline.stages.map((s) => row(s.stage, s.seconds, `${fmt(s.in)} in, ${fmt(s.out)} out`)),
    row('stages together', stageSum),
    row('end to end (CLI, incl. start-up)', f.pipeline.seconds, `peak RSS ${rss} (${f.pipeline.rssSource})`),
  ];
  return lines.join('\n');
}
