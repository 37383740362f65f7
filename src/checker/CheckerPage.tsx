// The web checker: a page a bureau can host as static files. Staff open workbooks (or a folder),
// the checker worker reads and checks them (the page stays responsive; 取消 stops it), and the
// results can be kept: a marked copy of each workbook, the batch report as .xlsx, and the
// self-contained HTML report. Nothing leaves the browser.
import {
  Badge,
  Body1,
  Button,
  Caption1,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Subtitle1,
  Subtitle2,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownload20Regular, Dismiss20Regular, DocumentTable20Regular, FolderOpen20Regular, Play20Regular, Translate20Regular } from '@fluentui/react-icons';
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { counts, type FileResult } from '../batch/results';
import { htmlReport, reportTime } from '../cli/html-report';
import { bilingualOf } from '../core/errors';
import { message } from '../core/i18n';
import type { Bilingual, Finding, Lang, Severity } from '../core/types';
import { formatCellRef, formatValue } from '../taskpane/format';
import { DetailsDisclosure } from '../taskpane/components/DetailsDisclosure';
import { Sparkline } from '../taskpane/panels/Sparkline';
import { downloadBlob } from '../taskpane/download';
import { lightTheme } from '../taskpane/theme';
import type { BatchProgress } from './batch';
import { fromDrop, fromInput, mergePicked, type PickedFile } from './pick-files';
import { checkerTranslator, type CheckerKey } from './strings';
import { CancelledError, type CheckerClient } from './worker-client';

const ACCEPT = [
  '.xlsx',
  '.xls',
  '.et',
  '.csv',
  '.txt',
  '.docx',
  '.pdf',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-excel',
  'text/csv',
].join(',');
/** A report whose prose is checked: no marked copy (only a workbook can carry marks). */
const isReport = (file: string): boolean => /\.(txt|docx|pdf)$/i.test(file);
const SEVERITIES: Severity[] = ['error', 'warning', 'info'];
/** Rows of a file's findings shown before 显示全部: a long list renders on demand only. */
const FIRST_ROWS = 200;

