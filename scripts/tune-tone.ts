/**
 * Explores tone settings (lexicons, negation, band) directly on the tone dev set (German news sentences with gold polarity).
 *
 *   npx tsx scripts/tune-tone.ts [--data DIR] [--band LO,HI] [--calibrate] [--no-natural] [--no-project]
 *     [--no-negation] [--no-post-negation] [--no-modifiers] [--stems] [--factor F] [--scope N]
 *     [--smoothing S] [--contrast C] [--gamma G] [--min-weight W] [--lexicon FILE]…
 *     [--no-case] [--inflection N] [--hedge F] [--negated-negative F] [--report F]
 *     [--report-evaluative W] [--reference-words N] [--no-shifters] [--shifter-window N] [--shifter-factor F]
 *     [--set NAME=VALUE]… [--fit [--features a,b,…|all] [--l2 L] [--unbalanced] [--write]]
 *
 * DIR defaults to ../shared/devsets and must hold `tone/sentences.jsonl` (each sentence is one article;
 * its `polarity` is compared with the tone label; defaults are the scorer's). Prints macro-F1, per-class P/R/F1 and the confusion
 * matrix on all items and on two stable halves (split by id hash). `--calibrate` searches the neutral
 * band on half A and reports it on half B (and the reverse), so the band is checked on held-out data.
 * `--fit` fits the label model (src/score/tone/fit.ts) on the general sentence features named by
 * `--features` (src/score/tone/features.ts; `domain:NAME` for a subject-matter class of
 * data/lexicons/tone-domains.json) on half A and measures it on half B (and the reverse); `--write` stores
 * the model fitted on all items in data/lexicons/tone-model.json, which makes the pipeline label by it.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  featureVector,
  fitToneModel,
  loadToneLexicon,
  modelLabel,
  modelScores,
  scoreTone,
  TONE_DEFAULTS,
  TONE_FEATURES,
  TONE_MODEL_FILE,
  type ToneLexicon,
  type ToneModel,
  toneEvidence,
} from '../src/score/tone/index.js';
import { tokenizeGerman } from '../src/tokenize/german.js';
import {
  bestBand,
  evaluateTone,
  formatEvaluation,
  halfOf,
  labelTone,
  TONE_LABELS,
  type ToneLabel,
} from './eval/tone-score.js';

interface Args {
  data: string;
  band: [number, number];
  calibrate: boolean;
  natural: boolean;
  project: boolean;
  negation: boolean;
  modifiers: boolean;
  stems: boolean;
  factor: number;
  scope: number;
  smoothing: number;
  lexicons: string[];
  gamma: number;
  minWeight: number;
  postNegation: boolean;
  contrast: number;
  caseSensitive: boolean;
  inflection: number;
  hedge: number;
  negatedNegative: number | undefined;
  report: number;
  reportEvaluative: number;
  referenceWords: number;
  fit: boolean;
  write: boolean;
  features: string[];
  l2: number;
  balanced: boolean;
  shifters: boolean;
  shifterWindow: number;
  shifterFactor: number;
  /** `--set name=value`: any other scorer option (a number, or a JSON value) by its ToneOptions name. */
  extra: Record<string, unknown>;
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    data: '../shared/devsets',
    band: [-0.3, 0.09],
    calibrate: false,
    natural: true,
    project: true,
    negation: true,
    modifiers: true,
    stems: false,
    factor: 0.5,
    scope: 3,
    smoothing: 1,
    lexicons: [],
    gamma: 1,
    minWeight: TONE_DEFAULTS.minWeight,
    postNegation: true,
    contrast: TONE_DEFAULTS.contrast,
    caseSensitive: true,
    inflection: 5,
    hedge: 0.7,
    negatedNegative: undefined,
    report: TONE_DEFAULTS.reportFactor,
    reportEvaluative: TONE_DEFAULTS.reportEvaluative,
    referenceWords: TONE_DEFAULTS.referenceWords,
    fit: false,
    write: false,
    features: DEFAULT_FEATURES,
    l2: 0.01,
    balanced: true,
    shifters: true,
    shifterWindow: 4,
    shifterFactor: 0.8,
    extra: {},
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = argv[i + 1] ?? '';
    if (a === '--data') args.data = argv[++i] ?? args.data;
    else if (a === '--band') {
      const [lo, hi] = v.split(',').map(Number);
      if (lo === undefined || hi === undefined || !Number.isFinite(lo) || !Number.isFinite(hi))
        throw new Error('--band LO,HI');
      args.band = [lo, hi];
      i++;
    } else if (a === '--calibrate') args.calibrate = true;
    else if (a === '--no-natural') args.natural = false;
    else if (a === '--no-project') args.project = false;
    else if (a === '--no-negation') args.negation = false;
    else if (a === '--no-modifiers') args.modifiers = false;
    else if (a === '--stems') args.stems = true;
    else if (a === '--factor') args.factor = Number(argv[++i]);
    else if (a === '--scope') args.scope = Number(argv[++i]);
    else if (a === '--smoothing') args.smoothing = Number(argv[++i]);
    else if (a === '--lexicon') args.lexicons.push(argv[++i] ?? '');
    else if (a === '--gamma') args.gamma = Number(argv[++i]);
    else if (a === '--no-post-negation') args.postNegation = false;
    else if (a === '--contrast') args.contrast = Number(argv[++i]);
    else if (a === '--min-weight') args.minWeight = Number(argv[++i]);
    else if (a === '--no-case') args.caseSensitive = false;
    else if (a === '--inflection') args.inflection = Number(argv[++i]);
    else if (a === '--hedge') args.hedge = Number(argv[++i]);
    else if (a === '--negated-negative') args.negatedNegative = Number(argv[++i]);
    else if (a === '--report') args.report = Number(argv[++i]);
    else if (a === '--report-evaluative') args.reportEvaluative = Number(argv[++i]);
    else if (a === '--reference-words') args.referenceWords = Number(argv[++i]);
    else if (a === '--fit') args.fit = true;
    else if (a === '--write') args.write = true;
    else if (a === '--features') {
      args.features = v === 'all' ? [...TONE_FEATURES] : v.split(',').filter((f) => f !== '');
      i++;
    } else if (a === '--l2') args.l2 = Number(argv[++i]);
    else if (a === '--unbalanced') args.balanced = false;
    else if (a === '--no-shifters') args.shifters = false;
    else if (a === '--shifter-window') args.shifterWindow = Number(argv[++i]);
    else if (a === '--shifter-factor') args.shifterFactor = Number(argv[++i]);
    else if (a === '--set') {
      const eq = v.indexOf('=');
      if (eq <= 0) throw new Error('--set NAME=VALUE');
      args.extra[v.slice(0, eq)] = JSON.parse(v.slice(eq + 1));
      i++;
    } else throw new Error(`unknown argument ${a}`);
  }
  return args;
}

