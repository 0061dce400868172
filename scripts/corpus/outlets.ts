/** The fictional outlets of the sample corpus and the municipalities they cover. */

export interface Outlet {
  key: string;
  name: string;
  /** Folder name under corpus/web or corpus/text. */
  slug: string;
  domain: string;
  /** Short tag used in datelines ("Bielefeld (wap).") and ids. */
  tag: string;
  municipalities: string[];
}

const outlet = (key: string, name: string, slug: string, tag: string, municipalities: string[]): Outlet => ({
  key,
  name,
  slug,
  domain: `www.${slug}.example`,
  tag,
  municipalities,
});

export const OUTLETS = {
  sb: outlet('sb', 'Sauerländer Bote', 'sauerlaender-bote', 'sb', ['Altena']),
  rr: outlet('rr', 'Rhein-Erft-Rundblick', 'rhein-erft-rundblick', 'rr', ['Bergheim']),
  wap: outlet('wap', 'Westfalen-Abendpost', 'westfalen-abendpost', 'wap', [
    'Bielefeld',
    'Dortmund',
    'Münster',
    'Nordkirchen',
  ]),
  rt: outlet('rt', 'Ruhr-Tageblatt', 'ruhr-tageblatt', 'rt', ['Dortmund', 'Mülheim an der Ruhr']),
  nn: outlet('nn', 'Niederrhein-Nachrichten', 'niederrhein-nachrichten', 'nn', ['Hamminkeln']),
  mzs: outlet('mzs', 'Münsterland-Zeitung am Sonntag', 'muensterland-zeitung-am-sonntag', 'mzs', [
    'Münster',
    'Nordkirchen',
  ]),
  lta: outlet('lta', 'Lennetal-Anzeiger', 'lennetal-anzeiger', 'lta', ['Altena']),
  ek: outlet('ek', 'Erftkurier am Mittwoch', 'erftkurier', 'ek', ['Bergheim']),
  bsb: outlet('bsb', 'Bielefelder Stadtblatt', 'bielefelder-stadtblatt', 'bsb', ['Bielefeld']),
  mw: outlet('mw', 'Mülheimer Woche', 'muelheimer-woche', 'mw', ['Mülheim an der Ruhr']),
  hwb: outlet('hwb', 'Hamminkelner Wochenbote', 'hamminkelner-wochenbote', 'hwb', ['Hamminkeln']),
} as const satisfies Record<string, Outlet>;

export type OutletKey = keyof typeof OUTLETS;

/** The eight municipalities of the study. */
export const MUNICIPALITIES = [
  'Altena',
  'Bergheim',
  'Bielefeld',
  'Dortmund',
  'Hamminkeln',
  'Mülheim an der Ruhr',
  'Münster',
  'Nordkirchen',
] as const;

/** ASCII slug for file names and URLs. */
export function slugify(text: string, max = 60): string {
  const ascii = text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return ascii.slice(0, max).replace(/-+$/g, '');
}
