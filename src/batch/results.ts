// The result of checking one file, as the command line and the web checker both hold it.
import type { WorkbookModel } from '../core/checks/context';
import type { Explanation } from '../core/explanations';
import type { Claim } from '../core/text';
import type { Mention } from '../core/text/extract';
import type { Bilingual, CheckResult, Finding } from '../core/types';

export interface FileResult {
  file: string;
  result?: CheckResult;
  /** The engine's model, kept for the detectors that run across files (not reported). */
  model?: WorkbookModel;
  /** The workbook's 核实说明 (校验说明 sheet), for the findings made across files (not reported). */
  explanations?: Explanation[];
  /** Why the file could not be read. */
  error?: Bilingual;
  /** For a report's prose (.txt, .docx, .pdf): its 其中 claims with verdicts. */
  claims?: Claim[];
  /** A report's text and its figures, for the comparison across reports (not reported). */
  prose?: { name: string; text: string; mentions: Mention[] };
}

export function counts(findings: Finding[]): Record<Finding['severity'], number> {
  const c = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}
