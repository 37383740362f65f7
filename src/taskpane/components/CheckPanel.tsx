import {
  Body1,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Subtitle2,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowClockwise20Regular, Checkmark20Regular, Dismiss20Regular, Eraser20Regular, TableAdd20Regular } from '@fluentui/react-icons';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Explanation } from '../../core/explanations';
import type { Bilingual, CellRef, CheckResult, Finding, Lang, WorkbookSnapshot } from '../../core/types';
import type { Host } from '../../core/host';
import type { CheckSession, RunCheck, SessionOptions } from '../session';
import { describeError, formatCellRef, isSyncTimeoutError } from '../format';
import { paneMessage, pick, type MessageKey, type Translate } from '../i18n';
import { explainTranslator, type ExplainKey } from '../panels/rules-strings';
import { ErrorBar } from './ErrorBar';
import { FindingGroups, SEVERITIES, SEVERITY_LABEL, canExplainFinding, groupBySeverity, openCounts } from './FindingGroups';

export type { RunCheck };

/** An optional host capability: writing the findings to a sheet of their own. */
export interface ResultSheetWriter {
  writeResultSheet(findings: Finding[]): Promise<unknown>;
}

export function canWriteResultSheet(host: Host): host is Host & ResultSheetWriter {
  return typeof (host as Partial<ResultSheetWriter>).writeResultSheet === 'function';
}

/** A host that keeps 核实说明 in the workbook (the 校验说明 sheet). */
export function canSaveExplanations(host: Host): host is Host & Required<Pick<Host, 'saveExplanationRows'>> {
  return typeof host.saveExplanationRows === 'function';
}

/** Longest explanation accepted (characters). */
export const MAX_EXPLANATION_LENGTH = 1000;

/** The finding without an explanation (the same object when it has none). */
function unexplained(f: Finding): Finding {
  if (f.explanation === undefined) return f;
  const { explanation: _gone, ...rest } = f;
  return rest;
}

// Share of the progress bar per phase: reading the workbook, running the engine, marking cells.
const READ_SHARE = 0.5;
const CHECK_SHARE = 0.4;

interface ProgressState {
  fraction: number;
  stage: Bilingual;
}

function stage(key: MessageKey): Bilingual {
  return paneMessage(key);
}

/** Resolves after the browser had a chance to paint (so progress shows before a synchronous engine run). */
function nextPaint(): Promise<void> {
  return new Promise((resolve) => {
    const later = (): void => void setTimeout(resolve, 0);
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(later);
    else later();
  });
}

const clamp01 = (x: number): number => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  intro: { color: tokens.colorNeutralForeground2 },
  summary: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', columnGap: tokens.spacingHorizontalS },
  observations: { color: tokens.colorNeutralForeground3 },
  empty: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalL,
    textAlign: 'center',
  },
  emptyTitle: { color: tokens.colorPaletteGreenForeground1 },
  dialog: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

interface CheckPanelProps {
  host: Host;
  lang: Lang;
  t: Translate;
  runCheck: RunCheck;
  /** Options for the engine set by the other tabs (rules, thresholds). */
  options?: SessionOptions;
  /** Told about every completed check, so the other tabs can use the workbook and the findings. */
  onChecked?: (session: Omit<CheckSession, 'runId'>) => void;
}

type Notice = 'check.cleared' | 'check.sheetWritten' | 'check.sheetWrittenNewWorkbook' | 'explain.saved' | 'explain.removed';

/** The problems a host reports after marking or clearing (MarkReport), if the value is one. */
function problemsOf(value: unknown): Bilingual[] {
  if (!value || typeof value !== 'object' || !Array.isArray((value as { problems?: unknown }).problems)) return [];
  return (value as { problems: Bilingual[] }).problems;
}

/** The host actions of this tab that a failure offers to run again (重试), by their name's key. */
type RetryAction = 'action.check' | 'action.mark' | 'action.clear' | 'action.select' | 'action.writeSheet';

/** A failed action of this tab: the error, and the action to run again with its name (translated when shown). */
interface PanelFailure {
  error: unknown;
  action: RetryAction;
  params?: Record<string, string>;
  run: () => void;
}

interface ExplainState {
  /** False while the dialog closes: its content stays until the exit animation is over. */
  open: boolean;
  finding: Finding;
  text: string;
  saving: boolean;
  error: unknown;
  /** What the failed save tried: the text, or null to remove the explanation. */
  attempt?: string | null;
}

