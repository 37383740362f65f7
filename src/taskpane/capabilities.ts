// The optional host capabilities, for the pane's tabs: defined with the rest of the host contract
// in core/host.ts.
export {
  canInsertLineChart,
  canInsertStandardForm,
  canWriteRulesSheet,
  canWriteSummaryTable,
  type LineChartInserter,
  type RulesSheetWriter,
  type StandardFormInserter,
  type SummaryTableWriter,
  type TrendChartRef,
} from '../core/host';
