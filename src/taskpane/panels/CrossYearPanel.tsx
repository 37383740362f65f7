// The 跨年 tab: compares the years (and districts) of the last check's workbook with the
// detectors of core/history, with the years and thresholds the user picks; lists the findings
// with a small trend line each, selects their cells, and inserts an Excel line chart of the
// chosen indicators. The engine is loaded with import() (cross-year-reader.ts) only once there is
// a check to work on. The threshold form and a finding's row are in CrossYearThresholds.tsx and
// CrossYearFindingRow.tsx.
import {
  Badge,
  Body1,
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  ProgressBar,
  Select,
  Spinner,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ChartMultiple20Regular, DataTrending20Regular, Dismiss20Regular } from '@fluentui/react-icons';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { HistoryOptions } from '../../core/history';
import type { Bilingual, CellRef } from '../../core/types';
import { canInsertLineChart } from '../capabilities';
import { ErrorBar } from '../components/ErrorBar';
import { VirtualList, type ItemSlot } from '../components/VirtualList';
import { formatCellRef } from '../format';
import { paneMessage, pick } from '../i18n';
import type { PanelProps } from '../session';
import {
  ALL_PERIODS,
  KIND_LABEL,
  basesFor,
  buildChartRequest,
  defaultPeriods,
  formFromOptions,
  groupByKind,
  historyFindings,
  mergeOptions,
  periodsFromOptions,
  readForm,
  seriesIdOf,
  withPeriods,
  yearLabel,
  type HistoryRow,
  type PeriodChoice,
  type ThresholdForm,
  type WorkbookHistory,
} from './cross-year-view-model';
import { crossYearTranslator, type CrossYearKey } from './cross-year-strings';
import { FindingRow } from './CrossYearFindingRow';
import { ThresholdFields } from './CrossYearThresholds';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM },
  intro: { color: tokens.colorNeutralForeground2 },
  empty: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, padding: tokens.spacingVerticalL, textAlign: 'center' },
  emptyTitle: { color: tokens.colorPaletteGreenForeground1 },
  periods: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(140px, 1fr))', gap: tokens.spacingHorizontalM },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  hint: { color: tokens.colorNeutralForeground3 },
  groupHeading: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalS },
});

interface Loaded {
  runId: number;
  history: WorkbookHistory;
  defaults: HistoryOptions;
}

interface Analysis {
  runId: number;
  /** The options the findings were computed with. */
  options: HistoryOptions;
  findings: HistoryRow[];
}

interface ProgressState {
  fraction: number;
  stage: Bilingual;
}

const ANALYSE_STAGE: Bilingual = paneMessage('cy.analysing');

