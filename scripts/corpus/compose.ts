/**
 * Composes one fictional article (title + paragraphs) from the topic templates.
 * Tone-bearing sentences of the intended tone come first and dominate; neutral filler sentences
 * (context, neutral sentences of the topic and of a second topic) bring the text to the wanted length.
 */

import { createFiller, type Filler } from './fill.js';
import type { Day } from './german-dates.js';
import type { Rng } from './prng.js';
import { type Templates, TOPICS, type Tone, type Topic, type UnrelatedKind } from './templates.js';

export type DatelineStyle = 'plain' | 'caps' | 'tagged' | 'none';

export interface ArticleSpec {
  /** Municipality whose template data is used (one of the eight). */
  municipality: string;
  date: Day;
  /** Codebook topic, or null for an unrelated article. */
  topic: Topic | null;
  unrelated: UnrelatedKind | null;
  tone: Tone;
  districtOnly: boolean;
  /** Wanted length in words, [min, max]. */
  words: readonly [number, number];
  dateline: DatelineStyle;
  /** Outlet abbreviation for the `tagged` dateline, e.g. "wap" gives "Bielefeld (wap). …". */
  datelineTag?: string;
}

export interface ComposedArticle {
  title: string;
  paragraphs: string[];
  eventDate: Day;
  placeLabel: string;
  filler: Filler;
}

export const countWords = (text: string): number =>
  text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

function applyDateline(lead: string, place: string, spec: ArticleSpec): string {
  const prefix = `${place}. `;
  const rest = lead.startsWith(prefix) ? lead.slice(prefix.length) : lead;
  switch (spec.dateline) {
    case 'plain':
      return `${place}. ${rest}`;
    case 'caps':
      return `${place.toUpperCase()}. ${rest}`;
    case 'tagged':
      return `${place} (${spec.datelineTag ?? 'red'}). ${rest}`;
    case 'none':
      return rest.charAt(0).toUpperCase() + rest.slice(1);
  }
}

/** Groups sentences into paragraphs of one to three sentences; quotes often stand alone. */
function toParagraphs(rng: Rng, sentences: string[]): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < sentences.length) {
    const first = sentences[i] ?? '';
    const size = first.startsWith('„') && rng.chance(0.5) ? 1 : rng.int(2, 3);
    out.push(sentences.slice(i, i + size).join(' '));
    i += size;
  }
  return out;
}

/** Online headlines often start with the place: "Dortmund: …" or "Hörde: …". */
function withPlace(rng: Rng, filler: Filler, title: string): string {
  if (!rng.chance(0.35) || title.includes(':')) return title;
  const place = rng.chance(0.6) ? filler.placeLabel : filler.expand('{stadtteil}');
  return title.includes(place) ? title : `${place}: ${title}`;
}

export function composeArticle(rng: Rng, templates: Templates, spec: ArticleSpec): ComposedArticle {
  const { common } = templates;
  const filler = createFiller(rng, common, {
    municipality: spec.municipality,
    date: spec.date,
    districtOnly: spec.districtOnly,
  });
  const target = rng.int(spec.words[0], spec.words[1]);
  const place = filler.placeLabel;

  if (spec.unrelated) {
    const t = common.unrelated[spec.unrelated];
    const title = withPlace(rng, filler, filler.expand(rng.pick(t.titles)));
    // The first entry is written as the opening sentence; the others follow in random order.
    const body = [t.body[0] ?? '', ...rng.shuffle(t.body.slice(1)), ...rng.shuffle(common.unrelatedFiller)];
    const sentences: string[] = [];
    let words = 0;
    for (const template of body) {
      if (words >= target && sentences.length >= 4) break;
      const s = filler.expand(template);
      sentences.push(s);
      words += countWords(s);
    }
    const lead = applyDateline(`${place}. ${sentences[0] ?? ''}`, place, spec);
    const rest = toParagraphs(rng, sentences.slice(1));
    return { title, paragraphs: [lead, ...rest], eventDate: filler.eventDate, placeLabel: place, filler };
  }

  const topic = spec.topic ?? 'housing';
  const pool = templates.topics[topic][spec.tone];
  const title = withPlace(rng, filler, filler.expand(rng.pick(pool.titles)));
  const lead = applyDateline(filler.expand(rng.pick(pool.lead)), place, spec);

  // Tone-bearing core: body sentences of the pool, closing sentences of the same tone.
  const core = rng.shuffle(pool.body).slice(0, rng.int(5, pool.body.length));
  const closing = rng.pick(common.generic[spec.tone]);
  const secondary = rng.pick(TOPICS.filter((t) => t !== topic));
  // Context and neutral sentences of the own topic first; a second topic only when more length is needed.
  const fillerPool = [
    ...rng.shuffle([
      ...common.generic.context,
      ...(spec.tone === 'neutral' ? [] : templates.topics[topic].neutral.body),
    ]),
    ...rng.shuffle(templates.topics[secondary].neutral.body),
  ];

  const sentences: string[] = [];
  let words = countWords(lead);
  const add = (template: string): void => {
    const s = filler.expand(template);
    sentences.push(s);
    words += countWords(s);
  };
  // Keep at least four core sentences; drop the rest of the core if the article is already long enough.
  for (const [i, template] of core.entries()) {
    if (i >= 4 && words >= target * 0.8) break;
    add(template);
    // Interleave a neutral sentence now and then so the tone words are not all in one block.
    if (rng.chance(0.3) && fillerPool.length > 0 && words < target * 0.7) add(fillerPool.shift() ?? '');
  }
  const closingText = filler.expand(closing);
  const closingWords = countWords(closingText);
  while (words + closingWords < target && fillerPool.length > 0) {
    const next = fillerPool.shift();
    if (next === undefined) break;
    // Insert the filler at a random place after the first core sentence.
    const s = filler.expand(next);
    sentences.splice(rng.int(1, sentences.length), 0, s);
    words += countWords(s);
  }
  sentences.push(closingText);
  // Every relevant article names refugees at least once (some leads speak only of "Familien" or "Kurse").
  const refugee = new RegExp(common.refugeeStems.join('|'), 'i');
  if (!refugee.test(title) && !refugee.test(lead) && !sentences.some((s) => refugee.test(s))) {
    const context = common.generic.context.find((c) => refugee.test(c.replace(/\[[^\]]*\]/g, '')));
    if (context) sentences.splice(1, 0, filler.expand(context));
  }
  return {
    title,
    paragraphs: [lead, ...toParagraphs(rng, sentences)],
    eventDate: filler.eventDate,
    placeLabel: place,
    filler,
  };
}
