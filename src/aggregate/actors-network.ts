import { readFileSync } from 'node:fs';
import type { Cell } from '../io/csv.js';
import { dataPath } from '../paths.js';

/** Gephi's node table: `Id` and `Label` are the columns it recognises on import. */
export const ACTOR_NODE_COLUMNS = ['Id', 'Label', 'municipality', 'articles'];
/** Gephi's edge table: `Source`, `Target`, `Weight`, `Type`. */
export const ACTOR_EDGE_COLUMNS = ['Source', 'Target', 'Weight', 'Type', 'municipality'];

/** Municipality used for articles without one; the same words the aggregate tables use. */
const NO_PLACE = '(ohne Ort)';

/** Readable German names of the actor categories (`data/actor-labels.json`). */
export function loadActorLabels(file: string = dataPath('actor-labels.json')): Record<string, string> {
  const raw: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    throw new Error(`${file}: expected an object of actor -> label`);
  const labels: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) if (typeof v === 'string') labels[k] = v;
  return labels;
}

/** Sums of one network: articles per actor and per actor pair, by municipality. */
export interface ActorNetworkCounts {
  /** municipality -> actor -> articles naming the actor */
  nodes: Map<string, Map<string, number>>;
  /** municipality -> `a\u0000b` (a < b) -> articles naming both */
  edges: Map<string, Map<string, number>>;
}

export interface ActorNetwork {
  /** Adds one article: the actor categories it names (count > 0) are its nodes, each pair an edge. */
  add(municipality: string | null, actors: Record<string, number>): void;
  /** Adds another network's sums (sharded runs combine to the same tables). */
  merge(other: { counts(): ActorNetworkCounts }): void;
  counts(): ActorNetworkCounts;
  /** Rows for ACTOR_NODE_COLUMNS: by municipality, then most-named first. */
  nodes(): Cell[][];
  /** Rows for ACTOR_EDGE_COLUMNS: by municipality, then strongest tie first. */
  edges(): Cell[][];
}

const SEP = '\u0000';

function bump(map: Map<string, Map<string, number>>, outer: string, inner: string, by: number): void {
  let m = map.get(outer);
  if (!m) {
    m = new Map();
    map.set(outer, m);
  }
  m.set(inner, (m.get(inner) ?? 0) + by);
}

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const municipalityOrder = (a: string, b: string): number => a.localeCompare(b, 'de') || byName(a, b);

/** Node id unique across municipalities, e.g. `Dortmund:polizei`. */
export const actorNodeId = (municipality: string, actor: string): string => `${municipality}:${actor}`;

/**
 * Co-occurrence network of actors: two actors named in the same article are tied, the weight is
 * the number of such articles, counted per municipality. Memory grows with actors² × municipalities,
 * never with the number of articles.
 */
export function createActorNetwork(labels: Record<string, string> = loadActorLabels()): ActorNetwork {
  const state: ActorNetworkCounts = { nodes: new Map(), edges: new Map() };
  const label = (actor: string): string => labels[actor] ?? actor;
  const self: ActorNetwork = {
    add(municipality, actors) {
      const m = municipality ?? NO_PLACE;
      const named = Object.keys(actors)
        .filter((k) => (actors[k] ?? 0) > 0)
        .sort(byName);
      for (const a of named) bump(state.nodes, m, a, 1);
      for (let i = 0; i < named.length; i++)
        for (let j = i + 1; j < named.length; j++) bump(state.edges, m, `${named[i]}${SEP}${named[j]}`, 1);
    },
    merge(other) {
      const o = other.counts();
      for (const [m, actors] of o.nodes) for (const [a, n] of actors) bump(state.nodes, m, a, n);
      for (const [m, pairs] of o.edges) for (const [p, n] of pairs) bump(state.edges, m, p, n);
    },
    counts: () => state,
    nodes() {
      const rows: Cell[][] = [];
      for (const m of [...state.nodes.keys()].sort(municipalityOrder)) {
        const actors = [...(state.nodes.get(m) ?? new Map<string, number>())];
        actors.sort(([a, x], [b, y]) => y - x || byName(a, b));
        for (const [a, n] of actors) rows.push([actorNodeId(m, a), label(a), m, n]);
      }
      return rows;
    },
    edges() {
      const rows: Cell[][] = [];
      for (const m of [...state.edges.keys()].sort(municipalityOrder)) {
        const pairs = [...(state.edges.get(m) ?? new Map<string, number>())];
        pairs.sort(([a, x], [b, y]) => y - x || byName(a, b));
        for (const [p, n] of pairs) {
          const [a = '', b = ''] = p.split(SEP);
          rows.push([actorNodeId(m, a), actorNodeId(m, b), n, 'Undirected', m]);
        }
      }
      return rows;
    },
  };
  return self;
}
