import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { dialects, formatCell, formatCsv } from '../src/io/csv.js';

const de = dialects['excel-de'];
const rfc = dialects.rfc4180;

describe('CSV dialects', () => {
  it('excel-de: BOM, semicolons, decimal comma, CRLF', () => {
    const text = formatCsv(['Ort', 'Ton'], [['Mülheim an der Ruhr', -0.125]], de);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toBe('\uFEFFOrt;Ton\r\nMülheim an der Ruhr;-0,125\r\n');
  });

  it('rfc4180: comma and decimal point, quoting where needed', () => {
    const text = formatCsv(['title', 'tone'], [['Streit um Turnhalle, Rat vertagt', 0.5]], rfc);
    expect(text).toBe('title,tone\n"Streit um Turnhalle, Rat vertagt",0.5\n');
  });

  it('neutralizes untrusted text that a spreadsheet would run as a formula, but not numbers', () => {
    expect(formatCell('=HYPERLINK("http://x.example","klick")', de)).toBe(
      '\'=HYPERLINK("http://x.example","klick")',
    );
    expect(formatCell('+49 231 123', de)).toBe("'+49 231 123");
    expect(formatCell('-Flüchtlinge willkommen', de)).toBe("'-Flüchtlinge willkommen");
    expect(formatCell('@Stadt', de)).toBe("'@Stadt");
    expect(formatCell('\tTab', de)).toBe("'\tTab");
    expect(formatCell(-0.25, de)).toBe('-0,25');
    expect(formatCell(null, de)).toBe('');
  });

  it('round-trips quotes, semicolons and line breaks in German titles', () => {
    const title = '„Wir schaffen das“; sagt sie\nund "lacht"';
    const text = formatCsv(['title'], [[title]], de);
    const rows = parse(text.slice(1), { delimiter: ';', columns: true }) as Array<{ title: string }>;
    expect(rows[0]?.title).toBe(title);
  });

  it('writes numbers without floating-point noise', () => {
    expect(formatCell(0.1 + 0.2, rfc)).toBe('0.3');
    expect(formatCell(12, de)).toBe('12');
  });
});
