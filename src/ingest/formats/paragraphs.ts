/**
 * Body text from lines: paragraphs are separated by blank lines and kept apart by `\n\n`; the lines of a
 * paragraph (hard-wrapped text) are joined with a space. A word hyphenated at a line end is left as
 * written (`Flücht- linge`): telling it from a suspended compound (`Flüchtlings- und Asylpolitik`)
 * needs a dictionary.
 */
export function joinParagraphs(lines: string[]): string {
  const paragraphs: string[] = [];
  let current: string[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') {
      if (current.length > 0) paragraphs.push(current.join(' '));
      current = [];
      continue;
    }
    current.push(line);
  }
  if (current.length > 0) paragraphs.push(current.join(' '));
  return paragraphs.join('\n\n');
}
