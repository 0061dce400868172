/**
 * Template expansion for the corpus generator.
 * `[a|b|c]` picks one alternative; `{slot}` is filled from the article context; `{role.field}` from the cast.
 * Slots fixed per article: ort, stadtteil, in_stadtteil, strasse, strasse2, unterkunft(_dat), traeger(_dat,_gen),
 * initiative(_dat), schule(_dat,_gen), verein(_dat), verein_kurz, kirche(_dat), partei, zahl_gefl, n_plaetze,
 * monat, naechster_monat, jahr, datum, tag, wochentag.
 * Slots drawn on each use: n_klein, n_mittel, n_gross, n_tag, betrag, prozent, herkunft, n_vorwahl, n_tel,
 * person, spieler, schuetze, schuetzin, kind, innen.
 */

import { addDays, type Day, monthName, ordinalDe, weekdayName } from './german-dates.js';
import type { Rng } from './prng.js';
import type { Cased, CommonTemplates } from './templates.js';

interface Person {
  female: boolean;
  first: string;
  last: string;
  title: string;
}

export interface FillOptions {
  /** One of the eight municipalities (template data exists for them). */
  municipality: string;
  /** Publication day. */
  date: Day;
  /** Write the place only as "City-District" (e.g. "Dortmund-Nordstadt"), never the bare city name. */
  districtOnly: boolean;
}

export interface Filler {
  expand(template: string): string;
  /** The event day used by `{datum}`. */
  eventDate: Day;
  /** The city as written in the text (compound in district-only mode). */
  placeLabel: string;
  /** A fictional full name. */
  personName(): string;
}

const capitalize = (s: string): string => (s.length > 0 ? s.charAt(0).toUpperCase() + s.slice(1) : s);

function formatAmount(rng: Rng, scale: number): string {
  const raw = Math.round((40_000 + rng.next() * 6_000_000 * Math.max(scale, 0.08)) / 10_000) * 10_000;
  if (raw >= 1_000_000) {
    const millions = (raw / 1_000_000).toFixed(1).replace('.', ',').replace(/,0$/, '');
    return `${millions} Millionen Euro`;
  }
  return `${germanInt(raw)} Euro`;
}

