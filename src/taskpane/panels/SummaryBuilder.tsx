// The summary-table builder of the 汇总表 tab: template, source sheet, indicators, years, a live
// preview of the TableSpec, and 插入 through the host (new sheet or at the selection).
// core/report arrives through `analysis` (loaded with import() by SummaryPanel): only types here.
import {
  Body1,
  Button,
  Checkbox,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Select,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { TableAdd20Regular } from '@fluentui/react-icons';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { SourceChoice, SummaryInput, TemplateOptions } from '../../core/report';
import type { TableSpec, TemplateId } from '../../core/report/table-spec';
import type { Lang } from '../../core/types';
import type { Host } from '../../core/host';
import { canWriteSummaryTable } from '../capabilities';
import { ErrorBar } from '../components/ErrorBar';
import { describeError } from '../format';
import { listText } from '../../core/messages';
import { translate } from '../i18n';
import type { SummaryTranslate } from './summary-strings';
import { TablePreview } from './TablePreview';

export type ReportModule = typeof import('../../core/report');

/** What SummaryPanel prepares after each check: the report module and the templates' input. */
export interface SummaryAnalysis {
  runId: number;
  report: ReportModule;
  input: SummaryInput;
  choices: SourceChoice[];
}

export const TEMPLATE_IDS: TemplateId[] = ['compare', 'composition', 'districts'];
type Target = 'new-sheet' | 'selection';

/** The user's picks for one source table. */
interface Picks {
  compareIndicators: string[];
  compareYears: string[];
  composition: string;
  districts: string;
  /** '' = automatic (the template chooses). */
  year: string;
  /** '' = the first region. */
  entity: string;
}

function defaultPicks(source: SourceChoice): Picks {
  const top = source.indicators.filter((i) => i.depth === 0).map((i) => i.path);
  return {
    compareIndicators: top.length > 0 ? top : source.indicators.map((i) => i.path),
    compareYears: [...source.years],
    composition: source.indicators.find((i) => i.hasParts)?.path ?? '',
    districts: source.indicators[0]?.path ?? '',
    year: '',
    entity: '',
  };
}

/** Picks still valid for the source (after a new check the indicators or years may differ). */
function validPicks(p: Picks, source: SourceChoice): Picks {
  const paths = new Set(source.indicators.map((i) => i.path));
  const d = defaultPicks(source);
  return {
    compareIndicators: p.compareIndicators.filter((x) => paths.has(x)),
    compareYears: p.compareYears.filter((y) => source.years.includes(y)),
    composition: source.indicators.some((i) => i.path === p.composition && i.hasParts) ? p.composition : d.composition,
    districts: paths.has(p.districts) ? p.districts : d.districts,
    year: source.years.includes(p.year) ? p.year : '',
    entity: source.entities.includes(p.entity) ? p.entity : '',
  };
}

const sourceKey = (s: SourceChoice) => s.sheets.join('\u0000');

/** The template options of the picks, or the reason there is nothing to build yet. */
export function templateOptions(
  template: TemplateId,
  source: SourceChoice,
  picks: Picks,
  lang: Lang,
  now: Date,
): { options: TemplateOptions } | { missing: 'summary.pickIndicator' | 'summary.pickYear' } {
  const options: TemplateOptions = { lang, now, sheet: source.sheets[0] };
  if (picks.entity && template !== 'districts') options.entity = picks.entity;
  if (template === 'compare') {
    // In the source's order, whatever order they were ticked in.
    const indicators = source.indicators.map((i) => i.path).filter((p) => picks.compareIndicators.includes(p));
    const years = source.years.filter((y) => picks.compareYears.includes(y));
    if (indicators.length === 0) return { missing: 'summary.pickIndicator' };
    if (years.length === 0) return { missing: 'summary.pickYear' };
    return { options: { ...options, indicators, years } };
  }
  const indicator = template === 'composition' ? picks.composition : picks.districts;
  if (!indicator) return { missing: 'summary.pickIndicator' };
  return { options: { ...options, indicators: [indicator], ...(picks.year ? { years: [picks.year] } : {}) } };
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, '& h3, & p': { margin: 0 } },
  muted: { color: tokens.colorNeutralForeground2 },
  list: {
    maxHeight: '220px',
    overflowY: 'auto',
    display: 'flex',
    flexDirection: 'column',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalXS,
  },
  years: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  unit: { color: tokens.colorNeutralForeground3, marginLeft: tokens.spacingHorizontalXS },
  fieldset: { border: 'none', margin: 0, padding: 0, minWidth: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  legend: { padding: 0, fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300 },
});

