import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes, sniffFileType } from '../src/ingest/decode.js';

const GERMAN = 'Die Straße in Altena: Flüchtlinge, Grüße und Ärger über Öffnungszeiten – schön ist anders.';

function page(head: string, body: string): string {
  return `<!DOCTYPE html><html lang="de"><head>${head}<title>Test</title></head><body><p>${body}</p></body></html>`;
}

describe('decodeBytes', () => {
  it('reads a windows-1252 page declared by <meta charset>', () => {
    const buf = iconv.encode(page('<meta charset="windows-1252">', GERMAN), 'windows-1252');
    const r = decodeBytes(buf, { kind: 'html' });
    expect(r).toMatchObject({ ok: true, encoding: 'windows-1252' });
    expect(r.ok && r.text).toContain(GERMAN);
  });

  it('reads a page declared iso-8859-1 by http-equiv as windows-1252, keeping the en dash', () => {
    const html = page('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">', GERMAN);
    const r = decodeBytes(iconv.encode(html, 'windows-1252'), { kind: 'html' });
    expect(r).toMatchObject({ ok: true, encoding: 'windows-1252' });
    expect(r.ok && r.text).toContain('Grüße und Ärger');
    expect(r.ok && r.text).toContain('– schön');
  });

  it('reads UTF-16LE with a byte-order mark', () => {
    const buf = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(page('', GERMAN), 'utf-16le')]);
    const r = decodeBytes(buf, { kind: 'html' });
    expect(r).toMatchObject({ ok: true, encoding: 'utf-16le' });
    expect(r.ok && r.text.startsWith('<!DOCTYPE')).toBe(true);
  });

  it('reads UTF-16BE without a byte-order mark from the NUL pattern', () => {
    const r = decodeBytes(iconv.encode(`Bürgerversammlung in Bergheim. ${GERMAN}`, 'utf-16be'), {
      kind: 'text',
    });
    expect(r).toMatchObject({ ok: true, encoding: 'utf-16be' });
    expect(r.ok && r.text).toContain('Bürgerversammlung');
  });

  it('strips a UTF-8 byte-order mark', () => {
    const buf = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(GERMAN, 'utf8')]);
    const r = decodeBytes(buf, { kind: 'text' });
    expect(r).toEqual({ ok: true, text: GERMAN, encoding: 'utf-8' });
  });

  it('detects undeclared Latin-1 text', () => {
    const text = `Münster. ${GERMAN.replace('–', '-')} Der Rat der Stadt beschließt über die Unterkünfte für Geflüchtete.`;
    const r = decodeBytes(iconv.encode(text, 'latin1'), { kind: 'text' });
    expect(r.ok).toBe(true);
    expect(r.ok && r.text).toBe(text);
  });

  it('keeps valid UTF-8 even when the page wrongly declares iso-8859-1', () => {
    const buf = Buffer.from(page('<meta charset="iso-8859-1">', GERMAN), 'utf8');
    const r = decodeBytes(buf, { kind: 'html' });
    expect(r).toMatchObject({ ok: true, encoding: 'utf-8' });
    expect(r.ok && r.text).toContain('Straße');
  });

  it('decodes declared UTF-8 with one damaged byte as UTF-8', () => {
    const good = Buffer.from(page('<meta charset="utf-8">', `${GERMAN} ${GERMAN} ${GERMAN}`), 'utf8');
    const buf = Buffer.concat([good.subarray(0, 200), Buffer.from([0xe4]), good.subarray(200)]);
    const r = decodeBytes(buf, { kind: 'html' });
    expect(r).toMatchObject({ ok: true, encoding: 'utf-8' });
    expect(r.ok && r.text).toContain('Öffnungszeiten');
  });

  it('reads a page declared UTF-8 that is really windows-1252', () => {
    const buf = iconv.encode(page('<meta charset="utf-8">', GERMAN), 'windows-1252');
    const r = decodeBytes(buf, { kind: 'html' });
    expect(r.ok).toBe(true);
    expect(r.ok && r.text).toContain('Grüße');
  });

  it('rejects random bytes as binary', () => {
    let seed = 42;
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      bytes[i] = seed >> 16;
    }
    const r = decodeBytes(bytes, { kind: 'text' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/binary|no declared or detected encoding/);
  });

  it('rejects 8-bit text with control characters instead of producing mojibake', () => {
    const bytes = Buffer.from(GERMAN.repeat(3), 'latin1');
    for (let i = 10; i < bytes.length; i += 9) bytes[i] = 0x03;
    const r = decodeBytes(bytes, { kind: 'text' });
    expect(r.ok).toBe(false);
  });

  it('rejects a PDF and names the type', () => {
    const r = decodeBytes(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1'), {
      kind: 'text',
    });
    expect(r).toEqual({ ok: false, reason: 'binary file (PDF), not text' });
  });

  it('rejects an empty file', () => {
    expect(decodeBytes(Buffer.alloc(0), { kind: 'text' }).ok).toBe(false);
  });
});

describe('sniffFileType', () => {
  it('names common binary formats and leaves text alone', () => {
    expect(sniffFileType(Buffer.from('%PDF-1.4 ...'))).toBe('PDF');
    expect(sniffFileType(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]))).toBe('DOCX/ZIP');
    expect(sniffFileType(Buffer.from([0x1f, 0x8b, 0x08, 0x00]))).toBe('GZIP');
    expect(sniffFileType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]))).toBe('PNG');
    expect(sniffFileType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00]))).toBe('JPEG');
    expect(sniffFileType(Buffer.from('<html><body>Hallo</body></html>'))).toBeNull();
    expect(sniffFileType(Buffer.from('id,text\n1,Grüße aus Dortmund\n'))).toBeNull();
  });
});