/** Thousands separator with a dot, as in German newspapers ("1.250"); independent of the ICU build. */
export function germanInt(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

export function createFiller(rng: Rng, common: CommonTemplates, opts: FillOptions): Filler {
  const muni = common.municipalities[opts.municipality];
  if (!muni) throw new Error(`no template data for municipality ${opts.municipality}`);
  const [districtName, districtLocative] = rng.pick(muni.districts);
  const placeLabel = opts.districtOnly ? `${muni.short}-${districtName}` : opts.municipality;
  const streets = rng.shuffle(common.streets);
  const fixed = new Map<string, string>();
  const eventDate = addDays(opts.date, -rng.int(1, 6));
  const nextMonth = addDays({ y: opts.date.y, m: opts.date.m, d: 1 }, 40);
  const caseOf = (key: string, options: Cased[]): void => {
    const [nom, dat, gen] = rng.pick(options);
    fixed.set(key, nom);
    fixed.set(`${key}_dat`, dat);
    fixed.set(`${key}_gen`, gen);
  };
  fixed.set('stadtteil', districtName);
  fixed.set('in_stadtteil', districtLocative);
  fixed.set('strasse', streets[0] ?? 'Hauptstraße');
  fixed.set('strasse2', streets[1] ?? 'Nebenstraße');
  caseOf('unterkunft', common.shelters);
  caseOf('traeger', common.carriers);
  caseOf('initiative', common.initiatives);
  caseOf('schule', common.schools);
  caseOf('verein', common.clubs);
  caseOf('kirche', common.parishes);
  fixed.set('verein_kurz', (fixed.get('verein') ?? '').replace(/^(der|die|das) /, ''));
  fixed.set('partei', rng.pick(common.parties));
  // Refugees living in town: grows through 2015, levels off in 2016.
  const monthIndex = (opts.date.y - 2015) * 12 + opts.date.m - 1;
  const growth = Math.min(1, 0.25 + monthIndex / 14);
  fixed.set(
    'zahl_gefl',
    germanInt(Math.max(30, Math.round(muni.scale * 9000 * growth * (0.9 + rng.next() * 0.2)))),
  );
  fixed.set('n_plaetze', String(Math.max(20, Math.round((muni.scale * 300 + 40) / 10) * 10)));
  fixed.set('monat', monthName(opts.date.m));
  fixed.set('naechster_monat', monthName(nextMonth.m));
  fixed.set('jahr', String(opts.date.y));
  fixed.set('datum', ordinalDe(eventDate));
  fixed.set('tag', `am ${weekdayName(eventDate)}`);
  fixed.set('wochentag', weekdayName(eventDate));

  const usedLast = new Set<string>();
  const newPerson = (female: boolean, title: string): Person => {
    let last = rng.pick(common.names.last);
    for (let i = 0; i < 5 && usedLast.has(last); i++) last = rng.pick(common.names.last);
    usedLast.add(last);
    const first = rng.pick(female ? common.names.first_f : common.names.first_m);
    return { female, first, last, title };
  };
  const personName = (): string => {
    const p = newPerson(rng.chance(0.5), '');
    return `${p.first} ${p.last}`;
  };
  const cast = new Map<string, Person>();
  const castMember = (role: string): Person => {
    const known = cast.get(role);
    if (known) return known;
    let person: Person;
    if (role === 'gefl') {
      const female = rng.chance(0.4);
      person = {
        female,
        first: rng.pick(female ? common.names.refugee_f : common.names.refugee_m),
        last: '',
        title: rng.pick(common.origins),
      };
    } else {
      const titles = common.roles[role];
      if (!titles) throw new Error(`unknown role {${role}}`);
      const female = rng.chance(0.45);
      person = newPerson(female, female ? titles[1] : titles[0]);
    }
    cast.set(role, person);
    return person;
  };
  const roleField = (role: string, field: string | undefined): string => {
    const p = castMember(role);
    const name = p.last ? `${p.first} ${p.last}` : p.first;
    switch (field) {
      case undefined:
        return role === 'gefl' ? name : `${p.title} ${name}`;
      case 'name':
        return name;
      case 'nach':
        return p.last || p.first;
      case 'titel':
        return p.title;
      case 'herkunft':
        return p.title;
      case 'der':
        return p.female ? 'die' : 'der';
      case 'Der':
        return p.female ? 'Die' : 'Der';
      case 'er':
        return p.female ? 'sie' : 'er';
      case 'Er':
        return p.female ? 'Sie' : 'Er';
      default:
        throw new Error(`unknown role field {${role}.${field}}`);
    }
  };
  const scale = muni.scale;
  const drawn: Record<string, () => string> = {
    n_klein: () => String(rng.int(3, 28)),
    n_mittel: () => String(Math.round(30 + rng.next() * (60 + 400 * Math.sqrt(scale)))),
    n_gross: () => germanInt(Math.round((300 + rng.next() * 4000 * scale) / 10) * 10),
    n_tag: () => String(rng.int(2, 27)),
    betrag: () => formatAmount(rng, scale),
    prozent: () => String(rng.int(25, 70)),
    herkunft: () => rng.pick(common.origins),
    n_vorwahl: () => String(rng.int(200, 2999)),
    n_tel: () => String(rng.int(1000, 99999)),
    person: personName,
    spieler: () => `${rng.pick(common.names.first_m)} ${rng.pick(common.names.last)}`,
    schuetze: () => `${rng.pick(common.names.first_m)} ${rng.pick(common.names.last)}`,
    schuetzin: () => rng.pick(common.names.first_f),
    kind: () => rng.pick(common.names.first_f),
    innen: () =>
      rng.weighted([
        ['*innen', 3],
        [':innen', 2],
        ['Innen', 2],
        ['/innen', 1],
        ['', 3],
      ] as const),
  };
  let ortUses = 0;
  const ort = (): string => {
    ortUses++;
    if (opts.districtOnly) return placeLabel;
    if (ortUses > 1 && muni.short !== opts.municipality && rng.chance(0.6)) return muni.short;
    return opts.municipality;
  };

  const slot = (name: string): string => {
    if (name === 'ort') return ort();
    const dot = name.indexOf('.');
    if (dot > 0) return roleField(name.slice(0, dot), name.slice(dot + 1));
    const f = fixed.get(name);
    if (f !== undefined) return f;
    const d = drawn[name];
    if (d) return d();
    if (name === 'gefl' || common.roles[name]) return roleField(name, undefined);
    throw new Error(`unknown slot {${name}}`);
  };

  const expand = (template: string): string => {
    let text = template.replace(/\[([^\][]*\|[^\][]*)\]/g, (_, alts: string) => rng.pick(alts.split('|')));
    for (let pass = 0; pass < 3 && text.includes('{'); pass++) {
      text = text.replace(/\{([A-Za-z_0-9.]+)\}/g, (_, name: string) => slot(name));
    }
    // Contract "in dem" to "im", "an dem" to "am" … as German does (not after a comma, where it is a relative clause).
    const contracted: Record<string, string> = { in: 'im', an: 'am', von: 'vom', zu: 'zum', bei: 'beim' };
    text = text.replace(
      /(^|[^,] )(in|an|von|zu|bei|In|An|Von|Zu|Bei) dem /g,
      (_, before: string, prep: string) => {
        const short = contracted[prep.toLowerCase()] ?? prep;
        return `${before}${prep[0] === prep[0]?.toUpperCase() ? short.charAt(0).toUpperCase() + short.slice(1) : short} `;
      },
    );
    return capitalize(text.replace(/ {2,}/g, ' ').trim());
  };
  return { expand, eventDate, placeLabel, personName };
}