interface Item {
  id: string;
  text: string;
  polarity: ToneLabel;
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const file = path.join(args.data, 'tone', 'sentences.jsonl');
  if (!existsSync(file)) {
    console.log(`tone dev set not found at ${file}: skipping (pass --data DIR with tone/sentences.jsonl)`);
    return;
  }
  const items: Item[] = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Item)
    .filter((x) => (TONE_LABELS as readonly string[]).includes(x.polarity));
  const lexicon: ToneLexicon = loadToneLexicon({
    builtin: args.natural || args.project,
    natural: args.natural,
    project: args.project,
    files: args.lexicons,
  });
  if (!args.modifiers) lexicon.modifiers.clear();
  for (const map of [lexicon.weights, lexicon.stems]) {
    for (const [k, w] of map) map.set(k, Math.sign(w) * Math.abs(w) ** args.gamma);
  }
  const reweight = (w: number | undefined): number | undefined =>
    w === undefined ? undefined : Math.sign(w) * Math.abs(w) ** args.gamma;
  for (const c of lexicon.cased.values()) {
    c.upper = reweight(c.upper);
    c.lower = reweight(c.lower);
  }
  const opts = {
    neutralBand: args.band,
    negators: args.negation ? undefined : [],
    scope: args.scope,
    negationFactor: args.factor,
    smoothing: args.smoothing,
    stems: args.stems,
    postNegation: args.postNegation,
    contrast: args.contrast,
    caseSensitive: args.caseSensitive,
    inflectionFallback: args.inflection,
    hedgeFactor: args.hedge,
    negatedNegativeFactor: args.negatedNegative,
    reportFactor: args.report,
    reportEvaluative: args.reportEvaluative,
    minWeight: args.minWeight,
    referenceWords: args.referenceWords,
    shifters: args.shifters,
    shifterWindow: args.shifterWindow,
    shifterFactor: args.shifterFactor,
    ...args.extra,
  };
  if (args.fit) {
    fitModel(args, items, lexicon, opts);
    return;
  }
  const tones = items.map(
    (x) => scoreTone(tokenizeGerman(x.text), lexicon, { ...opts, labelModel: false }).decision,
  );
  const gold = items.map((x) => x.polarity);
  const report = (name: string, idx: number[], band: [number, number]): void => {
    const e = evaluateTone(
      idx.map((i) => gold[i] as ToneLabel),
      idx.map((i) => labelTone(tones[i] as number, band)),
    );
    console.log(`\n== ${name} (band ${band[0]},${band[1]})\n${formatEvaluation(e)}`);
  };
  const all = items.map((_, i) => i);
  const a = all.filter((i) => halfOf((items[i] as Item).id) === 'a');
  const b = all.filter((i) => halfOf((items[i] as Item).id) === 'b');
  report('all', all, args.band);
  report('half A', a, args.band);
  report('half B', b, args.band);
  if (args.calibrate) {
    const grid: number[] = [];
    for (let x = -0.4; x <= 0.4001; x += 0.01) grid.push(Math.round(x * 100) / 100);
    const pick = (idx: number[]) =>
      bestBand(
        idx.map((i) => tones[i] as number),
        idx.map((i) => gold[i] as ToneLabel),
        grid,
      );
    const onA = pick(a);
    const onB = pick(b);
    const onAll = pick(all);
    console.log(`\nband tuned on A: ${onA.band} (A ${onA.macroF1.toFixed(3)})`);
    report('half B with band from A', b, onA.band);
    console.log(`band tuned on B: ${onB.band} (B ${onB.macroF1.toFixed(3)})`);
    report('half A with band from B', a, onB.band);
    console.log(`band tuned on all: ${onAll.band} (all ${onAll.macroF1.toFixed(3)})`);
  }
}

