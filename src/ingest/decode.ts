/**
 * Turning the bytes of an input file into text, or refusing to.
 *
 * Order of evidence: magic bytes of binary formats (refused), byte-order mark, the UTF-16 NUL pattern,
 * a declared charset (HTML only: `<meta charset>`, `http-equiv` Content-Type, XML declaration), strict
 * UTF-8 validity, and only then statistical detection (chardet) among a short list of plausible
 * encodings. Every single-byte result is checked for control characters so that binary data is never
 * passed on as mojibake.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';

export type Decoded = { ok: true; text: string; encoding: string } | { ok: false; reason: string };

/** How many bytes at the start of an HTML file are searched for a charset declaration. */
const DECLARATION_WINDOW = 4096;

/**
 * Names a known binary file format from its first bytes, or returns null when the input may be text.
 */
export function sniffFileType(buf: Buffer): string | null {
  const starts = (sig: number[], at = 0): boolean =>
    buf.length >= at + sig.length && sig.every((b, i) => buf[at + i] === b);
  const startsAscii = (s: string, at = 0): boolean =>
    starts(
      [...s].map((c) => c.charCodeAt(0)),
      at,
    );
  // A PDF may be preceded by a little junk; the format allows the header within the first KB.
  if (buf.subarray(0, 1024).includes('%PDF-')) return 'PDF';
  if (
    starts([0x50, 0x4b, 0x03, 0x04]) ||
    starts([0x50, 0x4b, 0x05, 0x06]) ||
    starts([0x50, 0x4b, 0x07, 0x08])
  )
    return 'DOCX/ZIP';
  if (starts([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'DOC/XLS (OLE)';
  if (starts([0x1f, 0x8b])) return 'GZIP';
  if (startsAscii('BZh') && buf.length > 3 && (buf[3] ?? 0) >= 0x31 && (buf[3] ?? 0) <= 0x39) return 'BZIP2';
  if (starts([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00])) return 'XZ';
  if (starts([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return '7Z';
  if (startsAscii('Rar!')) return 'RAR';
  if (starts([0x28, 0xb5, 0x2f, 0xfd])) return 'ZSTD';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'PNG';
  if (starts([0xff, 0xd8, 0xff])) return 'JPEG';
  if (startsAscii('GIF87a') || startsAscii('GIF89a')) return 'GIF';
  if (startsAscii('RIFF') && startsAscii('WEBP', 8)) return 'WEBP';
  if (startsAscii('RIFF') && startsAscii('WAVE', 8)) return 'WAV';
  if (starts([0x49, 0x49, 0x2a, 0x00]) || starts([0x4d, 0x4d, 0x00, 0x2a])) return 'TIFF';
  if (startsAscii('BM') && buf.length > 14 && buf.readUInt32LE(2) === buf.length) return 'BMP';
  if (startsAscii('ftyp', 4)) return 'MP4/MOV';
  if (startsAscii('ID3') || starts([0xff, 0xfb])) return 'MP3';
  if (startsAscii('OggS')) return 'OGG';
  if (startsAscii('fLaC')) return 'FLAC';
  if (starts([0x1a, 0x45, 0xdf, 0xa3])) return 'MKV/WEBM';
  if (starts([0x7f, 0x45, 0x4c, 0x46])) return 'ELF';
  if (startsAscii('MZ') && buf.length > 0x40 && buf.includes('This program cannot be run')) return 'EXE';
  if (starts([0x00, 0x61, 0x73, 0x6d])) return 'WASM';
  if (startsAscii('SQLite format 3\u0000')) return 'SQLITE';
  if (startsAscii('wOFF') || startsAscii('wOF2')) return 'WOFF';
  if (startsAscii('{\\rtf')) return 'RTF';
  return null;
}

/** Byte-order marks, longest first (UTF-32LE starts like UTF-16LE). */
const BOMS: Array<{ bytes: number[]; encoding: string }> = [
  { bytes: [0xff, 0xfe, 0x00, 0x00], encoding: 'utf-32le' },
  { bytes: [0x00, 0x00, 0xfe, 0xff], encoding: 'utf-32be' },
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

function detectBom(buf: Buffer): { encoding: string; length: number } | null {
  for (const bom of BOMS) {
    if (buf.length >= bom.bytes.length && bom.bytes.every((b, i) => buf[i] === b)) {
      return { encoding: bom.encoding, length: bom.bytes.length };
    }
  }
  return null;
}

/**
 * UTF-16 without a BOM shows as NUL bytes at every other position for Latin text: at even offsets
 * for big-endian, odd offsets for little-endian. Requires the pattern in most of the sampled pairs.
 */
function detectUtf16ByNuls(buf: Buffer): string | null {
  const n = Math.min(buf.length, 2048) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) evenNul++;
    if (buf[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul / pairs > 0.4 && evenNul / pairs < 0.05) return 'utf-16le';
  if (evenNul / pairs > 0.4 && oddNul / pairs < 0.05) return 'utf-16be';
  return null;
}

/** Canonical name for a declared charset label; ISO-8859-1 and ASCII are read as windows-1252, as browsers do. */
export function normalizeCharsetLabel(label: string): string | null {
  const l = label
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, '');
  if (!l) return null;
  if (['utf-8', 'utf8', 'unicode-1-1-utf-8', 'x-unicode20utf8'].includes(l)) return 'utf-8';
  if (
    [
      'iso-8859-1',
      'iso8859-1',
      'iso_8859-1',
      'latin1',
      'latin-1',
      'l1',
      'us-ascii',
      'ascii',
      'cp1252',
      'x-cp1252',
    ].includes(l)
  )
    return 'windows-1252';
  if (['iso-8859-15', 'iso8859-15', 'latin-9', 'latin9', 'l9'].includes(l)) return 'iso-8859-15';
  if (l === 'utf-16' || l === 'unicode') return 'utf-16le';
  if (l === 'x-sjis' || l === 'sjis') return 'shift_jis';
  if (l === 'gb2312' || l === 'gbk') return 'gb18030';
  return iconv.encodingExists(l) ? l : null;
}

/** The charset an HTML document declares in its first KB, as a canonical name, or null. */
export function findDeclaredCharset(buf: Buffer): string | null {
  const head = buf.subarray(0, DECLARATION_WINDOW).toString('latin1');
  const patterns = [
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i,
    /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)["']/i,
  ];
  for (const re of patterns) {
    const m = re.exec(head);
    if (m?.[1]) {
      const enc = normalizeCharsetLabel(m[1]);
      if (enc) return enc;
    }
  }
  return null;
}

/** Counts of UTF-8 validity: well-formed multibyte sequences and bytes that are not part of one. */
function scanUtf8(buf: Buffer): { multibyte: number; invalid: number } {
  let multibyte = 0;
  let invalid = 0;
  let i = 0;
  while (i < buf.length) {
    const b = buf[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need = 0;
    let min = 0;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      invalid++;
      i++;
      continue;
    }
    let cp = b & (0x3f >> need);
    let ok = i + need < buf.length;
    for (let k = 1; ok && k <= need; k++) {
      const c = buf[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) ok = false;
      else cp = (cp << 6) | (c & 0x3f);
    }
    if (ok && cp >= min && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff)) {
      multibyte++;
      i += need + 1;
    } else {
      invalid++;
      i++;
    }
  }
  return { multibyte, invalid };
}

/**
 * Share of characters that never occur in text: C0/C1 controls (except tab, LF, CR, FF), NUL and,
 * unless `allowReplacement`, U+FFFD.
 */
function controlShare(text: string, allowReplacement = false): number {
  if (text.length === 0) return 0;
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (
      (c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) ||
      (c >= 0x7f && c <= 0x9f) ||
      (c === 0xfffd && !allowReplacement)
    )
      bad++;
  }
  return bad / text.length;
}

/** Above this share of control characters a decoded text is taken for binary data. */
const MAX_CONTROL_SHARE = 0.005;

function looksLikeText(text: string): boolean {
  return controlShare(text) <= MAX_CONTROL_SHARE;
}

/** Encodings worth trying for undeclared 8-bit input; chardet's wider guesses outside this list are ignored. */
const PLAUSIBLE: Record<string, string> = {
  'ISO-8859-1': 'windows-1252',
  'windows-1252': 'windows-1252',
  'ISO-8859-15': 'iso-8859-15',
  'ISO-8859-2': 'iso-8859-2',
  'windows-1250': 'windows-1250',
  'ISO-8859-9': 'windows-1254',
  'windows-1254': 'windows-1254',
  'windows-1251': 'windows-1251',
  'KOI8-R': 'koi8-r',
  'ISO-8859-5': 'iso-8859-5',
  'ISO-8859-7': 'iso-8859-7',
  'windows-1253': 'windows-1253',
  Shift_JIS: 'shift_jis',
  'EUC-JP': 'euc-jp',
  GB18030: 'gb18030',
  Big5: 'big5',
  'EUC-KR': 'euc-kr',
};

/** Single-byte Western encodings: random bytes decode to "letters" in them, so extra checks apply. */
const WESTERN = new Set(['windows-1252', 'iso-8859-15', 'iso-8859-2', 'windows-1250', 'windows-1254']);

/** In Western-European text most characters are ASCII; a high share of non-ASCII points to noise. */
function plausibleWestern(text: string): boolean {
  if (text.length === 0) return true;
  let high = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) high++;
  return high / text.length < 0.2;
}

function decodeWith(buf: Buffer, encoding: string): Decoded {
  const text = iconv.decode(buf, encoding, { stripBOM: true });
  if (!looksLikeText(text)) return { ok: false, reason: `binary content, not text (as ${encoding})` };
  return { ok: true, text, encoding };
}

function detectEightBit(buf: Buffer): Decoded {
  const guesses = chardet.analyse(buf);
  const tried = new Set<string>();
  for (const g of guesses) {
    const enc = PLAUSIBLE[g.name];
    if (!enc || tried.has(enc) || g.confidence < 10) continue;
    tried.add(enc);
    const text = iconv.decode(buf, enc);
    if (!looksLikeText(text)) continue;
    if (WESTERN.has(enc) && !plausibleWestern(text)) continue;
    return { ok: true, text, encoding: enc };
  }
  // chardet may offer nothing useful for short inputs; windows-1252 is the usual undeclared encoding.
  if (!tried.has('windows-1252')) {
    const text = iconv.decode(buf, 'windows-1252');
    if (looksLikeText(text) && plausibleWestern(text)) return { ok: true, text, encoding: 'windows-1252' };
  }
  return { ok: false, reason: 'invalid UTF-8 and no declared or detected encoding gives plausible text' };
}

/**
 * Decodes the bytes of an input file. `kind: 'html'` also honours charset declarations in the markup.
 */
export function decodeBytes(buf: Buffer, opts: { kind: 'html' | 'text' }): Decoded {
  if (buf.length === 0) return { ok: false, reason: 'empty file' };
  const type = sniffFileType(buf);
  if (type) return { ok: false, reason: `binary file (${type}), not text` };

  const bom = detectBom(buf);
  if (bom) return decodeWith(buf.subarray(bom.length), bom.encoding);

  const utf16 = detectUtf16ByNuls(buf);
  if (utf16) return decodeWith(buf, utf16);

  // Outside UTF-16/32, a NUL byte does not occur in text files.
  if (buf.includes(0)) return { ok: false, reason: 'binary content, not text (NUL bytes)' };

  const declared = opts.kind === 'html' ? findDeclaredCharset(buf) : null;
  const { multibyte, invalid } = scanUtf8(buf);

  if (invalid === 0) {
    // Valid UTF-8 with multibyte sequences is kept as UTF-8 even under an 8-bit declaration: such byte
    // pairs ("Ã¤") almost never occur in real Latin-1 text, while mislabelled UTF-8 pages are common.
    if (multibyte > 0 || declared === null || declared === 'utf-8') return decodeWith(buf, 'utf-8');
    return decodeWith(buf, declared);
  }

  if (declared && declared !== 'utf-8') {
    const r = decodeWith(buf, declared);
    if (r.ok) return r;
    return { ok: false, reason: `binary content, not text (declared ${declared})` };
  }

  // Invalid UTF-8, declared as UTF-8 or undeclared. Rule: when well-formed multibyte sequences
  // outnumber the stray bytes by 20 to 1, the file is UTF-8 with a few damaged bytes (a truncated
  // character, a pasted Latin-1 snippet) and is decoded as UTF-8 with U+FFFD for those bytes. Otherwise
  // the bytes are really an 8-bit encoding, whatever the declaration says, and one is detected.
  if (multibyte >= 20 * invalid) {
    const text = buf.toString('utf8');
    if (controlShare(text, true) <= MAX_CONTROL_SHARE) return { ok: true, text, encoding: 'utf-8' };
  }
  return detectEightBit(buf);
}
