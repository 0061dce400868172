import type { StageContext, StageDefinition, StageResult } from '../runner/stage.js';
import { writeReport } from './index.js';
import { reportSpec } from './spec.js';

/** Renders `report.html` from the tables aggregate wrote (and `run.json`). */
export async function runReport(ctx: StageContext): Promise<StageResult> {
  const file = await writeReport(ctx.outDir);
  ctx.log.info(`report: wrote ${file}`);
  return { in: 1, out: 1, rejected: 0 };
}

export const reportStage: StageDefinition = { ...reportSpec, run: runReport };