/** Resolves after the browser had a chance to paint (progress shows before an engine on this thread). */
function nextPaint(): Promise<void> {
  return new Promise((resolve) => {
    const later = (): void => void setTimeout(resolve, 0);
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(later);
    else later();
  });
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** A failed action of the tab and, for the ones that can run again (重试), how and its name's key. */
interface PanelFailure {
  error: unknown;
  retry?: { action: CrossYearKey; params?: Record<string, string>; run: () => void };
}

/** A stable key of a finding row (the same finding may be listed under two methods). */
const rowKey = (f: HistoryRow, i: number): string => `${f.ruleId}:${f.cells[0]?.sheet}!${f.cells[0]?.address}:${i}`;

export function CrossYearPanel({ host, lang, runCheck, session, options, setOptions }: PanelProps) {
  const styles = useStyles();
  const t = useMemo(() => crossYearTranslator(lang), [lang]);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [form, setForm] = useState<ThresholdForm | null>(null);
  const [periods, setPeriods] = useState<PeriodChoice | null>(null);
  const [analysis, setAnalysis] = useState<Analysis | null>(null);
  const [running, setRunning] = useState(false);
  const [charting, setCharting] = useState(false);
  const [progress, setProgress] = useState<ProgressState | null>(null);
  const [failure, setFailure] = useState<PanelFailure | null>(null);
  const setError = useCallback((error: unknown, retry?: PanelFailure['retry']) => setFailure(error === null ? null : { error, retry }), []);
  const [notice, setNotice] = useState<string | null>(null);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const mounted = useRef(true);
  const optionsRef = useRef(options);
  optionsRef.current = options;
  const formRef = useRef(form);
  formRef.current = form;

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  // A new check: read its workbook's years and series (the engine chunk loads the first time).
  const runId = session?.runId ?? 0;
  useEffect(() => {
    if (!session) return;
    let cancelled = false;
    import(/* webpackChunkName: "cross-year" */ './cross-year-reader').then(
      (core) => {
        if (cancelled || !mounted.current) return;
        const history = core.readWorkbookHistory(session.snapshot, optionsRef.current.entity);
        const saved = optionsRef.current.history;
        setLoaded({ runId: session.runId, history, defaults: core.DEFAULT_HISTORY_OPTIONS });
        if (!formRef.current) setForm(formFromOptions(mergeOptions(core.DEFAULT_HISTORY_OPTIONS, saved)));
        setPeriods((prev) => {
          if (prev && (prev.current === ALL_PERIODS || history.periods.includes(prev.current))) {
            const bases = prev.current === ALL_PERIODS ? [] : basesFor(history.periods, prev.current);
            return { current: prev.current, base: bases.includes(prev.base) ? prev.base : bases[0] ?? '' };
          }
          return periodsFromOptions(saved, history.periods);
        });
      },
      (e: unknown) => {
        if (!cancelled && mounted.current) setError(e);
      },
    );
    return () => {
      cancelled = true;
    };
    // Once per check run: the session object of that run, options as they are then.
  }, [runId]);

  // While a new check's workbook is read, the controls stay (with the previous years) so nothing jumps.
  const ready = loaded !== null && session !== null && form !== null && periods !== null;
  const fresh = ready && loaded.runId === session.runId;
  const base = useMemo(() => (loaded ? mergeOptions(loaded.defaults, undefined) : null), [loaded]);
  const parsed = useMemo(() => (form && base ? readForm(form, base) : null), [form, base]);
  const wanted = useMemo(() => (parsed?.options && periods ? withPeriods(parsed.options, periods) : null), [parsed, periods]);
  const current = analysis && session && analysis.runId === session.runId ? analysis : null;
  const stale = current !== null && wanted !== null && !same(wanted, current.options);

  const seriesById = useMemo(() => new Map((loaded?.history.series ?? []).map((s) => [s.id, s])), [loaded]);

  const analyse = useCallback(async () => {
    if (!session || !wanted || running) return;
    const history = wanted;
    setOptions((o) => ({ ...o, history }));
    setRunning(true);
    setError(null);
    setNotice(null);
    setProgress({ fraction: 0, stage: ANALYSE_STAGE });
    try {
      await nextPaint();
      const result = await runCheck(session.snapshot, {
        ...optionsRef.current,
        history,
        onProgress: (fraction, stage) => {
          if (mounted.current) setProgress({ fraction: Math.min(1, Math.max(0, fraction)), stage });
        },
      });
      if (!mounted.current) return;
      const findings = historyFindings(result.findings);
      setAnalysis({ runId: session.runId, options: history, findings });
      const present = new Set(findings.map(seriesIdOf));
      setChosen((prev) => new Set([...prev].filter((id) => present.has(id))));
    } catch (e) {
      if (mounted.current) setError(e, { action: 'cy.action.analyse', run: () => void analyseRef.current() });
    } finally {
      if (mounted.current) {
        setRunning(false);
        setProgress(null);
      }
    }
  }, [session, wanted, running, runCheck, setOptions]);
  const analyseRef = useRef(analyse);
  analyseRef.current = analyse;

  const reset = useCallback(() => {
    if (!loaded) return;
    setForm(formFromOptions(loaded.defaults));
    setPeriods(defaultPeriods(loaded.history.periods));
  }, [loaded]);

  const selectCell = useCallback(
    (ref: CellRef) => {
      host.selectCell(ref).catch((e: unknown) => {
        if (mounted.current) setError(e, { action: 'cy.action.select', params: { cell: formatCellRef(ref) }, run: () => selectCell(ref) });
      });
    },
    [host, setError],
  );

  const toggle = useCallback((id: string, on: boolean) => {
    setChosen((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);

  const chartable = canInsertLineChart(host);
  const insertChart = useCallback(async () => {
    if (!canInsertLineChart(host) || !loaded || !session || loaded.runId !== session.runId || chosen.size === 0) return;
    setCharting(true);
    setError(null);
    setNotice(null);
    try {
      const request = buildChartRequest(loaded.history, session.snapshot, [...chosen], t);
      if (!request) return;
      const info = await host.insertLineChart(request.ref, request.title);
      if (mounted.current) setNotice(info.sheet);
    } catch (e) {
      if (mounted.current) setError(e, { action: 'cy.action.chart', run: () => void insertChartRef.current() });
    } finally {
      if (mounted.current) setCharting(false);
    }
  }, [host, loaded, session, chosen, t]);
  const insertChartRef = useRef(insertChart);
  insertChartRef.current = insertChart;

  const retry = failure?.retry;
  const errorBar = failure !== null && (
    <ErrorBar
      failure={{
        error: failure.error,
        retry: retry && {
          action: t(retry.action, retry.params),
          run: () => {
            setFailure(null);
            retry.run();
          },
        },
      }}
      lang={lang}
      title={t('cy.error')}
      dismissLabel={t('cy.dismiss')}
      onDismiss={() => setFailure(null)}
    />
  );

  const renderRow = useCallback(
    (f: HistoryRow, _i: number, slot: ItemSlot) => {
      const id = seriesIdOf(f);
      return (
        <FindingRow
          finding={f}
          slot={slot}
          series={id ? seriesById.get(id) : undefined}
          chosen={id !== null && chosen.has(id)}
          lang={lang}
          t={t}
          onSelect={selectCell}
          onToggle={toggle}
        />
      );
    },
    [seriesById, chosen, lang, t, selectCell, toggle],
  );

  if (!session) {
    return (
      <div className={styles.root}>
        <Body1 as="p" className={styles.intro}>
          {t('cy.intro')}
        </Body1>
        <div className={styles.empty} data-testid="cross-year-empty">
          <Subtitle2 as="h2">{t('cy.needCheck.title')}</Subtitle2>
          <Body1>{t('cy.needCheck.body')}</Body1>
        </div>
      </div>
    );
  }

  if (!ready || !form || !periods || !loaded || !parsed) {
    return (
      <div className={styles.root}>
        {errorBar || <Spinner size="small" label={t('cy.loading')} />}
      </div>
    );
  }

  const years = loaded.history.periods;
  if (years.length < 2) {
    return (
      <div className={styles.root}>
        <Body1 as="p" className={styles.intro}>
          {t('cy.intro')}
        </Body1>
        <MessageBar intent="info" data-testid="cross-year-one-period">
          <MessageBarBody>
            {t('cy.onePeriod', { n: years.length, years: years.length ? t('cy.paren', { x: years.map((y) => yearLabel(y, t)).join(t('cy.chart.separator')) }) : '' })}
          </MessageBarBody>
        </MessageBar>
      </div>
    );
  }

  const bases = periods.current === ALL_PERIODS ? [] : basesFor(years, periods.current);
  const groups = current ? groupByKind(current.findings) : [];

  return (
    <div className={styles.root}>
      <Body1 as="p" className={styles.intro}>
        {t('cy.intro')}
      </Body1>

      <div className={styles.periods}>
        <Field label={t('cy.period.current')}>
          <Select
            value={periods.current}
            data-testid="cy-current"
            onChange={(_, d) => {
              const cur = d.value;
              const b = cur === ALL_PERIODS ? '' : basesFor(years, cur)[0] ?? '';
              setPeriods({ current: cur, base: b });
            }}
          >
            {[...years].reverse().slice(0, -1).map((y) => (
              <option key={y} value={y}>
                {yearLabel(y, t)}
              </option>
            ))}
            <option value={ALL_PERIODS}>{t('cy.period.all')}</option>
          </Select>
        </Field>
        <Field label={t('cy.period.base')}>
          <Select
            value={periods.base}
            data-testid="cy-base"
            disabled={periods.current === ALL_PERIODS}
            onChange={(_, d) => setPeriods((p) => (p ? { ...p, base: d.value } : p))}
          >
            {periods.current === ALL_PERIODS ? (
              <option value="">{t('cy.period.baseAll')}</option>
            ) : (
              bases.map((y) => (
                <option key={y} value={y}>
                  {yearLabel(y, t)}
                </option>
              ))
            )}
          </Select>
        </Field>
      </div>

      <ThresholdFields form={form} setForm={setForm} errors={parsed.errors} onReset={reset} t={t} />

      {!parsed.options && (
        <MessageBar intent="warning">
          <MessageBarBody>{t(parsed.noDetector ? 'cy.invalid.noDetector' : 'cy.invalid.summary')}</MessageBarBody>
        </MessageBar>
      )}

      <div className={styles.actions}>
        <Button
          appearance="primary"
          icon={<DataTrending20Regular />}
          onClick={() => void analyse()}
          disabled={running || charting || !wanted || !fresh}
          aria-label={t('cy.analyseLabel')}
        >
          {running ? t('cy.analysing') : t('cy.analyse')}
        </Button>
        {current && !stale && (
          <Caption1 className={styles.hint}>{t('cy.saved')}</Caption1>
        )}
      </div>

      {progress && (
        <Field label={pick(progress.stage, lang)} validationState="none">
          <ProgressBar value={progress.fraction} max={1} thickness="large" />
        </Field>
      )}

      {errorBar}

      {notice !== null && (
        <MessageBar intent="success">
          <MessageBarBody>{t('cy.chart.done', { sheet: notice })}</MessageBarBody>
          <MessageBarActions
            containerAction={<Button appearance="transparent" icon={<Dismiss20Regular />} aria-label={t('cy.dismiss')} onClick={() => setNotice(null)} />}
          />
        </MessageBar>
      )}

      {stale && (
        <MessageBar intent="info" data-testid="cy-stale">
          <MessageBarBody>{t('cy.stale')}</MessageBarBody>
        </MessageBar>
      )}

      {current && (
        <section aria-label={t('cy.results')} data-testid="cy-results">
          <div className={styles.actions}>
            <Subtitle2 as="h2" role="status">
              {t('cy.count', { n: current.findings.length })}
            </Subtitle2>
          </div>
          {current.findings.length === 0 ? (
            <div className={styles.empty} data-testid="cy-none">
              <Subtitle2 as="h3" className={styles.emptyTitle}>
                {t('cy.none.title')}
              </Subtitle2>
              <Body1>
                {current.options.allPeriods || !current.options.currentPeriod
                  ? t('cy.none.all')
                  : t('cy.none.pair', {
                      current: yearLabel(current.options.currentPeriod, t),
                      base: current.options.basePeriod ? yearLabel(current.options.basePeriod, t) : '',
                    })}
              </Body1>
            </div>
          ) : (
            <>
              <div className={styles.actions}>
                <Button
                  appearance="secondary"
                  icon={<ChartMultiple20Regular />}
                  disabled={!chartable || chosen.size === 0 || charting || running}
                  onClick={() => void insertChart()}
                  aria-label={t('cy.chart.insertLabel', { n: chosen.size })}
                  aria-describedby="cy-chart-hint"
                >
                  {t('cy.chart.insert', { n: chosen.size })}
                </Button>
                <Caption1 id="cy-chart-hint" className={styles.hint} data-testid="cy-chart-hint">
                  {chartable ? t('cy.chart.pick') : t('cy.chart.excelOnly')}
                </Caption1>
              </div>
              {groups.map((g) => (
                <div key={g.kind} data-kind={g.kind}>
                  <div className={styles.groupHeading}>
                    <Subtitle2 as="h3">{t(KIND_LABEL[g.kind])}</Subtitle2>
                    <Badge appearance="tint" color={g.kind === 'structure' ? 'informative' : 'warning'}>
                      {g.findings.length}
                    </Badge>
                  </div>
                  <VirtualList items={g.findings} label={t(KIND_LABEL[g.kind])} itemKey={rowKey} renderItem={renderRow} />
                </div>
              ))}
            </>
          )}
        </section>
      )}
    </div>
  );
}
