/**
 * The order in which ingest meets inputs: folders are walked depth-first with the names in each
 * folder sorted by code unit, so paths compare segment by segment; within a file, by record.
 */
export function compareWalkOrder(
  a: { file: string; record: number | null },
  b: { file: string; record: number | null },
): number {
  if (a.file !== b.file) {
    const as = a.file.split('/');
    const bs = b.file.split('/');
    for (let i = 0; i < Math.min(as.length, bs.length); i++) {
      const x = as[i] as string;
      const y = bs[i] as string;
      if (x !== y) return x < y ? -1 : 1;
    }
    return as.length - bs.length;
  }
  return (a.record ?? 0) - (b.record ?? 0);
}
