import path from 'node:path';
import { AtomicFile } from '../io/atomic.js';
import { mapRows, type PoolSpec } from './pool.js';
import type { StageContext } from './stage.js';

/**
 * The body of a per-article stage: maps input rows through the stage's processor (on worker
 * threads when compiled) into one output file written atomically, reporting progress. Returns the
 * number of articles; `onLine` sees each output line (for counts).
 */
export async function mapToFile(
  ctx: StageContext,
  stage: string,
  rows: AsyncIterable<string[]>,
  spec: PoolSpec,
  outFile: string,
  onLine?: (line: string) => void,
): Promise<number> {
  const out = new AtomicFile(path.join(ctx.outDir, outFile));
  let n = 0;
  try {
    for await (const line of mapRows(rows, spec)) {
      onLine?.(line);
      await out.write(line);
      n += 1;
      ctx.log.progress(stage, n, ctx.articleCount);
    }
    await out.commit();
  } catch (error) {
    out.abort();
    throw error;
  }
  return n;
}

/** The processor module beside a stage module, `.ts` from sources and `.js` when compiled. */
export function processorModule(stageModuleUrl: string): string {
  return new URL(`./process${path.extname(stageModuleUrl)}`, stageModuleUrl).href;
}
