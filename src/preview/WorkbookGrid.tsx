// The preview's view of the workbook: one sheet as a spreadsheet grid (column letters, row
// numbers, displayed values), sheet tabs, the host's marks as fills and its selection as an
// outline. It only reads the XlsxHost; clicking or moving with the arrow keys selects through it.
import {
  Caption1,
  MessageBar,
  MessageBarBody,
  Tab,
  TabList,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { memo, useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { fromA1 } from '../core/a1';
import type { CellRef, Lang, Severity } from '../core/types';
import type { XlsxHost } from '../hosts/xlsx/xlsx-host';
import { buildSheetView, DEFAULT_LIMITS, locate, masterCell, type SheetView, type ViewCell, type ViewLimits } from './sheet-view';
import { previewTranslator, type PreviewKey, type PreviewTranslate } from './strings';

/** Fills of marked cells: the same colours the hosts put in the workbook. */
export const MARK_COLORS: Record<Severity, { background: string; color: string }> = {
  error: { background: '#FFC7CE', color: '#9C0006' },
  warning: { background: '#FFEB9C', color: '#7A4A00' },
  info: { background: '#DDEBF7', color: '#1F4E79' },
};

const SEVERITY_KEYS: Record<Severity, PreviewKey> = { error: 'mark.error', warning: 'mark.warning', info: 'mark.info' };

const ROW_HEADER_WIDTH = 44;
const ROW_HEIGHT = 22;

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    height: '100%',
    minHeight: 0,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  infoBar: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    minHeight: '36px',
    padding: `0 ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  nameBox: {
    minWidth: '72px',
    padding: `2px ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusSmall,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  cellText: {
    flexGrow: 1,
    minWidth: 0,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  legend: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexShrink: 0 },
  legendItem: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  swatch: {
    width: '12px',
    height: '12px',
    borderRadius: tokens.borderRadiusSmall,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  markCount: { color: tokens.colorNeutralForeground3, paddingLeft: tokens.spacingHorizontalS },
  scroller: {
    flexGrow: 1,
    minHeight: 0,
    overflow: 'auto',
    position: 'relative',
    backgroundColor: tokens.colorNeutralBackground1,
  },
  table: {
    borderCollapse: 'separate',
    borderSpacing: 0,
    tableLayout: 'fixed',
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground1,
    outlineStyle: 'none',
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: '-2px',
    },
  },
  colHeader: {
    position: 'sticky',
    top: 0,
    zIndex: 2,
    height: `${ROW_HEIGHT}px`,
    padding: 0,
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground3,
    textAlign: 'center',
    backgroundColor: tokens.colorNeutralBackground3,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  corner: { left: 0, zIndex: 3 },
  rowHeader: {
    position: 'sticky',
    left: 0,
    zIndex: 1,
    height: `${ROW_HEIGHT}px`,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground3,
    textAlign: 'center',
    backgroundColor: tokens.colorNeutralBackground3,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  headerActive: {
    color: tokens.colorBrandForeground1,
    fontWeight: tokens.fontWeightSemibold,
    backgroundColor: tokens.colorBrandBackground2,
  },
  cell: {
    height: `${ROW_HEIGHT}px`,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    overflow: 'hidden',
    whiteSpace: 'nowrap',
    textOverflow: 'ellipsis',
    cursor: 'cell',
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    // Sticky headers would cover a cell scrolled to the edge.
    scrollMarginTop: `${ROW_HEIGHT + 2}px`,
    scrollMarginLeft: `${ROW_HEADER_WIDTH + 2}px`,
  },
  // Text running over empty neighbours (ViewCell.spill) and the gridlines it hides.
  spill: { overflow: 'visible', textOverflow: 'clip', position: 'relative', zIndex: 0 },
  noGridlineRight: { borderRightColor: 'transparent' },
  left: { textAlign: 'left' },
  center: { textAlign: 'center' },
  right: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  bold: { fontWeight: tokens.fontWeightSemibold },
  errorValue: { color: tokens.colorPaletteRedForeground1 },
  error: { backgroundColor: MARK_COLORS.error.background, color: MARK_COLORS.error.color },
  warning: { backgroundColor: MARK_COLORS.warning.background, color: MARK_COLORS.warning.color },
  info: { backgroundColor: MARK_COLORS.info.background, color: MARK_COLORS.info.color },
  highlighted: { boxShadow: `inset 0 0 0 9999px ${tokens.colorBrandBackground2}` },
  selected: {
    position: 'relative',
    outline: `2px solid ${tokens.colorBrandStroke1}`,
    outlineOffset: '-2px',
  },
  notes: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  tabs: {
    flexShrink: 0,
    overflowX: 'auto',
    padding: `0 ${tokens.spacingHorizontalS}`,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
});

interface RowProps {
  line: ViewCell[];
  rowNumber: number;
  sheet: string;
  host: XlsxHost;
  /** Changes whenever the host's marks change, so rows re-read them. */
  marksVersion: number;
  /** Column index of the selected cell in this row, or -1. */
  selectedJ: number;
  /** Sheet columns (0-based, inclusive) of a highlighted range crossing this row; -1 when none. */
  hiC0: number;
  hiC1: number;
  idPrefix: string;
  onSelect: (address: string) => void;
}

const GridRow = memo(function GridRow({ line, rowNumber, sheet, host, selectedJ, hiC0, hiC1, idPrefix, onSelect }: RowProps) {
  const styles = useStyles();
  return (
    <tr role="row" aria-rowindex={rowNumber + 1}>
      <th role="rowheader" scope="row" className={mergeClasses(styles.rowHeader, selectedJ >= 0 && styles.headerActive)}>
        {rowNumber}
      </th>
      {line.map((cell, j) => {
        if (cell.covered) return null;
        const mark = host.markAt(sheet, cell.address);
        const selected = j === selectedJ;
        const col = hiC0 >= 0 ? fromA1(cell.address)?.col ?? -1 : -1;
        const highlighted = col >= hiC0 && col <= hiC1 && hiC0 >= 0;
        // The last cell text runs over keeps its right gridline.
        const runsOn = cell.spill !== undefined || (cell.spilledOver === true && line[j + 1]?.spilledOver === true);
        return (
          <td
            key={cell.address}
            id={`${idPrefix}-${cell.address}`}
            role="gridcell"
            rowSpan={cell.rowSpan}
            colSpan={cell.colSpan}
            data-address={cell.address}
            data-mark={mark}
            aria-selected={selected || highlighted ? true : undefined}
            data-highlight={highlighted ? 'true' : undefined}
            title={cell.text || undefined}
            className={mergeClasses(
              styles.cell,
              styles[cell.align],
              cell.bold && styles.bold,
              cell.spill !== undefined && styles.spill,
              runsOn && !mark && styles.noGridlineRight,
              cell.kind === 'error' && styles.errorValue,
              mark && styles[mark],
              highlighted && styles.highlighted,
              selected && styles.selected,
            )}
            style={cell.indent > 0 ? { paddingLeft: `${4 + cell.indent * 12}px` } : undefined}
            onMouseDown={() => onSelect(cell.address)}
          >
            {cell.text}
          </td>
        );
      })}
    </tr>
  );
});

export interface WorkbookGridProps {
  host: XlsxHost;
  lang: Lang;
  limits?: ViewLimits;
}

/** Sheets a user sees in Excel's tab bar (very hidden ones are left out). */
function visibleSheets(host: XlsxHost) {
  return host.workbook.worksheets.filter((ws) => ws.state !== 'veryHidden');
}

export function WorkbookGrid({ host, lang, limits = DEFAULT_LIMITS }: WorkbookGridProps) {
  const styles = useStyles();
  const t: PreviewTranslate = useMemo(() => previewTranslator(lang), [lang]);
  const idPrefix = useId().replace(/:/g, '');
  const [sheetsVersion, setSheetsVersion] = useState(0);
  const [marksVersion, setMarksVersion] = useState(0);
  const [selection, setSelection] = useState<CellRef | undefined>(host.selection);
  // sheetsVersion: the host added or replaced a sheet (its own 校验说明 sheet).
  const sheets = useMemo(() => visibleSheets(host), [host, sheetsVersion]);
  const [active, setActive] = useState<string>(() => host.selection?.sheet ?? sheets[0]?.name ?? '');
  const scrollPending = useRef(false);
  const tableRef = useRef<HTMLTableElement>(null);

  useEffect(
    () =>
      host.onChange((e) => {
        if (e.type === 'marks') setMarksVersion((v) => v + 1);
        else if (e.type === 'sheets') setSheetsVersion((v) => v + 1);
        else if (e.type === 'select') {
          scrollPending.current = true;
          setSelection(e.ref);
          setActive(e.ref.sheet);
        }
      }),
    [host],
  );

  const ws = sheets.find((s) => s.name === active) ?? sheets[0];
  const view: SheetView | null = useMemo(() => (ws ? buildSheetView(ws, limits) : null), [ws, limits, sheetsVersion]);
  const selectedHere = selection && ws && selection.sheet === ws.name ? selection : undefined;
  const selectedAt = view && selectedHere ? locate(view, selectedHere.address) : null;
  const selectedPos = view && selectedAt ? masterCell(view, selectedAt.i, selectedAt.j) : null;
  const selectedCell = view && selectedPos ? view.cells[selectedPos.i][selectedPos.j] : undefined;

  useLayoutEffect(() => {
    if (!scrollPending.current || !selectedCell) return;
    scrollPending.current = false;
    const el = tableRef.current?.querySelector<HTMLElement>(`[data-address="${selectedCell.address}"]`);
    el?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, [selectedCell, view]);

  const select = useCallback(
    (address: string) => {
      if (ws) void host.selectCell({ sheet: ws.name, address });
    },
    [host, ws],
  );

  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>): void => {
    if (!view || view.rowCount === 0 || view.colCount === 0) return;
    const from = selectedPos ?? { i: 0, j: 0 };
    const here = view.cells[from.i][from.j];
    let { i, j } = from;
    switch (e.key) {
      case 'ArrowRight':
        j += here.colSpan ?? 1;
        break;
      case 'ArrowLeft':
        j -= 1;
        break;
      case 'ArrowDown':
        i += here.rowSpan ?? 1;
        break;
      case 'ArrowUp':
        i -= 1;
        break;
      case 'Home':
        j = 0;
        if (e.ctrlKey) i = 0;
        break;
      case 'End':
        j = view.colCount - 1;
        if (e.ctrlKey) i = view.rowCount - 1;
        break;
      case 'PageDown':
        i += 20;
        break;
      case 'PageUp':
        i -= 20;
        break;
      default:
        return;
    }
    e.preventDefault();
    i = Math.max(0, Math.min(view.rowCount - 1, i));
    j = Math.max(0, Math.min(view.colCount - 1, j));
    const to = masterCell(view, i, j);
    scrollPending.current = true;
    select(view.cells[to.i][to.j].address);
  };

  // Read on every render; a marks event re-renders through marksVersion, a selection through setSelection.
  const markCount = host.markCount;
  const hi = host.highlight;

  return (
    <div className={styles.root} data-testid="workbook-grid">
      <div className={styles.infoBar}>
        <span className={styles.nameBox} aria-label={t('grid.nameBox')} data-testid="name-box">
          {selectedCell?.address ?? selectedHere?.address ?? '\u00a0'}
        </span>
        <span className={styles.cellText} title={selectedCell?.text}>
          {selectedCell?.text}
        </span>
        <span className={styles.legend} aria-label={t('grid.legend')}>
          {(['error', 'warning', 'info'] as const).map((s) => (
            <span key={s} className={styles.legendItem}>
              <span className={styles.swatch} style={{ backgroundColor: MARK_COLORS[s].background }} aria-hidden />
              <Caption1>{t(SEVERITY_KEYS[s])}</Caption1>
            </span>
          ))}
          <Caption1 className={styles.markCount} data-testid="mark-count">
            {markCount > 0 ? t('grid.marks', { n: markCount }) : t('grid.noMarks')}
          </Caption1>
        </span>
      </div>

      <div className={styles.scroller}>
        {view && (
          <table
            ref={tableRef}
            role="grid"
            tabIndex={0}
            aria-label={t('grid.label', { sheet: view.name })}
            aria-rowcount={view.lastRow + 1}
            aria-colcount={view.lastCol + 1}
            aria-activedescendant={selectedCell ? `${idPrefix}-${selectedCell.address}` : undefined}
            className={styles.table}
            style={{ width: `${ROW_HEADER_WIDTH + view.colWidths.reduce((a, b) => a + b, 0)}px` }}
            onKeyDown={onKeyDown}
            data-sheet={view.name}
          >
            <colgroup>
              <col style={{ width: `${ROW_HEADER_WIDTH}px` }} />
              {view.colWidths.map((w, j) => (
                <col key={view.colLetters[j]} style={{ width: `${w}px` }} />
              ))}
            </colgroup>
            <thead>
              <tr role="row" aria-rowindex={1}>
                <th className={mergeClasses(styles.colHeader, styles.corner)} aria-hidden />
                {view.colLetters.map((letters, j) => (
                  <th
                    key={letters}
                    role="columnheader"
                    scope="col"
                    className={mergeClasses(styles.colHeader, selectedPos?.j === j && styles.headerActive)}
                  >
                    {letters}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {view.cells.map((line, i) => (
                <GridRow
                  key={view.firstRow + i}
                  line={line}
                  rowNumber={view.firstRow + i}
                  sheet={view.name}
                  host={host}
                  marksVersion={marksVersion}
                  selectedJ={selectedPos?.i === i ? selectedPos.j : -1}
                  hiC0={hi && hi.sheet === view.name && view.firstRow + i - 1 >= hi.r0 && view.firstRow + i - 1 <= hi.r1 ? hi.c0 : -1}
                  hiC1={hi && hi.sheet === view.name ? hi.c1 : -1}
                  idPrefix={idPrefix}
                  onSelect={select}
                />
              ))}
            </tbody>
          </table>
        )}
      </div>

      {view && (view.truncated || (selectedHere && !selectedAt) || view.lastRow === 0) && (
        <div className={styles.notes}>
          {view.truncated && (
            <MessageBar intent="info" data-testid="grid-truncated">
              <MessageBarBody>
                {t('grid.truncated', {
                  rows: view.lastRow.toLocaleString(lang),
                  cols: view.lastCol,
                  shownRows: view.rowCount,
                  shownCols: view.colCount,
                })}
              </MessageBarBody>
            </MessageBar>
          )}
          {selectedHere && !selectedAt && (
            <MessageBar intent="warning">
              <MessageBarBody>{t('grid.outside', { address: selectedHere.address })}</MessageBarBody>
            </MessageBar>
          )}
          {view.lastRow === 0 && <Caption1>{t('grid.empty')}</Caption1>}
        </div>
      )}

      <TabList
        className={styles.tabs}
        size="small"
        selectedValue={ws?.name}
        onTabSelect={(_, data) => setActive(String(data.value))}
        aria-label={t('grid.sheets')}
      >
        {sheets.map((s) => (
          <Tab key={s.name} value={s.name} data-sheet-tab={s.name}>
            {s.name}
            {s.state === 'hidden' ? t('grid.hidden') : ''}
          </Tab>
        ))}
      </TabList>
    </div>
  );
}
