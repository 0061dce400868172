/**
 * Saved web pages of the three fictional online outlets, each with its own layout and boilerplate.
 * Sauerländer Bote: JSON-LD NewsArticle. Rhein-Erft-Rundblick: OpenGraph + article:published_time + <time>.
 * Westfalen-Abendpost: only a visible German date line and a dated canonical URL.
 */
import { clock, type Day, dotted, isoDateTime, longDe, shortWeekdayLine } from './german-dates.js';

export interface Teaser {
  title: string;
  url: string;
  date: Day;
}

export interface ReaderComment {
  nick: string;
  date: Day;
  hour: number;
  minute: number;
  text: string;
}

export interface PageInput {
  title: string;
  paragraphs: string[];
  date: Day;
  hour: number;
  minute: number;
  /** Byline; null for agency copy without a person. */
  author: string | null;
  /** Agency credit such as "nnd", or null. */
  agency: string | null;
  url: string;
  /** Local section, e.g. "Altena", or null on the regional outlet. */
  section: string | null;
  description: string;
  teasers: Teaser[];
  comments: ReaderComment[];
  caption: string;
  credit: string;
  imageUrl: string;
  /** Year the page was saved; appears in the copyright footer. */
  savedYear: number;
  charset: 'utf-8' | 'windows-1252';
  /** Westfalen-Abendpost only: which visible date line to print. */
  dateLine: 'weekday' | 'long';
}

export const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const ENTITIES: Record<string, string> = {
  ä: '&auml;',
  ö: '&ouml;',
  ü: '&uuml;',
  Ä: '&Auml;',
  Ö: '&Ouml;',
  Ü: '&Uuml;',
  ß: '&szlig;',
  '„': '&bdquo;',
  '“': '&ldquo;',
  '–': '&ndash;',
};
/** Escapes and writes German letters as named entities (as some CMS do in the head). */
const entityHtml = (text: string): string =>
  escapeHtml(text).replace(/[äöüÄÖÜß„“–]/g, (c) => ENTITIES[c] ?? c);

const paragraphsHtml = (paragraphs: string[], indent: string): string =>
  paragraphs.map((p) => `${indent}<p>${escapeHtml(p)}</p>`).join('\n');

function cookieNotice(site: string): string {
  return `<div class="cookie-consent" role="dialog" aria-label="Cookie-Hinweis">
  <p>Wir verwenden Cookies, um Ihnen ein optimales Nutzungserlebnis zu bieten und unser Angebot zu finanzieren. Mit der Nutzung von ${escapeHtml(site)} stimmen Sie dem zu. <a href="/datenschutz">Mehr erfahren</a></p>
  <button type="button" class="cookie-ok">Einverstanden</button>
</div>`;
}

function shareButtons(url: string, title: string): string {
  const u = encodeURIComponent(url);
  const t = encodeURIComponent(title);
  return `<ul class="share">
  <li><a href="https://www.facebook.example/sharer.php?u=${u}" class="share-fb">Teilen</a></li>
  <li><a href="https://twitter.example/intent/tweet?url=${u}&amp;text=${t}" class="share-tw">Twittern</a></li>
  <li><a href="whatsapp://send?text=${t}%20${u}" class="share-wa">WhatsApp</a></li>
  <li><a href="mailto:?subject=${t}&amp;body=${u}" class="share-mail">E-Mail</a></li>
  <li><a href="javascript:window.print()" class="share-print">Drucken</a></li>
</ul>`;
}

function newsletterBox(name: string): string {
  return `<aside class="newsletter">
  <h3>Newsletter</h3>
  <p>Die wichtigsten Nachrichten aus der Region jeden Morgen kostenlos per E-Mail – melden Sie sich jetzt für den Newsletter der ${escapeHtml(name)} an.</p>
  <form action="/newsletter" method="post"><input type="email" name="email" placeholder="Ihre E-Mail-Adresse"><button type="submit">Anmelden</button></form>
</aside>`;
}

