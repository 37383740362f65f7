// One finding of the 跨年 tab's list: its cell (a button that selects it), indicator, method,
// the two values, change and expected range, the message, a trend line, the method's statistics
// folded under 详情 (Finding.details), and the check box that adds its series to the chart. Apart from the panel, which owns the state, so the row stays a small memoised unit.
import { Checkbox, makeStyles, tokens } from '@fluentui/react-components';
import { memo } from 'react';
import type { CellRef, Lang } from '../../core/types';
import { DetailsDisclosure } from '../components/DetailsDisclosure';
import { findingRowButton } from '../components/finding-row-style';
import type { ItemSlot } from '../components/VirtualList';
import { formatCellRef } from '../format';
import { pick } from '../i18n';
import {
  METHOD_LABEL,
  formatChange,
  formatKindValue,
  formatRelative,
  formatStat,
  kindOf,
  seriesIdOf,
  yearLabel,
  type HistoryRow,
  type IndicatorSeries,
} from './cross-year-view-model';
import type { CrossYearTranslate } from './cross-year-strings';
import { Sparkline } from './Sparkline';

const useStyles = makeStyles({
  item: {
    display: 'flex',
    flexDirection: 'column',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingBottom: tokens.spacingVerticalXS,
  },
  row: {
    ...findingRowButton,
    display: 'flex',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalS,
    borderLeftColor: tokens.colorStatusWarningBorder2,
  },
  info: { borderLeftColor: tokens.colorPaletteBlueBorderActive },
  rowText: { display: 'flex', flexDirection: 'column', gap: '2px', flexGrow: 1, minWidth: 0 },
  address: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  title: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  values: { overflowWrap: 'anywhere' },
  details: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  message: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  pick: { marginLeft: tokens.spacingHorizontalS },
  /** Indented to the row's text: the button's left border plus its padding. */
  technical: {
    paddingInlineStart: `calc(${tokens.strokeWidthThicker} + ${tokens.spacingHorizontalS})`,
    paddingInlineEnd: tokens.spacingHorizontalS,
    paddingBottom: tokens.spacingVerticalXS,
  },
  method: {
    display: 'inline-block',
    padding: `0 ${tokens.spacingHorizontalXS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusSmall,
    fontSize: tokens.fontSizeBase100,
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground2,
    whiteSpace: 'nowrap',
  },
});

interface RowProps {
  finding: HistoryRow;
  /** Place in the list and, when the list is windowed, the measuring ref and position. */
  slot: ItemSlot;
  series: IndicatorSeries | undefined;
  chosen: boolean;
  lang: Lang;
  t: CrossYearTranslate;
  onSelect: (ref: CellRef) => void;
  onToggle: (id: string, on: boolean) => void;
}

/** "2021年 58,590 元 → 2022年 585,900 元" (or the two values of one year for a conflict). */
function valuesLine(f: HistoryRow, kind: IndicatorSeries['kind'] | undefined, lang: Lang, t: CrossYearTranslate): string {
  const d = f.detail;
  if (!d) return '';
  const cur = `${yearLabel(d.currentPeriod, t)} ${formatKindValue(d.currentValue, kind, lang, t)}`;
  if (!d.basePeriod) return d.baseValue !== undefined ? `${cur} / ${formatKindValue(d.baseValue, kind, lang, t)}` : cur;
  return `${yearLabel(d.basePeriod, t)} ${formatKindValue(d.baseValue, kind, lang, t)} → ${cur}`;
}

/**
 * Change, relative change, the expected range and, for a unit slip, the ratio to the year before:
 * what a clerk reads. The method's statistics (robust z, HB score) are in the folded details.
 */
function detailsLine(f: HistoryRow, kind: IndicatorSeries['kind'] | undefined, lang: Lang, t: CrossYearTranslate): string {
  const d = f.detail;
  if (!d) return '';
  const parts: string[] = [];
  if (typeof d.change === 'number' && Number.isFinite(d.change) && d.method !== 'conflict') {
    const rel = formatRelative(d.relativeChange, lang, t);
    parts.push(t('cy.change', { change: `${formatChange(d.change, kind, lang, t)}${rel ? t('cy.paren', { x: rel }) : ''}` }));
  }
  if (d.bounds && d.method !== 'structure') {
    parts.push(t('cy.bounds', { lower: formatKindValue(d.bounds.lower, kind, lang, t), upper: formatKindValue(d.bounds.upper, kind, lang, t) }));
  }
  const s = d.stats ?? {};
  if (f.ruleId === 'history.yoy.scale' && typeof s.scale === 'number') parts.push(t('cy.stat.ratio', { k: formatStat(s.scale, lang) }));
  return parts.join(' · ');
}

export const FindingRow = memo(function FindingRow({ finding: f, slot, series, chosen, lang, t, onSelect, onToggle }: RowProps) {
  const styles = useStyles();
  const cell = f.cells[0];
  const kind = series?.kind;
  const method = kindOf(f);
  const id = seriesIdOf(f);
  const indicator = f.indicator ?? series?.label ?? '';
  const values = valuesLine(f, kind, lang, t);
  const details = detailsLine(f, kind, lang, t);
  const technical = f.details ? pick(f.details, lang) : '';
  const drawn = f.series ?? [];
  const trendLabel = t('cy.trend', {
    indicator,
    points: drawn.map((p) => `${yearLabel(p.period, t)} ${formatKindValue(p.value, kind, lang, t)}`).join(t('cy.chart.separator')),
  });
  return (
    <li {...slot} className={styles.item} data-rule={f.ruleId} data-testid="cy-finding">
      <button
        type="button"
        className={f.severity === 'info' ? `${styles.row} ${styles.info}` : styles.row}
        onClick={() => cell && onSelect({ sheet: cell.sheet, address: cell.address })}
        data-cell={cell ? formatCellRef(cell) : undefined}
      >
        <span className={styles.rowText}>
          <span className={styles.address}>{cell ? formatCellRef(cell) : ''}</span>
          <span className={styles.title}>
            {indicator}
            {f.entity ? ` · ${f.entity}` : ''}{' '}
            <span className={styles.method}>{t(METHOD_LABEL[method])}</span>
          </span>
          {values && <span className={styles.values} data-testid="cy-values">{values}</span>}
          {details && <span className={styles.details} data-testid="cy-details">{details}</span>}
          <span className={styles.message}>{pick(f.message, lang)}</span>
        </span>
        {drawn.length > 0 && (
          <Sparkline
            series={drawn}
            label={trendLabel}
            current={f.detail?.currentPeriod}
            base={f.detail?.basePeriod}
            bounds={f.detail?.method === 'structure' ? undefined : f.detail?.bounds}
          />
        )}
      </button>
      {/* Outside the button: a disclosure inside a button could not be opened on its own. */}
      {technical && <DetailsDisclosure text={technical} label={t('cy.technical')} className={styles.technical} />}
      {id && series && (
        <Checkbox
          className={styles.pick}
          size="medium"
          label={t('cy.chart.add')}
          aria-label={t('cy.chart.addLabel', { indicator: f.entity ? `${indicator}（${f.entity}）` : indicator })}
          checked={chosen}
          onChange={(_, d) => onToggle(id, d.checked === true)}
        />
      )}
    </li>
  );
});