export interface SummaryBuilderProps {
  host: Host;
  lang: Lang;
  st: SummaryTranslate;
  analysis: SummaryAnalysis;
  /** A newer check is being prepared: the preview shows, 插入 waits. */
  stale?: boolean;
}

interface Inserted {
  sheet: string;
  address: string;
  chartAsked: boolean;
  chart?: string;
}

export function SummaryBuilder({ host, lang, st, analysis, stale = false }: SummaryBuilderProps) {
  const styles = useStyles();
  const { choices, report, input } = analysis;
  const [template, setTemplate] = useState<TemplateId>('compare');
  const [sourceName, setSourceName] = useState<string>('');
  const [picksBySource, setPicksBySource] = useState<Record<string, Picks>>({});
  const [target, setTarget] = useState<Target>('new-sheet');
  const [chart, setChart] = useState(false);
  const [busy, setBusy] = useState(false);
  const [inserted, setInserted] = useState<Inserted | null>(null);
  const [insertError, setInsertError] = useState<unknown>(null);
  const noWriterId = useId();
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const available = useMemo(() => new Set(choices.flatMap((c) => c.templates)), [choices]);
  const fitting = useMemo(() => choices.filter((c) => c.templates.includes(template)), [choices, template]);
  const source = fitting.find((c) => sourceKey(c) === sourceName) ?? fitting[0];
  const picks = source ? validPicks(picksBySource[sourceKey(source)] ?? defaultPicks(source), source) : undefined;

  const setPicks = useCallback(
    (update: (p: Picks) => Picks) => {
      if (!source || !picks) return;
      setPicksBySource((all) => ({ ...all, [sourceKey(source)]: update(picks) }));
      setInserted(null);
    },
    [source, picks],
  );

  const built = useMemo((): { spec: TableSpec } | { missing: 'summary.pickIndicator' | 'summary.pickYear' } | { error: unknown } | null => {
    if (!source || !picks) return null;
    const o = templateOptions(template, source, picks, lang, new Date());
    if ('missing' in o) return o;
    try {
      return { spec: report.buildSummary(template, input, o.options) };
    } catch (e) {
      return { error: e };
    }
  }, [template, source, picks, lang, report, input]);

  const writer = canWriteSummaryTable(host) ? host : null;
  const spec = built && 'spec' in built ? built.spec : null;

  const insert = useCallback(async () => {
    if (!writer || !source || !picks || stale) return;
    const o = templateOptions(template, source, picks, lang, new Date());
    if ('missing' in o) return;
    setBusy(true);
    setInserted(null);
    setInsertError(null);
    try {
      // Built again for the time in the source line; same picks as the preview.
      const fresh = report.buildSummary(template, input, o.options);
      const chartAsked = chart && !!fresh.chart;
      const r = await writer.writeSummaryTable(fresh, target, { chart: chartAsked });
      if (mounted.current) setInserted({ sheet: r.sheet, address: r.address, chart: r.chart, chartAsked });
    } catch (e) {
      if (mounted.current) setInsertError(e);
    } finally {
      if (mounted.current) setBusy(false);
    }
  }, [writer, source, picks, stale, template, lang, report, input, chart, target]);

  if (choices.length === 0) {
    return (
      <Body1 as="p" className={styles.muted}>
        {st('summary.noSources')}
      </Body1>
    );
  }

  const layoutName = (c: SourceChoice) => st(`summary.layout.${c.layout}` as const);
  const indicatorsForSingle = source ? (template === 'composition' ? source.indicators.filter((i) => i.hasParts) : source.indicators) : [];
  const targetLabel = st(`summary.target.${target}` as const);

  return (
    <div className={styles.root}>
      <Field label={st('summary.template')}>
        <RadioGroup
          value={template}
          onChange={(_, d) => {
            setTemplate(d.value as TemplateId);
            setInserted(null);
          }}
          aria-label={st('summary.template')}
        >
          {TEMPLATE_IDS.map((id) => {
            const on = available.has(id);
            // A disabled choice says what it needs.
            const label = !on && id === 'districts' ? st('summary.template.districtsOff') : !on && id === 'composition' ? st('summary.template.compositionOff') : st(`summary.template.${id}` as const);
            return <Radio key={id} value={id} label={label} disabled={!on} data-template={id} />;
          })}
        </RadioGroup>
      </Field>

      {source && picks && (
        <>
          <Field label={st('summary.source')}>
            <Select
              value={sourceKey(source)}
              onChange={(_, d) => {
                setSourceName(d.value);
                setInserted(null);
              }}
              data-testid="summary-source"
            >
              {fitting.map((c) => (
                <option key={sourceKey(c)} value={sourceKey(c)}>
                  {`${listText(c.sheets)[lang]}（${layoutName(c)}）`}
                </option>
              ))}
            </Select>
          </Field>

          {template !== 'districts' && source.entities.length > 1 && (
            <Field label={st('summary.entity')}>
              <Select value={picks.entity || source.entities[0]} onChange={(_, d) => setPicks((p) => ({ ...p, entity: d.value }))} data-testid="summary-entity">
                {source.entities.map((e) => (
                  <option key={e} value={e}>
                    {e || '—'}
                  </option>
                ))}
              </Select>
            </Field>
          )}

          {template === 'compare' ? (
            <>
              <fieldset className={styles.fieldset} data-testid="summary-indicators">
                <legend className={styles.legend}>{st('summary.indicators')}</legend>
                <div className={styles.row}>
                  <Button size="small" appearance="subtle" aria-label={st('summary.selectAllLabel')} onClick={() => setPicks((p) => ({ ...p, compareIndicators: source.indicators.map((i) => i.path) }))}>
                    {st('summary.selectAll')}
                  </Button>
                  <Button size="small" appearance="subtle" aria-label={st('summary.selectTopLabel')} onClick={() => setPicks((p) => ({ ...p, compareIndicators: source.indicators.filter((i) => i.depth === 0).map((i) => i.path) }))}>
                    {st('summary.selectTop')}
                  </Button>
                  <Button size="small" appearance="subtle" aria-label={st('summary.selectNoneLabel')} onClick={() => setPicks((p) => ({ ...p, compareIndicators: [] }))}>
                    {st('summary.selectNone')}
                  </Button>
                </div>
                <div className={styles.list}>
                  {source.indicators.map((i) => (
                    <Checkbox
                      key={i.path}
                      style={{ paddingLeft: `${i.depth * 16}px` }}
                      checked={picks.compareIndicators.includes(i.path)}
                      onChange={(_, d) =>
                        setPicks((p) => ({
                          ...p,
                          compareIndicators: d.checked ? [...p.compareIndicators, i.path] : p.compareIndicators.filter((x) => x !== i.path),
                        }))
                      }
                      label={
                        <>
                          {i.label}
                          {i.unit && <span className={styles.unit}>{i.unit}</span>}
                        </>
                      }
                      aria-label={i.unit ? `${i.label}（${i.unit}）` : i.label}
                      data-path={i.path}
                    />
                  ))}
                </div>
              </fieldset>
              <fieldset className={styles.fieldset} data-testid="summary-years">
                <legend className={styles.legend}>{st('summary.years')}</legend>
                <div className={styles.years}>
                  {source.years.map((y) => (
                    <Checkbox
                      key={y}
                      label={y}
                      checked={picks.compareYears.includes(y)}
                      onChange={(_, d) =>
                        setPicks((p) => ({ ...p, compareYears: d.checked ? [...p.compareYears, y] : p.compareYears.filter((x) => x !== y) }))
                      }
                    />
                  ))}
                </div>
              </fieldset>
            </>
          ) : (
            <>
              <Field label={template === 'composition' ? st('summary.indicatorComposition') : st('summary.indicator')}>
                <Select
                  value={template === 'composition' ? picks.composition : picks.districts}
                  onChange={(_, d) => setPicks((p) => (template === 'composition' ? { ...p, composition: d.value } : { ...p, districts: d.value }))}
                  data-testid="summary-indicator"
                >
                  {indicatorsForSingle.map((i) => (
                    <option key={i.path} value={i.path}>
                      {`${'\u3000'.repeat(i.depth)}${i.label}${i.unit ? `（${i.unit}）` : ''}`}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label={st('summary.year')}>
                <Select value={picks.year} onChange={(_, d) => setPicks((p) => ({ ...p, year: d.value }))} data-testid="summary-year">
                  <option value="">{st('summary.yearAuto')}</option>
                  {source.years.map((y) => (
                    <option key={y} value={y}>
                      {y}
                    </option>
                  ))}
                </Select>
              </Field>
            </>
          )}
        </>
      )}

      <Subtitle2 as="h3">{st('summary.preview')}</Subtitle2>
      {built && 'missing' in built && (
        <Body1 as="p" className={styles.muted} data-testid="summary-missing">
          {st(built.missing)}
        </Body1>
      )}
      {built && 'error' in built && (
        <MessageBar intent="error" data-testid="summary-build-error">
          <MessageBarBody>
            <MessageBarTitle>{st('summary.buildError')}</MessageBarTitle>
            {describeError(built.error, lang)}
          </MessageBarBody>
        </MessageBar>
      )}
      {spec && <TablePreview spec={spec} label={st('summary.previewScroll')} />}

      <Field label={st('summary.target')}>
        <RadioGroup value={target} onChange={(_, d) => setTarget(d.value as Target)} layout="horizontal" aria-label={st('summary.target')}>
          <Radio value="new-sheet" label={st('summary.target.new-sheet')} />
          <Radio value="selection" label={st('summary.target.selection')} />
        </RadioGroup>
      </Field>
      {spec?.chart && <Checkbox label={st('summary.chart')} checked={chart} onChange={(_, d) => setChart(d.checked === true)} />}
      <div className={styles.row}>
        <Button
          appearance="primary"
          icon={<TableAdd20Regular />}
          disabled={!writer || !spec || busy || stale}
          onClick={() => void insert()}
          aria-label={spec ? st('summary.insertLabel', { title: spec.title, target: targetLabel }) : st('summary.insert')}
          aria-describedby={writer ? undefined : noWriterId}
        >
          {busy ? st('summary.inserting') : st('summary.insert')}
        </Button>
      </div>
      {!writer && (
        <Body1 as="p" id={noWriterId} className={styles.muted} data-testid="summary-no-writer">
          {st('summary.noWriter')}
        </Body1>
      )}
      {inserted && (
        <MessageBar intent="success" data-testid="summary-inserted">
          <MessageBarBody>
            {st('summary.inserted', { sheet: inserted.sheet, address: inserted.address })}
            {inserted.chartAsked && ` ${inserted.chart ? st('summary.chartInserted') : st('summary.chartUnsupported')}`}
          </MessageBarBody>
        </MessageBar>
      )}
      {insertError !== null && (
        <div data-testid="summary-insert-error">
          <ErrorBar
            failure={{ error: insertError, retry: { action: st('summary.insert'), run: () => void insert() } }}
            lang={lang}
            title={st('summary.insertError')}
            dismissLabel={translate(lang, 'error.dismiss')}
            onDismiss={() => setInsertError(null)}
          />
        </div>
      )}
    </div>
  );
}