export function CheckPanel({ host, lang, t, runCheck, options, onChecked }: CheckPanelProps) {
  const styles = useStyles();
  const [running, setRunning] = useState(false);
  const [busy, setBusy] = useState(false); // clearing marks or writing the result sheet
  const [progress, setProgress] = useState<ProgressState | null>(null);
  const [result, setResult] = useState<CheckResult | null>(null);
  const [runId, setRunId] = useState(0);
  const [failure, setFailure] = useState<PanelFailure | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  /** What the host could not do in the last mark or clear (protected sheets, rules Excel refused). */
  const [hostProblems, setHostProblems] = useState<Bilingual[]>([]);
  const [structureProtected, setStructureProtected] = useState(false);
  const [explaining, setExplaining] = useState<ExplainState | null>(null);
  /** The workbook as the last check read it (its 校验说明 sheet holds the saved explanations). */
  const snapshotRef = useRef<WorkbookSnapshot | null>(null);
  /** Explanations as saved by this pane since the last check; null: as the snapshot has them. */
  const explanations = useRef<Explanation[] | null>(null);
  const et = useMemo(() => explainTranslator(lang), [lang]);
  const mounted = useRef(true);
  const inFlight = useRef(false);

  /**
   * Shows an error in the bar, whose 重试 button runs the failed action again (every host action
   * of this tab can be retried; a hung sync, SyncTimeout, is the usual reason to).
   */
  const fail = useCallback((error: unknown, action: RetryAction, run: () => void, params?: Record<string, string>) => {
    if (mounted.current) setFailure({ error, action, params, run });
  }, []);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const report = useCallback((fraction: number, label: Bilingual) => {
    if (!mounted.current) return;
    setProgress((prev) => {
      const f = clamp01(fraction);
      // Skip re-renders for tiny steps within a stage (hosts may report per row block).
      const sameStage = prev !== null && prev.stage['zh-CN'] === label['zh-CN'] && prev.stage['en-US'] === label['en-US'];
      if (sameStage && Math.abs(prev.fraction - f) < 0.005) return prev;
      return { fraction: f, stage: label };
    });
  }, []);

  /**
   * Runs a host action with the buttons disabled; `done` is the notice on success. A failure
   * shows in the error bar, whose 重试 runs the same action again.
   */
  const runAction = useCallback(
    async (action: () => Promise<unknown>, done: Notice | null | ((value: unknown) => Notice | null), retry: RetryAction) => {
      setBusy(true);
      setFailure(null);
      setNotice(null);
      setHostProblems([]);
      try {
        const value = await action();
        if (!mounted.current) return;
        setHostProblems(problemsOf(value));
        const notice = typeof done === 'function' ? done(value) : done;
        if (notice) setNotice(notice);
      } catch (e) {
        fail(e, retry, () => void runAction(action, done, retry));
      } finally {
        if (mounted.current) setBusy(false);
      }
    },
    [fail],
  );

  const retryMarks = useCallback((findings: Finding[]) => runAction(() => host.applyMarks(findings), null, 'action.mark'), [host, runAction]);

  const checkRef = useRef<() => Promise<void>>(async () => undefined);

  const check = useCallback(async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    setRunning(true);
    setFailure(null);
    setNotice(null);
    setHostProblems([]);
    report(0, stage('stage.reading'));
    let findings: Finding[] | null = null;
    try {
      const snapshot = await host.readWorkbook((f, s) => report(f * READ_SHARE, s));
      report(READ_SHARE, stage('stage.checking'));
      // Lets the stage show before an engine that runs on this thread (the default runs in a
      // Web Worker, see check-worker-client.ts, and reports progress as it goes).
      await nextPaint();
      const checked = await runCheck(snapshot, {
        ...options,
        // The 结构 tab shows how each sheet was read.
        explain: true,
        onProgress: (f, s) => report(READ_SHARE + f * CHECK_SHARE, s),
      });
      if (!mounted.current) return;
      snapshotRef.current = snapshot;
      explanations.current = null;
      setExplaining(null);
      setResult(checked);
      onChecked?.({ snapshot, result: checked });
      setRunId((n) => n + 1);
      report(READ_SHARE + CHECK_SHARE, stage('stage.marking'));
      findings = checked.findings;
      setStructureProtected(!!snapshot.structureProtected);
      const marked = await host.applyMarks(checked.findings);
      if (mounted.current) setHostProblems(problemsOf(marked));
    } catch (e) {
      // Findings listed but not marked: 重试 marks them again; otherwise the whole check runs again.
      const listed = findings;
      if (listed) fail(e, 'action.mark', () => void retryMarks(listed));
      else fail(e, 'action.check', () => void checkRef.current());
    } finally {
      inFlight.current = false;
      if (mounted.current) {
        setRunning(false);
        setProgress(null);
      }
    }
  }, [host, runCheck, report, options, onChecked, fail, retryMarks]);
  checkRef.current = check;

  const clearMarks = useCallback(() => runAction(() => host.clearMarks(), 'check.cleared', 'action.clear'), [host, runAction]);

  const writeSheet = useMemo(() => {
    if (!canWriteResultSheet(host) || !result) return null;
    const findings = result.findings;
    return () =>
      runAction(
        () => host.writeResultSheet(findings),
        (info) => ((info as { newWorkbook?: boolean } | undefined)?.newWorkbook ? 'check.sheetWrittenNewWorkbook' : 'check.sheetWritten'),
        'action.writeSheet',
      );
  }, [host, result, runAction]);

  const selectCell = useCallback(
    (ref: CellRef) => {
      host.selectCell(ref).catch((e: unknown) => fail(e, 'action.select', () => selectCell(ref), { cell: formatCellRef(ref) }));
    },
    [host, fail],
  );

  const openExplain = useCallback((finding: Finding) => {
    if (!canExplainFinding(finding)) return;
    setExplaining({ open: true, finding, text: finding.explanation ?? '', saving: false, error: null });
  }, []);

  /** Saves (text) or removes (null) the explanation of the finding in the dialog. */
  const saveExplanation = useCallback(
    async (text: string | null) => {
      const current = explaining;
      if (!current?.open || !canSaveExplanations(host)) return;
      setExplaining({ ...current, saving: true, error: null, attempt: text });
      try {
        const ex = await import(/* webpackChunkName: "explanations" */ '../../core/explanations');
        const grid = snapshotRef.current?.sheets.find((s) => s.name === ex.EXPLANATIONS_SHEET);
        const base = explanations.current ?? ex.explanationsFromGrid(grid);
        const key = ex.explanationKey(current.finding);
        const list = base.filter((e) => e.key !== key);
        if (text !== null) list.push(ex.explain(current.finding, text));
        await host.saveExplanationRows(ex.explanationRows(list));
        if (!mounted.current) return;
        explanations.current = list;
        setResult((r) => (r ? { ...r, findings: ex.applyExplanations(r.findings.map(unexplained), list) } : r));
        setExplaining((s) => (s ? { ...s, open: false, saving: false } : s));
        setNotice(text !== null ? 'explain.saved' : 'explain.removed');
      } catch (e) {
        if (mounted.current) setExplaining((s) => (s ? { ...s, saving: false, error: e } : s));
      }
    },
    [explaining, host],
  );

  const groups = useMemo(() => groupBySeverity(result?.findings ?? []), [result]);
  const counts = useMemo(() => openCounts(groups), [groups]);
  const explainText = explaining?.text.trim() ?? '';
  const tooLong = explainText.length > MAX_EXPLANATION_LENGTH;

  return (
    <div className={styles.root}>
      <Body1 as="p" className={styles.intro}>
        {t('check.intro')}
      </Body1>
      <div className={styles.actions}>
        <Button
          appearance="primary"
          icon={<Checkmark20Regular />}
          onClick={() => void check()}
          disabled={running || busy}
          aria-label={t('check.runLabel')}
        >
          {running ? t('check.running') : t('check.run')}
        </Button>
        <Button
          appearance="secondary"
          icon={<Eraser20Regular />}
          onClick={() => void clearMarks()}
          disabled={running || busy}
          aria-label={t('check.clearLabel')}
        >
          {t('check.clear')}
        </Button>
        {writeSheet && (
          <Button
            appearance="secondary"
            icon={<TableAdd20Regular />}
            onClick={() => void writeSheet()}
            disabled={running || busy}
            aria-label={t('check.writeSheetLabel')}
          >
            {t('check.writeSheet')}
          </Button>
        )}
      </div>

      {progress && (
        <Field label={pick(progress.stage, lang)} validationState="none">
          <ProgressBar value={progress.fraction} max={1} thickness="large" />
        </Field>
      )}

      {failure && (
        <ErrorBar
          failure={{
            error: failure.error,
            retry: {
              action: t(failure.action, failure.params),
              run: () => {
                setFailure(null);
                failure.run();
              },
            },
          }}
          lang={lang}
          title={t('error.title')}
          dismissLabel={t('error.dismiss')}
          onDismiss={() => setFailure(null)}
        />
      )}

      {notice && (
        <MessageBar intent="success">
          <MessageBarBody>{notice.startsWith('explain.') ? et(notice as ExplainKey) : t(notice as MessageKey)}</MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button
                appearance="transparent"
                icon={<Dismiss20Regular />}
                aria-label={t('notice.dismiss')}
                onClick={() => setNotice(null)}
              />
            }
          />
        </MessageBar>
      )}

      {hostProblems.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="host-problems">
          <MessageBarBody>
            <MessageBarTitle>{t('check.hostProblems')}</MessageBarTitle>
            <ul>
              {hostProblems.map((p, i) => (
                <li key={i}>{pick(p, lang)}</li>
              ))}
            </ul>
          </MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button appearance="transparent" icon={<Dismiss20Regular />} aria-label={t('notice.dismiss')} onClick={() => setHostProblems([])} />
            }
          />
        </MessageBar>
      )}

      {result && structureProtected && writeSheet && (
        <Text size={200} className={styles.observations} data-testid="structure-protected">
          {t('check.structureProtected')}
        </Text>
      )}

      {result && (
        <section aria-label={t('results.label')}>
          <div className={styles.summary} role="status" data-testid="summary">
            <Subtitle2 as="h2">
              {SEVERITIES.map((s) => `${t(SEVERITY_LABEL[s])} ${counts.open[s]}`).join(' · ')}
              {counts.explained > 0 ? ` · ${et('explain.explained', { n: counts.explained })}` : ''}
            </Subtitle2>
            <Text size={200} className={styles.observations}>
              {t('results.observations', { n: result.observations.toLocaleString(lang) })}
            </Text>
          </div>
          {result.findings.length === 0 ? (
            <div className={styles.empty} data-testid="empty-state">
              <Subtitle2 as="h3" className={styles.emptyTitle}>
                {t('empty.title')}
              </Subtitle2>
              <Body1>{result.observations > 0 ? t('empty.body') : t('empty.noObservations')}</Body1>
            </div>
          ) : (
            <FindingGroups
              key={runId}
              groups={groups}
              lang={lang}
              t={t}
              onSelect={selectCell}
              onExplain={canSaveExplanations(host) ? openExplain : undefined}
            />
          )}
        </section>
      )}

      <Dialog
        open={explaining?.open ?? false}
        modalType="modal"
        onOpenChange={(_, data) => {
          if (!data.open) setExplaining((s) => (s && !s.saving ? { ...s, open: false } : s));
        }}
      >
        <DialogSurface aria-describedby="explain-intro">
          {explaining && (
            <DialogBody>
              <DialogTitle>{et('explain.title')}</DialogTitle>
              <DialogContent className={styles.dialog}>
                <Text as="p" size={200} className={styles.intro} id="explain-intro">
                  {et('explain.intro')}
                </Text>
                <Text as="p" weight="semibold" data-testid="explain-finding">
                  {explaining.finding.cells[0] ? `${formatCellRef(explaining.finding.cells[0])} · ` : ''}
                  {pick(explaining.finding.message, lang)}
                </Text>
                <Field
                  label={et('explain.field')}
                  required
                  validationState={tooLong ? 'error' : 'none'}
                  validationMessage={tooLong ? et('explain.tooLong', { max: MAX_EXPLANATION_LENGTH }) : undefined}
                >
                  <Textarea
                    value={explaining.text}
                    resize="vertical"
                    rows={4}
                    placeholder={et('explain.placeholder')}
                    disabled={explaining.saving}
                    onChange={(_, d) => setExplaining((s) => (s ? { ...s, text: d.value } : s))}
                  />
                </Field>
                {explaining.error !== null && (
                  <MessageBar intent="error" layout="multiline">
                    <MessageBarBody>
                      <MessageBarTitle>{t('error.title')}</MessageBarTitle>
                      {describeError(explaining.error, lang)}
                    </MessageBarBody>
                    {isSyncTimeoutError(explaining.error) && explaining.attempt !== undefined && (
                      <MessageBarActions>
                        <Button
                          appearance="secondary"
                          size="small"
                          icon={<ArrowClockwise20Regular />}
                          disabled={explaining.saving}
                          aria-label={t('error.retryLabel', { action: et(explaining.attempt === null ? 'explain.remove' : 'explain.save') })}
                          onClick={() => void saveExplanation(explaining.attempt ?? null)}
                        >
                          {t('error.retry')}
                        </Button>
                      </MessageBarActions>
                    )}
                  </MessageBar>
                )}
              </DialogContent>
              <DialogActions fluid>
                <Button
                  appearance="primary"
                  disabled={explaining.saving || explainText === '' || tooLong}
                  onClick={() => void saveExplanation(explaining.text)}
                >
                  {et('explain.save')}
                </Button>
                {explaining.finding.explanation && (
                  <Button appearance="secondary" disabled={explaining.saving} onClick={() => void saveExplanation(null)}>
                    {et('explain.remove')}
                  </Button>
                )}
                <Button
                  appearance="secondary"
                  disabled={explaining.saving}
                  onClick={() => setExplaining((s) => (s ? { ...s, open: false } : s))}
                >
                  {et('explain.cancel')}
                </Button>
              </DialogActions>
            </DialogBody>
          )}
        </DialogSurface>
      </Dialog>
    </div>
  );
}
