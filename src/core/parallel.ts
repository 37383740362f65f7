// The detectors across periods and districts as a job for another thread (issue 7: the command
// line runs them in a worker while this thread runs the checks and rules; see src/cli/parallel.ts).
// Pure data in, pure data out: the job is structured-cloneable, and runHistoryJob gives the
// findings historyFindings / detectAnomalies would give on the models themselves.
import { buildModel } from './checks/context';
import type { WorkbookModel } from './checks/context';
import { buildPanel, detectAnomalies, type HistoryOptionsInput, type Panel } from './history';
import { packPanel, unpackPanel, type PackedPanel } from './history/align';
import { ModelData, type PackedModelData } from './model-data';
import type { Finding } from './types';

export interface HistoryJob {
  inputs: Array<{ file: string; model: PackedModelData }>;
  history: HistoryOptionsInput;
  /** The panel over the inputs, when the sender built it (else the job builds it). */
  panel?: PackedPanel;
}

/**
 * The job of running the detectors over these models (as buildPanel takes them), or undefined when
 * a model cannot be sent (not read from grids: models built from objects). `panel`: buildPanel's
 * panel over the same inputs, sent along so that the job only detects.
 */
export function packHistoryJob(inputs: Array<{ file: string; model: WorkbookModel }>, history: HistoryOptionsInput, panel?: Panel): HistoryJob | undefined {
  const packed: HistoryJob['inputs'] = [];
  for (const input of inputs) {
    const model = input.model.data.pack();
    if (!model) return undefined;
    packed.push({ file: input.file, model });
  }
  if (!panel) return { inputs: packed, history };
  const p = packPanel(panel);
  return p ? { inputs: packed, history, panel: p } : undefined;
}

/** Runs a job made by packHistoryJob (in the thread it was sent to). */
export function runHistoryJob(job: HistoryJob): Finding[] {
  const inputs = job.inputs.map((input) => {
    const data = ModelData.unpack(input.model);
    return { file: input.file, model: buildModel(data.sheets.map((s) => s.model)) };
  });
  return detectAnomalies(job.panel ? unpackPanel(job.panel, inputs) : buildPanel(inputs), job.history);
}