export function renderSauerlaenderBote(p: PageInput): string {
  const published = isoDateTime(p.date, p.hour, p.minute);
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: p.title,
    description: p.description,
    datePublished: published,
    dateModified: published,
    author: p.author
      ? { '@type': 'Person', name: p.author }
      : { '@type': 'Organization', name: p.agency ?? 'Redaktion' },
    publisher: {
      '@type': 'Organization',
      name: 'Sauerländer Bote',
      logo: { '@type': 'ImageObject', url: 'https://www.sauerlaender-bote.example/img/logo.png' },
    },
    image: [p.imageUrl],
    mainEntityOfPage: p.url,
  };
  const ld = JSON.stringify(jsonLd, null, 2).replace(/<\//g, '<\\/');
  const section = p.section ?? 'Region';
  const [lead, ...rest] = p.paragraphs;
  const byline = p.author ? `Von ${escapeHtml(p.author)}` : `Von ${escapeHtml(p.agency ?? 'Redaktion')}`;
  return `<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<title>${escapeHtml(p.title)} | Sauerländer Bote</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="${escapeHtml(p.description)}">
<link rel="stylesheet" href="/static/css/sb-2015.css">
<script type="application/ld+json">
${ld}
</script>
<script>window.sbAds = window.sbAds || []; sbAds.push({slot: "top", section: "${escapeHtml(section.toLowerCase())}"});</script>
</head>
<body class="sb-lokales">
${cookieNotice('sauerlaender-bote.example')}
<header class="sb-header">
  <a href="/" class="sb-logo"><img src="/img/logo.png" alt="Sauerländer Bote"></a>
  <nav class="sb-nav">
    <ul>
      <li><a href="/">Startseite</a></li>
      <li><a href="/lokales/altena/">Altena</a></li>
      <li><a href="/lokales/nachrodt-wiblingwerde/">Nachrodt-Wiblingwerde</a></li>
      <li><a href="/lokales/werdohl/">Werdohl</a></li>
      <li><a href="/sport/">Sport</a></li>
      <li><a href="/kultur/">Kultur</a></li>
      <li><a href="/service/traueranzeigen/">Traueranzeigen</a></li>
      <li><a href="/abo/">E-Paper &amp; Abo</a></li>
    </ul>
  </nav>
</header>
<div class="sb-breadcrumb"><a href="/">Startseite</a> › <a href="/lokales/">Lokales</a> › <a href="/lokales/${escapeHtml(section.toLowerCase())}/">${escapeHtml(section)}</a></div>
<main class="sb-main">
  <article class="sb-article">
    <header>
      <span class="sb-kicker">${escapeHtml(section)}</span>
      <h1 class="sb-headline">${escapeHtml(p.title)}</h1>
      <div class="sb-meta"><span class="sb-author">${byline}</span> | <span class="sb-date">${dotted(p.date)} | ${clock(p.hour, p.minute)} Uhr</span></div>
    </header>
    ${shareButtons(p.url, p.title)}
    <figure class="sb-figure">
      <img src="${escapeHtml(p.imageUrl)}" alt="">
      <figcaption>${escapeHtml(p.caption)} <span class="sb-credit">Foto: ${escapeHtml(p.credit)}</span></figcaption>
    </figure>
    <div class="sb-text">
      <p class="sb-lead"><strong>${escapeHtml(lead ?? '')}</strong></p>
${paragraphsHtml(rest, '      ')}
    </div>
    <div class="sb-authorbox">
      <h4>Über den Autor</h4>
      <p>${p.author ? `${escapeHtml(p.author)} ist Redakteur*in der Lokalredaktion Altena und schreibt über Stadtpolitik und Soziales.` : 'Agenturmeldung, bearbeitet von der Lokalredaktion.'}</p>
    </div>
  </article>
  ${newsletterBox('Sauerländer Bote')}
  <section class="sb-teasers">
    <h3>Mehr aus ${escapeHtml(section)}</h3>
    <ul>
${p.teasers.map((t) => `      <li><a href="${escapeHtml(t.url)}">${escapeHtml(t.title)}</a> <span class="sb-teaser-date">${dotted(t.date)}</span></li>`).join('\n')}
    </ul>
  </section>
  <section class="sb-comments" id="kommentare">
    <h3>Kommentare (${p.comments.length})</h3>
${p.comments
  .map(
    (c) => `    <div class="sb-comment">
      <div class="sb-comment-head"><strong>${escapeHtml(c.nick)}</strong> schrieb am ${dotted(c.date)} um ${clock(c.hour, c.minute)} Uhr:</div>
      <p>${escapeHtml(c.text)}</p>
    </div>`,
  )
  .join('\n')}
    <p class="sb-comment-note">Um kommentieren zu können, müssen Sie angemeldet sein. <a href="/login">Anmelden</a></p>
  </section>
</main>
<footer class="sb-footer">
  <ul><li><a href="/impressum">Impressum</a></li><li><a href="/datenschutz">Datenschutz</a></li><li><a href="/agb">AGB</a></li><li><a href="/kontakt">Kontakt</a></li><li><a href="/mediadaten">Mediadaten</a></li></ul>
  <p>© ${p.savedYear} Sauerländer Bote Verlags-GmbH, Altena. Alle Rechte vorbehalten.</p>
</footer>
</body>
</html>
`;
}

