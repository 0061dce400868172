import path from 'node:path';
import type { Config } from '../config/schema.js';
import { AtomicFile } from '../io/atomic.js';
import { readJsonl } from '../io/jsonl.js';
import { encodeTokens } from '../io/tokens-codec.js';
import type { Article } from '../records.js';
import type { StageContext, StageDefinition, StageResult } from '../runner/stage.js';
import { tokenizeGerman } from './german.js';

export const TOKENS_FILE = 'tokens.jsonl';

/** Splits title and text of every article into sentences and tokens (`tokens.jsonl`). */
export async function runTokenize(ctx: StageContext): Promise<StageResult> {
  const extra = new Set(ctx.config.tokenize.extra_stopwords.map((w) => w.toLowerCase()));
  const out = new AtomicFile(path.join(ctx.outDir, TOKENS_FILE));
  let n = 0;
  try {
    for await (const article of readJsonl<Article>(path.join(ctx.outDir, 'articles.jsonl'))) {
      // The title is the first sentence: it is part of what the article says. Texts without a
      // title of their own got their first line as title; that line is not counted twice.
      const full = article.text.startsWith(article.title)
        ? article.text
        : `${article.title}\n\n${article.text}`;
      let sentences = tokenizeGerman(full);
      if (extra.size > 0) {
        sentences = sentences.map((s) => s.map((t) => (extra.has(t.norm) ? { ...t, stop: true } : t)));
      }
      await out.write(encodeTokens({ id: article.id, sentences }));
      n += 1;
      ctx.log.progress('tokenize', n, ctx.articleCount);
    }
    await out.commit();
  } catch (error) {
    out.abort();
    throw error;
  }
  return { in: n, out: n, rejected: 0 };
}

export const tokenizeStage: StageDefinition = {
  name: 'tokenize',
  describe: 'splitting sentences and tokens',
  reads: ['articles.jsonl'],
  writes: [TOKENS_FILE],
  configPart: (config: Config) => config.tokenize,
  dataFiles: () => [],
  run: runTokenize,
};
