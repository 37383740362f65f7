// The browser preview: the task pane's App, unchanged, beside a grid of the workbook it checks,
// both over one XlsxHost (ExcelJS in the page). The workbook comes from a bundled sample or a
// file the user opens (.xlsx, .xls, .et or .csv); nothing leaves the page.
import {
  Badge,
  Button,
  Caption1,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { DocumentTable20Regular, FolderOpen20Regular, LockClosed16Regular } from '@fluentui/react-icons';
import { useCallback, useEffect, useRef, useState, type ChangeEvent } from 'react';
import type { Lang } from '../core/types';
import { XlsxHost } from '../hosts/xlsx/xlsx-host';
import { App } from '../taskpane/App';
import { describeError } from '../taskpane/format';
import { lightTheme } from '../taskpane/theme';
import { fetchSample, readFileBytes } from './samples';
import { previewTranslator } from './strings';
import { WorkbookGrid } from './WorkbookGrid';

/** Width of Excel's task pane on a desktop screen. */
const PANE_WIDTH = 380;

/**
 * The file picker's filter: .xlsx, and the formats read-legacy.ts reads (Excel 97–2003 .xls, WPS
 * .et, .csv), by extension and by the MIME types browsers give them. An .xls, .et or .csv opens
 * as an in-page .xlsx copy (XlsxHost.fromBytes): marks and inserted sheets go to that copy.
 */
const XLSX_ACCEPT = [
  '.xlsx',
  '.xls',
  '.et',
  '.csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-excel',
  'text/csv',
].join(',');

const useStyles = makeStyles({
  root: {
    height: '100vh',
    display: 'flex',
    flexDirection: 'column',
    backgroundColor: tokens.colorNeutralBackground2,
  },
  bar: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    minHeight: '48px',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    boxShadow: tokens.shadow2,
    zIndex: 1,
  },
  brand: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, marginRight: tokens.spacingHorizontalL },
  brandIcon: { color: tokens.colorBrandForeground1, fontSize: '24px' },
  controls: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  select: { minWidth: '280px' },
  fileInput: { display: 'none' },
  hint: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    marginLeft: 'auto',
    color: tokens.colorNeutralForeground3,
  },
  body: {
    flexGrow: 1,
    minHeight: 0,
    display: 'flex',
    gap: tokens.spacingHorizontalM,
    padding: tokens.spacingHorizontalM,
  },
  sheet: {
    flexGrow: 1,
    minWidth: 0,
    display: 'flex',
    flexDirection: 'column',
    overflow: 'hidden',
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow4,
  },
  pane: {
    flexShrink: 0,
    width: `${PANE_WIDTH}px`,
    overflowY: 'auto',
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow4,
    // The App fills a whole task pane (100vh); here it fills the pane's column.
    '& > div': { minHeight: '100%' },
  },
  center: {
    flexGrow: 1,
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    padding: tokens.spacingHorizontalXXL,
  },
});

type Source = { kind: 'sample'; name: string } | { kind: 'file'; name: string; file: Blob };

type Loaded = { state: 'loading'; name: string } | { state: 'ready'; host: XlsxHost; id: number } | { state: 'failed'; error: unknown };

export interface PreviewProps {
  /** First UI language; afterwards the task pane's language toggle decides. */
  lang: Lang;
  samples: readonly string[];
  /** The sample opened first (none: wait for the user to open a file). */
  initialSample?: string;
}

/**
 * The App switches its own language and records it on <html lang>; the preview's strings follow
 * that attribute, so one toggle (the pane's, as in Excel) drives both.
 */
function useDocumentLang(initial: Lang): Lang {
  const [lang, setLang] = useState<Lang>(initial);
  useEffect(() => {
    const html = document.documentElement;
    const read = (): void => {
      const value = html.lang;
      if (value === 'zh-CN' || value === 'en-US') setLang(value);
    };
    const observer = new MutationObserver(read);
    observer.observe(html, { attributes: true, attributeFilter: ['lang'] });
    return () => observer.disconnect();
  }, []);
  return lang;
}