/** Features of the label model fitted by `--fit` (see src/score/tone/features.ts). */
const DEFAULT_FEATURES = [
  'pos',
  'neg',
  'balance',
  'strongPos',
  'strongNeg',
  'negated',
  'reportNeg',
  'question',
];

/** What each feature measures, written into the model file. */
const FEATURE_DOCS: Record<string, string> = {
  pos: 'positive lexicon mass (after negation, modifiers, hedges, report factor), per sentence-sized stretch',
  neg: 'negative lexicon mass, per sentence-sized stretch',
  balance: '(P - N) / (P + N + length scale): the length-aware tone value',
  posCount: 'positive polar words, per sentence-sized stretch',
  negCount: 'negative polar words, per sentence-sized stretch',
  strongPos: 'positive contributions of at least 0.5',
  strongNeg: 'negative contributions of at least 0.5 (absolute)',
  negated: 'polar words flipped by a negator',
  reportNeg: 'negative mass of report vocabulary (Unfall, Polizei, Prozess ...)',
  posSubShare: 'share of the positive mass in subordinate clauses',
  negSubShare: 'share of the negative mass in subordinate clauses',
  posQuoteShare: 'share of the positive mass inside quotation marks',
  negQuoteShare: 'share of the negative mass inside quotation marks',
  question: 'share of sentences with a question mark',
  exclamation: 'share of sentences with an exclamation mark',
  quoted: 'share of sentences with quotation marks',
  personal: 'first- and second-person pronouns',
  numbers: 'number tokens',
  hedges: 'hedge words (soll, könnte, wenn, angeblich ...)',
  negators: 'negators anywhere (nicht, kein ...)',
  contrasts: 'contrast words (aber, jedoch, doch ...)',
  logLength: 'log(1 + words per sentence)',
};

