import { describe, expect, it } from 'vitest';
import {
  ACTOR_EDGE_COLUMNS,
  ACTOR_NODE_COLUMNS,
  createActorNetwork,
  loadActorLabels,
} from '../src/aggregate/actors-network.js';
import { dialects, formatCsv } from '../src/io/csv.js';

describe('actor network', () => {
  it('ties actors named in the same article, weighted by articles, per municipality', () => {
    const net = createActorNetwork();
    // Dortmund: Polizei and Stadtverwaltung together twice, once with the AWO.
    net.add('Dortmund', { polizei: 2, stadtverwaltung: 1 });
    net.add('Dortmund', { stadtverwaltung: 3, polizei: 1, awo: 1 });
    // A zero count is not a mention.
    net.add('Dortmund', { polizei: 1, drk: 0 });
    // Same pair in Altena must not add to Dortmund's tie.
    net.add('Altena', { polizei: 1, stadtverwaltung: 1 });
    net.add('Altena', { kirchen: 1 });
    net.add(null, { initiativen: 1, schulen: 2 });

    // '(ohne Ort)' sorts before the letters, as in the other aggregate tables.
    expect(net.nodes()).toEqual([
      ['(ohne Ort):initiativen', 'Initiativen und Ehrenamt', '(ohne Ort)', 1],
      ['(ohne Ort):schulen', 'Schulen und Kitas', '(ohne Ort)', 1],
      ['Altena:kirchen', 'Kirchen und Moscheegemeinden', 'Altena', 1],
      ['Altena:polizei', 'Polizei', 'Altena', 1],
      ['Altena:stadtverwaltung', 'Stadtverwaltung', 'Altena', 1],
      ['Dortmund:polizei', 'Polizei', 'Dortmund', 3],
      ['Dortmund:stadtverwaltung', 'Stadtverwaltung', 'Dortmund', 2],
      ['Dortmund:awo', 'AWO', 'Dortmund', 1],
    ]);
    expect(net.edges()).toEqual([
      ['(ohne Ort):initiativen', '(ohne Ort):schulen', 1, 'Undirected', '(ohne Ort)'],
      ['Altena:polizei', 'Altena:stadtverwaltung', 1, 'Undirected', 'Altena'],
      ['Dortmund:polizei', 'Dortmund:stadtverwaltung', 2, 'Undirected', 'Dortmund'],
      ['Dortmund:awo', 'Dortmund:polizei', 1, 'Undirected', 'Dortmund'],
      ['Dortmund:awo', 'Dortmund:stadtverwaltung', 1, 'Undirected', 'Dortmund'],
    ]);
  });

  it('sorts municipalities with umlauts the German way and keeps ids unique', () => {
    const net = createActorNetwork();
    net.add('Nordkirchen', { polizei: 1 });
    net.add('Münster', { polizei: 1 });
    net.add('Mülheim an der Ruhr', { polizei: 1 });
    const ids = net.nodes().map((r) => r[0]);
    expect(ids).toEqual(['Mülheim an der Ruhr:polizei', 'Münster:polizei', 'Nordkirchen:polizei']);
    expect(new Set(ids).size).toBe(3);
  });

  it('merges shards into the same tables as one pass', () => {
    const articles: Array<[string, Record<string, number>]> = [
      ['Bielefeld', { caritas: 1, diakonie: 2 }],
      ['Bielefeld', { caritas: 1, diakonie: 1, jobcenter: 1 }],
      ['Bergheim', { sportvereine: 1, wohnungsgesellschaften: 1 }],
      ['Bielefeld', { jobcenter: 4 }],
    ];
    const whole = createActorNetwork();
    for (const [m, a] of articles) whole.add(m, a);
    const left = createActorNetwork();
    const right = createActorNetwork();
    articles.forEach(([m, a], i) => {
      (i % 2 === 0 ? left : right).add(m, a);
    });
    left.merge(right);
    expect(left.nodes()).toEqual(whole.nodes());
    expect(left.edges()).toEqual(whole.edges());
  });

  it('labels every actor of the bundled dictionary and writes Gephi columns', () => {
    const labels = loadActorLabels();
    expect(labels.jobcenter).toBe('Jobcenter und Arbeitsagentur');
    const net = createActorNetwork({ polizei: 'Polizei' });
    net.add('Hamminkeln', { polizei: 1, unbekannt: 1 });
    // Unknown actor keys keep their key as label.
    expect(net.nodes().map((r) => r[1])).toEqual(['Polizei', 'unbekannt']);
    const csv = formatCsv(ACTOR_EDGE_COLUMNS, net.edges(), dialects.rfc4180);
    expect(csv.split('\n')[0]).toBe('Source,Target,Weight,Type,municipality');
    expect(csv.split('\n')[1]).toBe('Hamminkeln:polizei,Hamminkeln:unbekannt,1,Undirected,Hamminkeln');
    expect(ACTOR_NODE_COLUMNS.slice(0, 2)).toEqual(['Id', 'Label']);
  });
});
