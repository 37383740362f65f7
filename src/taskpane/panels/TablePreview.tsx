// A small HTML rendering of a summary TableSpec (core/report): title, units line, header rows,
// body cells as cellText shows them (— for missing values, signs on changes), status colours,
// notes and the source line. Light imports only (table-spec is a few functions).
import { makeStyles, tokens } from '@fluentui/react-components';
import type { CSSProperties } from 'react';
import { cellAlignment, cellText, type CellStatus, type TableSpec } from '../../core/report/table-spec';

// The colours the writers use (core/report/placement STATUS_COLOR / STATUS_FILL).
const STATUS_TEXT: Record<CellStatus, string> = { ok: '#006100', warning: '#9C5700', error: '#9C0006' };
const STATUS_BACK: Record<CellStatus, string> = { ok: '#C6EFCE', warning: '#FFEB9C', error: '#FFC7CE' };

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  title: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400, textAlign: 'center' },
  subtitle: { fontStyle: 'italic', color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  scroller: {
    overflowX: 'auto',
    maxWidth: '100%',
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  table: {
    borderCollapse: 'collapse',
    fontSize: tokens.fontSizeBase200,
    whiteSpace: 'nowrap',
    '& th, & td': {
      border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
      padding: `2px ${tokens.spacingHorizontalXS}`,
    },
    '& th': { backgroundColor: '#4472C4', color: '#FFFFFF', fontWeight: tokens.fontWeightSemibold, textAlign: 'center' },
    '& tbody tr:nth-child(even)': { backgroundColor: '#D9E1F2' },
  },
  hidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
  note: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, margin: 0 },
  source: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100, fontStyle: 'italic', margin: 0 },
});

export interface TablePreviewProps {
  spec: TableSpec;
  /** Accessible name of the scrollable table region. */
  label: string;
}

/** Group heading cells: a null continues the heading on its left (one cell spanning both). */
function groupCells(row: Array<string | null>): Array<{ text: string; span: number }> {
  const out: Array<{ text: string; span: number }> = [];
  for (const text of row) {
    if (text === null && out.length > 0) out[out.length - 1].span++;
    else out.push({ text: text ?? '', span: 1 });
  }
  return out;
}

export function TablePreview({ spec, label }: TablePreviewProps) {
  const styles = useStyles();
  const names = spec.header[spec.header.length - 1] ?? [];
  return (
    <div className={styles.root} data-testid="summary-preview" data-template={spec.template}>
      <div className={styles.title} data-testid="summary-preview-title">
        {spec.title}
      </div>
      <div className={styles.subtitle}>{spec.subtitle}</div>
      {/* Focusable so keyboard users can scroll a table wider than the pane. */}
      <div className={styles.scroller} role="region" aria-label={label} tabIndex={0}>
        <table className={styles.table}>
          <caption className={styles.hidden}>{spec.title}</caption>
          <thead>
            {spec.header.slice(0, -1).map((row, i) => (
              <tr key={`g${i}`}>
                {groupCells(row).map((c, j) => (
                  <th key={j} colSpan={c.span} scope="colgroup">
                    {c.text}
                  </th>
                ))}
              </tr>
            ))}
            <tr>
              {names.map((name, j) => (
                <th key={j} scope="col">
                  {name ?? ''}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {spec.body.map((row, i) => (
              <tr key={i}>
                {row.map((cell, j) => {
                  const status = cell.status;
                  // The 状态 column (text with a status) gets the fill; values with a finding get the colour.
                  const isStatusColumn = status !== undefined && cell.format === 'text' && typeof cell.value === 'string';
                  const coloured = status !== undefined && (status !== 'ok' || isStatusColumn);
                  const style: CSSProperties = { textAlign: cellAlignment(cell) };
                  if (coloured && status) {
                    style.color = STATUS_TEXT[status];
                    if (status === 'error') style.fontWeight = 600;
                    if (isStatusColumn) style.backgroundColor = STATUS_BACK[status];
                  }
                  const text = cellText(cell);
                  return j === 0 ? (
                    <th key={j} scope="row" style={{ ...style, backgroundColor: style.backgroundColor ?? 'transparent', color: style.color ?? 'inherit', fontWeight: 'normal', textAlign: 'left' }} data-status={status}>
                      {text}
                    </th>
                  ) : (
                    <td key={j} style={style} data-status={status}>
                      {text}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {spec.notes.map((note, i) => (
        <p key={i} className={styles.note}>
          {note}
        </p>
      ))}
      <p className={styles.source}>{spec.source}</p>
    </div>
  );
}
