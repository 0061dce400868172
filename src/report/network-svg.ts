import { escapeHtml, formatInteger } from './html.js';
import type { ActorEdge, ActorNode } from './load.js';

const SIZE = 250;
const RADIUS = 78;
/** Room either side for the labels. */
const MARGIN = 125;

/**
 * A small network drawing of one municipality: its `maxNodes` most-named actors on a circle, circle
 * area by articles, line width by the articles naming both. Plain SVG; every label escaped.
 */
export function networkSvg(
  municipality: string,
  nodes: ActorNode[],
  edges: ActorEdge[],
  maxNodes = 8,
): string | null {
  const shown = nodes
    .filter((n) => n.municipality === municipality && n.articles > 0)
    .sort((a, b) => b.articles - a.articles || a.label.localeCompare(b.label, 'de'))
    .slice(0, maxNodes);
  if (shown.length < 2) return null;
  const centre = SIZE / 2;
  const position = new Map(
    shown.map((n, i) => {
      const angle = -Math.PI / 2 + (2 * Math.PI * i) / shown.length;
      return [n.id, { x: centre + RADIUS * Math.cos(angle), y: centre + RADIUS * Math.sin(angle), angle }];
    }),
  );
  const ties = edges.filter(
    (e) =>
      e.municipality === municipality && e.weight > 0 && position.has(e.source) && position.has(e.target),
  );
  const maxWeight = Math.max(1, ...ties.map((e) => e.weight));
  const maxArticles = Math.max(1, ...shown.map((n) => n.articles));
  const r = (v: number): number => 4 + 12 * Math.sqrt(v / maxArticles);
  const f = (v: number): string => v.toFixed(1);
  const lines = ties
    .sort((a, b) => a.weight - b.weight)
    .map((e) => {
      const s = position.get(e.source);
      const t = position.get(e.target);
      if (!s || !t) return '';
      const w = 0.6 + 7 * (e.weight / maxWeight);
      const opacity = 0.25 + 0.6 * (e.weight / maxWeight);
      return `<line x1="${f(s.x)}" y1="${f(s.y)}" x2="${f(t.x)}" y2="${f(t.y)}" stroke="#2f6690" stroke-width="${f(w)}" stroke-opacity="${opacity.toFixed(2)}"><title>${escapeHtml(`${e.weight} gemeinsame Artikel`)}</title></line>`;
    })
    .join('');
  const circles = shown
    .map((n) => {
      const p = position.get(n.id);
      if (!p) return '';
      const radius = r(n.articles);
      const lx = p.x + Math.cos(p.angle) * (radius + 4);
      const ly = p.y + Math.sin(p.angle) * (radius + 4);
      const cos = Math.cos(p.angle);
      const anchor = cos > 0.3 ? 'start' : cos < -0.3 ? 'end' : 'middle';
      const dy = Math.sin(p.angle) > 0.3 ? 10 : Math.sin(p.angle) < -0.3 ? -2 : 4;
      return (
        `<circle cx="${f(p.x)}" cy="${f(p.y)}" r="${f(radius)}" fill="#d1495b" fill-opacity="0.85"><title>${escapeHtml(`${n.label}: ${formatInteger(n.articles)} Artikel`)}</title></circle>` +
        `<text x="${f(lx)}" y="${f(ly + dy)}" text-anchor="${anchor}" font-size="11">${escapeHtml(n.label)}</text>`
      );
    })
    .join('');
  const title = escapeHtml(`Akteursnetz ${municipality}`);
  return `<svg xmlns="http://www.w3.org/2000/svg" class="network" width="${SIZE + 2 * MARGIN}" height="${SIZE}" viewBox="${-MARGIN} 0 ${SIZE + 2 * MARGIN} ${SIZE}" role="img" aria-label="${title}"><title>${title}</title><g font-family="Helvetica, Arial, sans-serif" fill="#222">${lines}${circles}</g></svg>`;
}
