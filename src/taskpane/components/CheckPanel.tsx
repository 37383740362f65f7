import {
  Body1,
  Button,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { Checkmark20Regular, Dismiss20Regular, Eraser20Regular, TableAdd20Regular } from '@fluentui/react-icons';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Bilingual, CellRef, CheckResult, Finding, Host, Lang } from '../../core/types';
import type { CheckSession, RunCheck, SessionOptions } from '../session';
import { describeError } from '../format';
import { pick, translate, type MessageKey, type Translate } from '../i18n';
import { FindingGroups, SEVERITIES, SEVERITY_LABEL, groupBySeverity } from './FindingGroups';

export type { RunCheck };

/** An optional host capability: writing the findings to a sheet of their own. */
export interface ResultSheetWriter {
  writeResultSheet(findings: Finding[]): Promise<unknown>;
}

export function canWriteResultSheet(host: Host): host is Host & ResultSheetWriter {
  return typeof (host as Partial<ResultSheetWriter>).writeResultSheet === 'function';
}

// Share of the progress bar per phase: reading the workbook, running the engine, marking cells.
const READ_SHARE = 0.5;
const CHECK_SHARE = 0.4;

interface ProgressState {
  fraction: number;
  stage: Bilingual;
}

function stage(key: MessageKey): Bilingual {
  return { 'zh-CN': translate('zh-CN', key), 'en-US': translate('en-US', key) };
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

type Notice = 'check.cleared' | 'check.sheetWritten';

export function CheckPanel({ host, lang, t, runCheck, options, onChecked }: CheckPanelProps) {
  const styles = useStyles();
  const [running, setRunning] = useState(false);
  const [busy, setBusy] = useState(false); // clearing marks or writing the result sheet
  const [progress, setProgress] = useState<ProgressState | null>(null);
  const [result, setResult] = useState<CheckResult | null>(null);
  const [runId, setRunId] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const mounted = useRef(true);
  const inFlight = useRef(false);

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

  const check = useCallback(async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    setRunning(true);
    setError(null);
    setNotice(null);
    report(0, stage('stage.reading'));
    try {
      const snapshot = await host.readWorkbook((f, s) => report(f * READ_SHARE, s));
      report(READ_SHARE, stage('stage.checking'));
      // Lets the stage show before an engine that runs on this thread (the default runs in a
      // Web Worker, see check-worker-client.ts, and reports progress as it goes).
      await nextPaint();
      const checked = await runCheck(snapshot, {
        ...options,
        onProgress: (f, s) => report(READ_SHARE + f * CHECK_SHARE, s),
      });
      if (!mounted.current) return;
      setResult(checked);
      onChecked?.({ snapshot, result: checked });
      setRunId((n) => n + 1);
      report(READ_SHARE + CHECK_SHARE, stage('stage.marking'));
      await host.applyMarks(checked.findings);
    } catch (e) {
      if (mounted.current) setError(e);
    } finally {
      inFlight.current = false;
      if (mounted.current) {
        setRunning(false);
        setProgress(null);
      }
    }
  }, [host, runCheck, report, options, onChecked]);

  const runAction = useCallback(
    async (action: () => Promise<unknown>, done: Notice) => {
      setBusy(true);
      setError(null);
      setNotice(null);
      try {
        await action();
        if (mounted.current) setNotice(done);
      } catch (e) {
        if (mounted.current) setError(e);
      } finally {
        if (mounted.current) setBusy(false);
      }
    },
    [],
  );

  const clearMarks = useCallback(() => runAction(() => host.clearMarks(), 'check.cleared'), [host, runAction]);

  const writeSheet = useMemo(() => {
    if (!canWriteResultSheet(host) || !result) return null;
    const findings = result.findings;
    return () => runAction(() => host.writeResultSheet(findings), 'check.sheetWritten');
  }, [host, result, runAction]);

  const selectCell = useCallback(
    (ref: CellRef) => {
      host.selectCell(ref).catch((e: unknown) => {
        if (mounted.current) setError(e);
      });
    },
    [host],
  );

  const groups = useMemo(() => groupBySeverity(result?.findings ?? []), [result]);

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

      {error !== null && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('error.title')}</MessageBarTitle>
            {describeError(error, lang)}
          </MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button
                appearance="transparent"
                icon={<Dismiss20Regular />}
                aria-label={t('error.dismiss')}
                onClick={() => setError(null)}
              />
            }
          />
        </MessageBar>
      )}

      {notice && (
        <MessageBar intent="success">
          <MessageBarBody>{t(notice)}</MessageBarBody>
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

      {result && (
        <section aria-label={t('summary.label')}>
          <div className={styles.summary} role="status" data-testid="summary">
            <Subtitle2 as="h2">
              {SEVERITIES.map((s) => `${t(SEVERITY_LABEL[s])} ${groups[s].length}`).join(' · ')}
            </Subtitle2>
            <Text size={200} className={styles.observations}>
              {t('summary.observations', { n: result.observations.toLocaleString(lang) })}
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
            <FindingGroups key={runId} groups={groups} lang={lang} t={t} onSelect={selectCell} />
          )}
        </section>
      )}
    </div>
  );
}