export function renderRheinErftRundblick(p: PageInput): string {
  const published = isoDateTime(p.date, p.hour, p.minute);
  const section = p.section ?? 'Rhein-Erft';
  const byline = p.author ?? p.agency ?? 'Redaktion';
  return `<!DOCTYPE html>
<html lang="de" prefix="og: http://ogp.me/ns# article: http://ogp.me/ns/article#">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>${entityHtml(p.title)} - Rhein-Erft-Rundblick</title>
<meta property="og:type" content="article">
<meta property="og:site_name" content="Rhein-Erft-Rundblick">
<meta property="og:title" content="${entityHtml(p.title)}">
<meta property="og:description" content="${entityHtml(p.description)}">
<meta property="og:url" content="${escapeHtml(p.url)}">
<meta property="og:image" content="${escapeHtml(p.imageUrl)}">
<meta property="article:published_time" content="${published}">
<meta property="article:section" content="${escapeHtml(section)}">
<meta property="article:author" content="${escapeHtml(byline)}">
<meta name="twitter:card" content="summary_large_image">
<link rel="stylesheet" href="/assets/rundblick.min.css">
</head>
<body>
<div id="page">
  <div id="topbar">
    <span class="claim">Ihre Zeitung für Bergheim, Kerpen, Bedburg und Elsdorf</span>
    <a href="/login" class="login">Mein Konto</a>
  </div>
  <div id="navigation" class="menu">
    <a href="/">Home</a> | <a href="/bergheim">Bergheim</a> | <a href="/kerpen">Kerpen</a> | <a href="/bedburg">Bedburg</a> | <a href="/elsdorf">Elsdorf</a> | <a href="/wirtschaft">Wirtschaft</a> | <a href="/sport">Sport</a> | <a href="/freizeit">Freizeit</a> | <a href="/anzeigen">Kleinanzeigen</a>
  </div>
  <div class="breadcrumb">Sie sind hier: <a href="/">Home</a> &raquo; <a href="/${escapeHtml(section.toLowerCase())}">${escapeHtml(section)}</a> &raquo; <span>Artikel</span></div>
  <div id="content">
    <div class="story">
      <h1 class="story-title">${escapeHtml(p.title)}</h1>
      <div class="story-info">
        <time datetime="${published}" class="published">${dotted(p.date)}, ${clock(p.hour, p.minute)}</time>
        <span class="byline">${escapeHtml(byline)}</span>
      </div>
      <div class="story-image">
        <img src="${escapeHtml(p.imageUrl)}" alt="${escapeHtml(p.caption)}">
        <div class="caption">${escapeHtml(p.caption)} (Foto: ${escapeHtml(p.credit)})</div>
      </div>
      <div class="story-body">
${paragraphsHtml(p.paragraphs, '        ')}
      </div>
      <div class="social-bar">
        <span>Artikel teilen:</span>
        ${shareButtons(p.url, p.title)}
      </div>
      <div class="read-also">
        <h4>Lesen Sie auch</h4>
        <ul>
${p.teasers.map((t) => `          <li><a href="${escapeHtml(t.url)}">${escapeHtml(t.title)}</a></li>`).join('\n')}
        </ul>
      </div>
    </div>
    <div class="comments">
      <h3>Leserkommentare (${p.comments.length})</h3>
${p.comments
  .map(
    (c) => `      <div class="comment">
        <span class="comment-author">${escapeHtml(c.nick)}</span>
        <time datetime="${isoDateTime(c.date, c.hour, c.minute)}">${dotted(c.date)} ${clock(c.hour, c.minute)}</time>
        <div class="comment-text">${escapeHtml(c.text)}</div>
      </div>`,
  )
  .join('\n')}
      <a href="#kommentieren" class="btn">Jetzt kommentieren</a>
    </div>
    <div id="sidebar">
      ${newsletterBox('Rhein-Erft-Rundblick')}
      <div class="box meistgelesen">
        <h4>Meistgelesen</h4>
        <ol>
${p.teasers
  .slice()
  .reverse()
  .map((t) => `          <li><a href="${escapeHtml(t.url)}">${escapeHtml(t.title)}</a></li>`)
  .join('\n')}
        </ol>
      </div>
      <div class="box anzeige">Anzeige</div>
    </div>
  </div>
  <div id="footer">
    <a href="/impressum">Impressum</a> · <a href="/datenschutz">Datenschutzerklärung</a> · <a href="/kontakt">Kontakt</a> · <a href="/abo">Abo-Service</a>
    <br>Copyright © ${p.savedYear} Rhein-Erft-Rundblick Medien GmbH &amp; Co. KG
  </div>
</div>
${cookieNotice('rhein-erft-rundblick.example')}
</body>
</html>
`;
}