/**
 * Fit the label model on half A and measure it on half B (and the reverse), then on all items;
 * `--write` stores the model fitted on all items in data/lexicons/tone-model.json.
 */
function fitModel(
  args: Args,
  items: Item[],
  lexicon: ToneLexicon,
  opts: Parameters<typeof scoreTone>[2],
): void {
  const names = args.features;
  const x = items.map((it) =>
    featureVector(
      toneEvidence(tokenizeGerman(it.text), lexicon, {
        ...opts,
        countDomains: names.some((n) => n.startsWith('domain:')),
      }),
      names,
      args.referenceWords,
    ),
  );
  const gold = items.map((it) => it.polarity);
  const all = items.map((_, i) => i);
  const a = all.filter((i) => halfOf((items[i] as Item).id) === 'a');
  const b = all.filter((i) => halfOf((items[i] as Item).id) === 'b');
  const fitOn = (idx: number[]): ToneModel =>
    fitToneModel(
      idx.map((i) => x[i] as number[]),
      idx.map((i) => gold[i] as ToneLabel),
      names,
      { l2: args.l2, balanced: args.balanced },
    );
  const measure = (model: ToneModel, idx: number[]) =>
    evaluateTone(
      idx.map((i) => gold[i] as ToneLabel),
      idx.map((i) => modelLabel(modelScores(model, x[i] as number[]))),
    );
  console.log(`features (${names.length}, ${2 * (names.length + 1)} numbers): ${names.join(',')}`);
  const onA = fitOn(a);
  const onB = fitOn(b);
  const ab = measure(onA, b);
  const ba = measure(onB, a);
  console.log(`fit A -> B: ${ab.macroF1.toFixed(3)}  (train A ${measure(onA, a).macroF1.toFixed(3)})`);
  console.log(formatEvaluation(ab));
  console.log(`fit B -> A: ${ba.macroF1.toFixed(3)}  (train B ${measure(onB, b).macroF1.toFixed(3)})`);
  console.log(formatEvaluation(ba));
  console.log(`held-out mean: ${((ab.macroF1 + ba.macroF1) / 2).toFixed(3)}`);
  const full = fitOn(all);
  console.log(`fit all -> all: ${measure(full, all).macroF1.toFixed(3)}`);
  if (args.write) {
    const model = {
      description:
        'Tone label model: multinomial logistic regression, neutral the reference class (score 0); ' +
        'score_c = bias_c + sum_i w_c,i * (x_i - mean_i) / sd_i, the label is the class with the highest score. ' +
        'Features are general sentence features of the lexicon scorer (src/score/tone/features.ts), no words. ' +
        'Fitted by scripts/tune-tone.ts --fit --write on the tone dev set (checked fitting on one half, measuring on the other).',
      features: full.features.map((f) => ({ ...f, doc: FEATURE_DOCS[f.name] ?? '' })),
      negative: full.negative,
      positive: full.positive,
    };
    writeFileSync(TONE_MODEL_FILE, `${JSON.stringify(model, null, 2)}\n`);
    console.log(`wrote ${TONE_MODEL_FILE}`);
  }
}

main();
