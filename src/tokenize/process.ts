import { encodeTokens } from '../io/tokens-codec.js';
import type { Article } from '../records.js';
import type { Processor } from '../runner/pool.js';
import { tokenizeGerman } from './german.js';

export interface TokenizeInit {
  extraStopwords: string[];
}

/** Turns one `articles.jsonl` line into its `tokens.jsonl` line. */
export function createProcessor(init: TokenizeInit): Processor {
  const extra = new Set(init.extraStopwords.map((w) => w.toLowerCase()));
  return ([line]) => {
    const article = JSON.parse(line as string) as Article;
    // The title is the first sentence: it is part of what the article says. Texts without a
    // title of their own got their first line as title; that line is not counted twice.
    const full = article.text.startsWith(article.title)
      ? article.text
      : `${article.title}\n\n${article.text}`;
    let sentences = tokenizeGerman(full);
    if (extra.size > 0) {
      sentences = sentences.map((s) => s.map((t) => (extra.has(t.norm) ? { ...t, stop: true } : t)));
    }
    return encodeTokens({ id: article.id, sentences });
  };
}