const useStyles = makeStyles({
  root: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2 },
  bar: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  lang: { marginLeft: 'auto' },
  main: { maxWidth: '1100px', margin: '0 auto', padding: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  drop: {
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    padding: tokens.spacingHorizontalXXL,
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    gap: tokens.spacingVerticalM,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  dropActive: {
    borderTopColor: tokens.colorBrandStroke1,
    borderRightColor: tokens.colorBrandStroke1,
    borderBottomColor: tokens.colorBrandStroke1,
    borderLeftColor: tokens.colorBrandStroke1,
    backgroundColor: tokens.colorBrandBackground2,
  },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  hidden: { display: 'none' },
  table: { width: '100%', borderCollapse: 'collapse', backgroundColor: tokens.colorNeutralBackground1, '& th, & td': { padding: '6px 8px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, textAlign: 'left', verticalAlign: 'top' } },
  num: { textAlign: 'right' },
  where: { whiteSpace: 'nowrap', fontFamily: tokens.fontFamilyMonospace },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  error: { color: tokens.colorPaletteRedForeground1 },
});

/** Saves bytes as a file (taskpane/download.ts); nothing is sent anywhere. */
function download(name: string, data: BlobPart, type: string): void {
  downloadBlob(data, name, type);
}

/** An error's own bilingual message, or the error's text behind words in each language. */
function failureOf(e: unknown): Bilingual {
  const own = bilingualOf(e);
  if (own) return own;
  const text = e instanceof Error ? e.message : String(e);
  return message('checker.failure', { reason: text });
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The language the switch offers: the one not shown. */
const otherLang = (lang: Lang): Lang => (['zh-CN', 'en-US'] as const).find((l) => l !== lang) ?? 'zh-CN';

interface Props {
  initialLang: Lang;
  client: CheckerClient;
}

export function CheckerPage({ initialLang, client }: Props) {
  const styles = useStyles();
  const [lang, setLang] = useState<Lang>(initialLang);
  const t = useMemo(() => checkerTranslator(lang), [lang]);
  const [picked, setPicked] = useState<PickedFile[]>([]);
  const [skipped, setSkipped] = useState(0);
  const [dragging, setDragging] = useState(false);
  const [progress, setProgress] = useState<BatchProgress | null>(null);
  const [running, setRunning] = useState(false);
  const [busy, setBusy] = useState<CheckerKey | null>(null);
  const [results, setResults] = useState<FileResult[] | null>(null);
  const [failure, setFailure] = useState<Bilingual | null>(null);
  const [notices, setNotices] = useState<string[]>([]);
  /** The files as they were when checked (a marked copy reads the same bytes again). */
  const checked = useRef<PickedFile[]>([]);
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t('page.title');
  }, [lang, t]);

  // `webkitdirectory` is not a React prop: set on the element.
  useEffect(() => {
    folderInput.current?.setAttribute('webkitdirectory', '');
  }, []);

  const add = useCallback((more: { files: PickedFile[]; skipped: number }) => {
    setPicked((list) => mergePicked(list, more.files));
    setSkipped((n) => n + more.skipped);
    setFailure(null);
  }, []);

  const onDrop = useCallback(
    (e: DragEvent<HTMLDivElement>) => {
      e.preventDefault();
      setDragging(false);
      void fromDrop(e.dataTransfer).then(add);
    },
    [add],
  );

  const run = useCallback(async () => {
    if (picked.length === 0 || running) return;
    setRunning(true);
    setFailure(null);
    setNotices([]);
    setResults(null);
    setProgress({ done: 0, total: picked.length, file: '', stage: message('checker.stage.reading') });
    const files = [...picked];
    try {
      const buffers = await Promise.all(files.map(async (p) => ({ file: p.path, bytes: await p.file.arrayBuffer() })));
      const out = await client.check(buffers, setProgress);
      checked.current = files;
      setResults(out);
    } catch (e) {
      if (e instanceof CancelledError) setNotices([t('run.cancelled')]);
      else setFailure(failureOf(e));
    } finally {
      setRunning(false);
      setProgress(null);
    }
  }, [picked, running, client, t]);

  const withBusy = useCallback(
    async (key: CheckerKey, work: () => Promise<void>) => {
      setBusy(key);
      setFailure(null);
      try {
        await work();
      } catch (e) {
        if (!(e instanceof CancelledError)) setFailure(failureOf(e));
      } finally {
        setBusy(null);
      }
    },
    [],
  );

  const copyOf = useCallback(
    (r: FileResult) =>
      withBusy('busy.copy', async () => {
        const source = checked.current.find((p) => p.path === r.file);
        if (!source) return;
        const copy = await client.copy(r.file, await source.file.arrayBuffer(), r.result?.findings ?? []);
        download(copy.name, copy.bytes, XLSX_TYPE);
        if (copy.lost.length > 0) setNotices((n) => [...n, t('result.copyLost', { file: r.file, lost: copy.lost.map((l) => l[lang]).join(t('list-separator')) })]);
      }),
    [client, withBusy, t, lang],
  );

  const reportXlsx = useCallback(
    () =>
      withBusy('busy.report', async () => {
        if (!results) return;
        download(`${t('report-file')}.xlsx`, await client.report(results, lang), XLSX_TYPE);
      }),
    [client, results, lang, withBusy, t],
  );

  const reportHtml = useCallback(() => {
    if (!results) return;
    download(`${t('report-file')}.html`, htmlReport(results, { lang, generated: reportTime(new Date()) }), 'text/html;charset=utf-8');
  }, [results, lang, t]);

  const totals = useMemo(() => {
    const sum = { error: 0, warning: 0, info: 0 };
    for (const r of results ?? []) {
      const c = counts(r.result?.findings ?? []);
      for (const s of SEVERITIES) sum[s] += c[s];
    }
    return sum;
  }, [results]);

  return (
    <FluentProvider theme={lightTheme}>
      <div className={styles.root}>
        <header className={styles.bar}>
          <DocumentTable20Regular aria-hidden="true" />
          <Title2 as="h1">{t('product')}</Title2>
          <Badge appearance="tint">{t('page.badge')}</Badge>
          <Button className={styles.lang} appearance="subtle" icon={<Translate20Regular />} aria-label={t('page.langLabel')} onClick={() => setLang(otherLang(lang))}>
            {t('page.lang')}
          </Button>
        </header>
        <main className={styles.main}>
          <Body1>{t('page.intro')}</Body1>

          <div
            className={`${styles.drop} ${dragging ? styles.dropActive : ''}`}
            data-testid="drop-zone"
            role="region"
            aria-label={t('pick.dropLabel')}
            onDragOver={(e) => {
              e.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={onDrop}
          >
            <Subtitle2 as="p">{t('pick.drop')}</Subtitle2>
            <div className={styles.row}>
              <Button icon={<DocumentTable20Regular />} onClick={() => filesInput.current?.click()} title={t('pick.filesLabel')} disabled={running}>
                {t('pick.files')}
              </Button>
              <Button icon={<FolderOpen20Regular />} onClick={() => folderInput.current?.click()} title={t('pick.folderLabel')} disabled={running}>
                {t('pick.folder')}
              </Button>
            </div>
            <input
              ref={filesInput}
              className={styles.hidden}
              type="file"
              multiple
              accept={ACCEPT}
              aria-label={t('pick.filesLabel')}
              data-testid="files-input"
              onChange={(e) => {
                if (e.target.files) add(fromInput(e.target.files));
                e.target.value = '';
              }}
            />
            <input
              ref={folderInput}
              className={styles.hidden}
              type="file"
              multiple
              aria-label={t('pick.folderLabel')}
              data-testid="folder-input"
              onChange={(e) => {
                if (e.target.files) add(fromInput(e.target.files));
                e.target.value = '';
              }}
            />
          </div>

          {picked.length > 0 && (
            <section className={styles.section} aria-label={t('pick.count', { n: picked.length })}>
              <div className={styles.row}>
                <Subtitle2 as="h2" data-testid="picked-count">
                  {t('pick.count', { n: picked.length })}
                </Subtitle2>
                {skipped > 0 && <Caption1>{t('pick.skipped', { n: skipped })}</Caption1>}
              </div>
              <ul data-testid="picked-list">
                {picked.map((p) => (
                  <li key={p.path}>{p.path}</li>
                ))}
              </ul>
              <div className={styles.row}>
                <Button appearance="primary" icon={<Play20Regular />} onClick={() => void run()} disabled={running}>
                  {t('run.start')}
                </Button>
                {running ? (
                  <Button icon={<Dismiss20Regular />} onClick={() => client.cancel()} data-testid="cancel">
                    {t('run.cancel')}
                  </Button>
                ) : (
                  <Button
                    appearance="subtle"
                    onClick={() => {
                      setPicked([]);
                      setSkipped(0);
                      setResults(null);
                    }}
                  >
                    {t('pick.clear')}
                  </Button>
                )}
              </div>
            </section>
          )}

          {progress && (
            <div role="status" aria-live="polite" data-testid="progress">
              <ProgressBar value={progress.total > 0 ? progress.done / progress.total : 0} max={1} thickness="large" aria-label={t('run.progress', { done: Math.min(progress.done + 1, progress.total), total: progress.total, stage: progress.stage[lang] })} />
              <Caption1>{t('run.progress', { done: Math.min(progress.done + 1, progress.total), total: progress.total, stage: progress.stage[lang] })}</Caption1>
            </div>
          )}

          {failure && (
            <MessageBar intent="error">
              <MessageBarBody>
                <MessageBarTitle>{t('run.failed')}</MessageBarTitle>
                {failure[lang]}
              </MessageBarBody>
            </MessageBar>
          )}
          {notices.map((n, i) => (
            <MessageBar key={i} intent="info" data-testid="notice">
              <MessageBarBody>{n}</MessageBarBody>
            </MessageBar>
          ))}
          {busy && (
            <div role="status" aria-live="polite">
              <Caption1>{t(busy)}</Caption1>
            </div>
          )}

          {results && (
            <section className={styles.section} aria-labelledby="results-heading">
              <Subtitle1 as="h2" id="results-heading">
                {t('result.heading')}
              </Subtitle1>
              <table className={styles.table} data-testid="results">
                <thead>
                  <tr>
                    <th scope="col">{t('result.file')}</th>
                    {SEVERITIES.map((s) => (
                      <th scope="col" key={s} className={styles.num}>
                        {t(`result.${s}`)}
                      </th>
                    ))}
                    <th scope="col">{t('result.status')}</th>
                    <th scope="col">{t('result.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {results.map((r) => {
                    const c = counts(r.result?.findings ?? []);
                    return (
                      <tr key={r.file} data-file={r.file}>
                        <th scope="row">{r.file}</th>
                        {SEVERITIES.map((s) => (
                          <td key={s} className={styles.num} data-count={s}>
                            {r.error ? '—' : c[s]}
                          </td>
                        ))}
                        <td className={r.error ? styles.error : undefined}>{r.error ? r.error[lang] : t('result.checked')}</td>
                        <td>
                          {!r.error && !isReport(r.file) && (
                            <Button size="small" icon={<ArrowDownload20Regular />} onClick={() => void copyOf(r)} disabled={busy !== null} aria-label={t('result.copyLabel', { file: r.file })}>
                              {t('result.copy')}
                            </Button>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">{t('result.total')}</th>
                    {SEVERITIES.map((s) => (
                      <td key={s} className={styles.num} data-total={s}>
                        {totals[s]}
                      </td>
                    ))}
                    <td />
                    <td />
                  </tr>
                </tfoot>
              </table>
              <div className={styles.row} role="group" aria-label={t('download.heading')}>
                <Button icon={<ArrowDownload20Regular />} onClick={() => void reportXlsx()} disabled={busy !== null} data-testid="download-xlsx">
                  {t('download.xlsx')}
                </Button>
                <Button icon={<ArrowDownload20Regular />} onClick={reportHtml} data-testid="download-html">
                  {t('download.html')}
                </Button>
              </div>
              {results
                .filter((r) => r.result)
                .map((r) => (
                  <FileFindings key={r.file} result={r} lang={lang} />
                ))}
            </section>
          )}
        </main>
      </div>
    </FluentProvider>
  );
}

const SEVERITY_KEY: Record<Severity, CheckerKey> = { error: 'result.error', warning: 'result.warning', info: 'result.info' };

/**
 * One file's findings: message first (its technical details folded under 详情), where, values;
 * a trend line for findings across years.
 */
function FileFindings({ result, lang }: { result: FileResult; lang: Lang }) {
  const styles = useStyles();
  const t = checkerTranslator(lang);
  const [all, setAll] = useState(false);
  const findings: Finding[] = result.result?.findings ?? [];
  const shown = all ? findings : findings.slice(0, FIRST_ROWS);
  const headingId = `findings-${encodeURIComponent(result.file)}`;
  return (
    <section className={styles.section} aria-labelledby={headingId} data-testid="file-findings">
      <Subtitle2 as="h3" id={headingId}>
        {t('findings.heading', { file: result.file, n: findings.length })}
      </Subtitle2>
      {findings.length === 0 ? (
        <Body1>{t('findings.none')}</Body1>
      ) : (
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col">{t('findings.message')}</th>
              <th scope="col">{t('findings.where')}</th>
              <th scope="col">{t('findings.severity')}</th>
              <th scope="col">{t('findings.values')}</th>
              <th scope="col">{t('findings.trend')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((f, i) => (
              <tr key={i} data-severity={f.severity} data-rule={f.ruleId}>
                <td>
                  {f.message[lang]}
                  {f.details && <DetailsDisclosure text={f.details[lang]} label={t('findings.details')} />}
                </td>
                <td className={styles.where}>{f.cells[0] ? formatCellRef(f.cells[0]) : ''}</td>
                <td>{t(SEVERITY_KEY[f.severity])}</td>
                <td>{(f.values ?? []).map((v) => formatValue(v, lang)).join(t('values-separator'))}</td>
                <td>
                  {f.series && f.series.length > 1 && (
                    <Sparkline
                      series={f.series}
                      current={f.period}
                      label={t('findings.trendLabel', {
                        indicator: f.indicator ?? '',
                        values: f.series.map((p) => `${p.period} ${p.value === null ? '—' : formatValue(p.value, lang)}`).join(t('series-separator')),
                      })}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!all && findings.length > FIRST_ROWS && (
        <Button appearance="secondary" onClick={() => setAll(true)}>
          {t('findings.more', { n: findings.length })}
        </Button>
      )}
    </section>
  );
}
