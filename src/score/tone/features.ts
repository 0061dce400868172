/**
 * General sentence features of tone evidence, gathered while the lexicon scorer reads a text.
 *
 * A label model (`model.ts`), when one is written, decides the label from these instead of from one
 * neutral band on the tone value. They say how much polar evidence there is and in what kind of statement it stands
 * (negated, hedged, reported, quoted, a question, the main clause or a subordinate one); none of them
 * names a particular word beyond the lexicon files. Masses and counts are divided by the length scale
 * max(1, W / referenceWords), so a long article gives values of the size of one sentence's when its
 * evidence is as dense, the same as the length-aware label without a model does.
 */

/** Raw counts and sums of one text, filled by the scorer. */
export interface ToneEvidence {
  /** Sum of positive contributions (after negation, modifiers, hedges, report factor). */
  pos: number;
  /** Sum of absolute negative contributions. */
  neg: number;
  words: number;
  sentences: number;
  /** Polar words or phrases that count positive / negative. */
  posCount: number;
  negCount: number;
  /** Contributions of at least STRONG in absolute value. */
  strongPos: number;
  strongNeg: number;
  /** Polar words flipped by a negator. */
  negated: number;
  /** Absolute weight of report vocabulary (Unfall, Polizei …) that counted negative. */
  reportNeg: number;
  /** Positive / negative mass in subordinate clauses (after dass, weil, wenn, a relative pronoun …). */
  posSub: number;
  negSub: number;
  /** Positive / negative mass inside quotation marks. */
  posQuote: number;
  negQuote: number;
  /** Sentences ending in or holding a question mark / an exclamation mark. */
  questions: number;
  exclamations: number;
  /** Sentences with quotation marks. */
  quoted: number;
  /** First- and second-person pronouns (ich, wir, mir, uns, du …): personal statements. */
  personal: number;
  /** Tokens that are numbers (2.500, 15). */
  numbers: number;
  /** Hedge words (soll, könnte, wenn, angeblich …). */
  hedges: number;
  /** Negators anywhere (nicht, kein …), whether or not they reach a polar word. */
  negators: number;
  /** Contrast words (aber, jedoch, allerdings, trotzdem, dennoch, sondern). */
  contrasts: number;
  /** Words of each subject-matter class (`data/lexicons/tone-domains.json`) by class name. */
  domains: Record<string, number>;
}

/** A contribution at least this large (absolute) is a strong polar word. */
export const STRONG = 0.5;

export function emptyEvidence(): ToneEvidence {
  return {
    pos: 0,
    neg: 0,
    words: 0,
    sentences: 0,
    posCount: 0,
    negCount: 0,
    strongPos: 0,
    strongNeg: 0,
    negated: 0,
    reportNeg: 0,
    posSub: 0,
    negSub: 0,
    posQuote: 0,
    negQuote: 0,
    questions: 0,
    exclamations: 0,
    quoted: 0,
    personal: 0,
    numbers: 0,
    hedges: 0,
    negators: 0,
    contrasts: 0,
    domains: {},
  };
}

/**
 * Feature definitions by name: how each is computed from the evidence and the length scale
 * `scale` = max(1, W / referenceWords) (masses and counts per sentence-sized stretch of text) and the
 * sentence count `sent` (markers as the share of sentences that carry them).
 */
const DEFINITIONS: Record<string, (e: ToneEvidence, scale: number, sent: number) => number> = {
  /** Positive mass. */
  pos: (e, s) => e.pos / s,
  /** Negative mass. */
  neg: (e, s) => e.neg / s,
  /** Positive minus negative mass over total mass plus one: the tone value, length-aware. */
  balance: (e, s) => (e.pos - e.neg) / (e.pos + e.neg + s),
  posCount: (e, s) => e.posCount / s,
  negCount: (e, s) => e.negCount / s,
  strongPos: (e, s) => e.strongPos / s,
  strongNeg: (e, s) => e.strongNeg / s,
  negated: (e, s) => e.negated / s,
  reportNeg: (e, s) => e.reportNeg / s,
  /** Share of the positive / negative mass that stands in subordinate clauses. */
  posSubShare: (e) => (e.pos > 0 ? e.posSub / e.pos : 0),
  negSubShare: (e) => (e.neg > 0 ? e.negSub / e.neg : 0),
  /** Share of the positive / negative mass inside quotation marks. */
  posQuoteShare: (e) => (e.pos > 0 ? e.posQuote / e.pos : 0),
  negQuoteShare: (e) => (e.neg > 0 ? e.negQuote / e.neg : 0),
  question: (e, _s, n) => e.questions / n,
  exclamation: (e, _s, n) => e.exclamations / n,
  quoted: (e, _s, n) => e.quoted / n,
  personal: (e, s) => e.personal / s,
  numbers: (e, s) => e.numbers / s,
  hedges: (e, s) => e.hedges / s,
  negators: (e, s) => e.negators / s,
  contrasts: (e, s) => e.contrasts / s,
  /** Words per sentence (log): long sentences of news reports vs short evaluative ones. */
  logLength: (e, _s, n) => Math.log1p(e.words / n),
};

/** Names of every feature the scorer can compute. */
export const TONE_FEATURES: readonly string[] = Object.keys(DEFINITIONS);

/** Prefix of the features that count the words of one subject-matter class (`domain:sport`). */
export const DOMAIN_FEATURE = 'domain:';

/**
 * The named features of the evidence, in the order given. Besides TONE_FEATURES, `domain:NAME` counts
 * the words of that subject-matter class (per sentence-sized stretch). Throws on an unknown name.
 */
export function featureVector(e: ToneEvidence, names: readonly string[], referenceWords: number): number[] {
  const scale = referenceWords > 0 ? Math.max(1, e.words / referenceWords) : 1;
  const sent = Math.max(1, e.sentences);
  return names.map((name) => {
    if (name.startsWith(DOMAIN_FEATURE)) return (e.domains[name.slice(DOMAIN_FEATURE.length)] ?? 0) / scale;
    const f = DEFINITIONS[name];
    if (!f) throw new Error(`unknown tone feature ${name}`);
    return f(e, scale, sent);
  });
}