export function renderWestfalenAbendpost(p: PageInput): string {
  const dateLine = p.dateLine === 'weekday' ? shortWeekdayLine(p.date, p.hour, p.minute) : longDe(p.date);
  const charsetMeta =
    p.charset === 'windows-1252' ? '<meta charset="windows-1252">' : '<meta charset="utf-8">';
  const credit = p.author ? escapeHtml(p.author) : escapeHtml(p.agency ?? 'wap');
  return `<!DOCTYPE html>
<html lang="de">
<head>
${charsetMeta}
<title>${escapeHtml(p.title)} | Westfalen-Abendpost</title>
<link rel="canonical" href="${escapeHtml(p.url)}">
<meta name="robots" content="index,follow">
<link rel="stylesheet" href="/css/wap.css">
</head>
<body>
<table id="layout" width="100%" cellpadding="0" cellspacing="0">
<tr><td colspan="2" id="kopf">
  <div class="logo"><a href="/"><img src="/bilder/wap-logo.gif" alt="Westfalen-Abendpost"></a></div>
  <div class="hauptmenue">
    <a href="/">Titelseite</a> <a href="/region/">Region</a> <a href="/nrw/">NRW</a> <a href="/politik/">Politik</a> <a href="/wirtschaft/">Wirtschaft</a> <a href="/sport/">Sport</a> <a href="/kultur/">Kultur</a> <a href="/ratgeber/">Ratgeber</a>
  </div>
  <div class="suche"><form action="/suche"><input name="q" value="Suchbegriff"><input type="submit" value="Suchen"></form></div>
</td></tr>
<tr>
<td id="spalte-haupt" valign="top">
  <div class="pfad"><a href="/">Startseite</a> &gt; <a href="/region/">Region</a> &gt; Nachrichten</div>
  <div id="artikel">
    <div class="datum">${dateLine}</div>
    <h1>${escapeHtml(p.title)}</h1>
    <div class="bild"><img src="${escapeHtml(p.imageUrl)}" width="460" alt=""><br><small>${escapeHtml(p.caption)} Foto: ${escapeHtml(p.credit)}</small></div>
${paragraphsHtml(p.paragraphs, '    ')}
    <p class="autor">(${credit})</p>
  </div>
  <div class="teilen">Diesen Artikel: <a href="/empfehlen">empfehlen</a> | <a href="javascript:print()">drucken</a> | <a href="https://www.facebook.example/share">Facebook</a></div>
  <div class="kommentare">
    <h2>Leser-Kommentare</h2>
${p.comments
  .map(
    (c) =>
      `    <div class="kommentar"><b>${escapeHtml(c.nick)}</b> schrieb am ${dotted(c.date)}, ${clock(c.hour, c.minute)} Uhr:<br>${escapeHtml(c.text)}</div>`,
  )
  .join('\n')}
    <p>Die Kommentarfunktion für diesen Artikel wurde geschlossen.</p>
  </div>
</td>
<td id="spalte-rechts" valign="top" width="300">
  <div class="kasten">
    <h3>Mehr aus der Region</h3>
${p.teasers.map((t) => `    <a href="${escapeHtml(t.url)}">${escapeHtml(t.title)}</a><br>`).join('\n')}
  </div>
  <div class="kasten">
    <h3>Newsletter</h3>
    <p>Jeden Abend die Nachrichten aus Westfalen in Ihrem Postfach.</p>
    <a href="/newsletter">Jetzt anmelden</a>
  </div>
  <div class="kasten werbung">Anzeige</div>
</td>
</tr>
<tr><td colspan="2" id="fuss">
  <a href="/impressum/">Impressum</a> | <a href="/datenschutz/">Datenschutz</a> | <a href="/leserservice/">Leserservice</a> | <a href="/anzeigen/">Anzeigen</a><br>
  &copy; ${p.savedYear} Westfalen-Abendpost. Alle Rechte vorbehalten. Vervielfältigung nur mit Genehmigung.
</td></tr>
</table>
<div id="cookiehinweis">Diese Website benutzt Cookies. Wenn Sie die Website weiter nutzen, gehen wir von Ihrem Einverständnis aus. <a href="#" onclick="this.parentNode.style.display='none'">OK</a></div>
</body>
</html>
`;
}