export function Preview({ lang: initialLang, samples, initialSample }: PreviewProps) {
  const styles = useStyles();
  const lang = useDocumentLang(initialLang);
  const t = previewTranslator(lang);
  const [source, setSource] = useState<Source | null>(initialSample ? { kind: 'sample', name: initialSample } : null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    document.title = t('page.title');
  }, [t]);

  useEffect(() => {
    if (!source) return;
    let current = true;
    setLoaded({ state: 'loading', name: source.name });
    const bytes = source.kind === 'sample' ? fetchSample(source.name) : readFileBytes(source.file);
    bytes
      .then((b) => XlsxHost.fromBytes(b, source.name))
      .then(
        (host) => current && setLoaded({ state: 'ready', host, id: Date.now() }),
        (error: unknown) => current && setLoaded({ state: 'failed', error }),
      );
    return () => {
      current = false;
    };
  }, [source]);

  const onSample = useCallback((e: ChangeEvent<HTMLSelectElement>) => {
    if (e.target.value) setSource({ kind: 'sample', name: e.target.value });
  }, []);

  const onFile = useCallback((e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (file) setSource({ kind: 'file', name: file.name, file });
    e.target.value = ''; // opening the same file again still fires change
  }, []);

  const host = loaded?.state === 'ready' ? loaded.host : null;

  return (
    <FluentProvider theme={lightTheme} className={styles.root}>
      <div className={styles.bar} role="toolbar" aria-label={t('bar.label')}>
        <div className={styles.brand}>
          <DocumentTable20Regular className={styles.brandIcon} aria-hidden />
          <Subtitle2 as="h1">{t('bar.title')}</Subtitle2>
          <Badge appearance="tint" color="brand" shape="rounded">
            {t('bar.badge')}
          </Badge>
        </div>
        <div className={styles.controls}>
          <Select
            className={styles.select}
            aria-label={t('bar.sampleLabel')}
            value={source?.kind === 'sample' ? source.name : ''}
            onChange={onSample}
            data-testid="sample-select"
          >
            {source?.kind !== 'sample' && <option value="">{source ? t('bar.localFile', { name: source.name }) : t('bar.sample')}</option>}
            {samples.map((name) => (
              <option key={name} value={name}>
                {name.replace(/\.xlsx$/i, '')}
              </option>
            ))}
          </Select>
          <Button icon={<FolderOpen20Regular />} onClick={() => fileInput.current?.click()}>
            {t('bar.open')}
          </Button>
          <input
            ref={fileInput}
            className={styles.fileInput}
            type="file"
            accept={XLSX_ACCEPT}
            aria-label={t('bar.openLabel')}
            onChange={onFile}
            data-testid="file-input"
          />
        </div>
        <Caption1 className={styles.hint}>
          <LockClosed16Regular aria-hidden />
          {t('bar.hint')}
        </Caption1>
      </div>

      <div className={styles.body}>
        <main className={styles.sheet} aria-label={host ? host.name : undefined}>
          {loaded?.state === 'loading' && (
            <div className={styles.center}>
              <Spinner label={t('load.loading', { name: loaded.name })} />
            </div>
          )}
          {loaded?.state === 'failed' && (
            <div className={styles.center}>
              <MessageBar intent="error" layout="multiline" data-testid="load-error">
                <MessageBarBody>
                  <MessageBarTitle>{t('load.failed')}</MessageBarTitle>
                  {describeError(loaded.error, lang)}
                </MessageBarBody>
              </MessageBar>
            </div>
          )}
          {host && <WorkbookGrid key={loaded?.state === 'ready' ? loaded.id : 0} host={host} lang={lang} />}
        </main>
        <aside className={styles.pane} aria-label={t('pane.label')} data-testid="task-pane">
          {host && <App key={loaded?.state === 'ready' ? loaded.id : 0} host={host} lang={lang} theme={lightTheme} />}
        </aside>
      </div>
    </FluentProvider>
  );
}
