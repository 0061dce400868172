/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const integer = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 0 });

/** A whole number the German way: `12.345`. */
export const formatInteger = (n: number): string => integer.format(n);

/** A decimal number the German way with `digits` decimals: `0,73`. */
export function formatDecimal(n: number, digits = 2): string {
  return new Intl.NumberFormat('de-DE', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(n);
}

/** A share as German percent: `73,4 %`. */
export const formatPercent = (share: number, digits = 1): string => `${formatDecimal(share * 100, digits)} %`;

/** `2016-03-05` as `05.03.2016`; other text unchanged. */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

/** An HTML table; every header and cell is escaped. Cells given as numbers are right-aligned. */
export function htmlTable(headers: string[], rows: Array<Array<string | number>>, caption?: string): string {
  const head = headers.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  const body = rows
    .map(
      (r) =>
        `<tr>${r
          .map((c) =>
            typeof c === 'number'
              ? `<td class="num">${escapeHtml(formatInteger(c))}</td>`
              : `<td>${escapeHtml(c)}</td>`,
          )
          .join('')}</tr>`,
    )
    .join('\n');
  const cap = caption ? `<caption>${escapeHtml(caption)}</caption>` : '';
  return `<table>${cap}<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody></table>`;
}
