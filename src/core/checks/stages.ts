// What a check of each stage is given to run on (see check.ts for the stages).
import type { Panel } from '../history/panel';
import type { HistoryOptions } from '../history/common';
import type { StructureFix } from '../layout/corrections';
import type { IndicatorIndex } from '../rules/indicator-index';
import type { RuleLoad } from '../rules/sources';
import type { Finding, WorkbookSnapshot } from '../types';
import type { WorkbookModel } from './context';

/** One workbook: the model its sheets were read into, and what it was read from. */
export interface WorkbookCheckContext {
  snapshot: WorkbookSnapshot;
  model: WorkbookModel;
  /** The user's corrections from the 结构 sheet, each marked when it matched a row. */
  fixes: StructureFix[];
  /** Rows of the 结构 sheet that could not be understood. */
  fixFindings: Finding[];
  /** The names of the workbook's sheets that are not the add-in's own (results, rules, summaries…). */
  userSheets: string[];
  /** The rules that apply (pack, rule file, 校验规则 sheet, the pane's changes) and the problems met loading them. */
  rules: RuleLoad;
  /** The workbook's indicators indexed under the rules' aliases: one per check, for the rules and the typo hints. */
  ruleIndex: IndicatorIndex;
}

/** Series by district and period from one or more workbooks, and the detectors' settings. */
export interface PanelCheckContext {
  panel: Panel;
  options: HistoryOptions;
}
