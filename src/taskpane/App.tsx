import { FluentProvider, Tab, TabList, makeStyles, tokens, type Theme } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import type { Host, Lang } from '../core/types';
import { runCheckInWorker } from './check-worker-client';
import { CheckPanel, type RunCheck } from './components/CheckPanel';
import { ComingSoon } from './components/ComingSoon';
import { ErrorBoundary } from './components/ErrorBoundary';
import { Header } from './components/Header';
import { translator, type MessageKey } from './i18n';
import { lightTheme } from './theme';

export interface AppProps {
  /** The only door to the workbook (Excel, a preview, or a fake in tests). */
  host: Host;
  /** Initial UI language; the user can switch it in the header. */
  lang: Lang;
  /** The engine; defaults to `checkWorkbook` in a Web Worker (on this thread where there is none). */
  runCheck?: RunCheck;
  /** Fluent theme; defaults to the light theme with CJK fonts. */
  theme?: Theme;
}

type TabId = 'check' | 'crossYear' | 'summary' | 'rules';

const TABS: ReadonlyArray<{ id: TabId; label: MessageKey; coming?: MessageKey }> = [
  { id: 'check', label: 'tab.check' },
  { id: 'crossYear', label: 'tab.crossYear', coming: 'coming.crossYear' },
  { id: 'summary', label: 'tab.summary', coming: 'coming.summary' },
  { id: 'rules', label: 'tab.rules', coming: 'coming.rules' },
];

const useStyles = makeStyles({
  provider: { minHeight: '100vh', display: 'flex', flexDirection: 'column' },
  tabs: {
    paddingLeft: tokens.spacingHorizontalS,
    paddingRight: tokens.spacingHorizontalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  panel: { flexGrow: 1, overflowY: 'auto' },
});

function Shell({ host, lang: initialLang, runCheck = runCheckInWorker }: AppProps) {
  const styles = useStyles();
  const [lang, setLang] = useState<Lang>(initialLang);
  const [tab, setTab] = useState<TabId>('check');
  const t = useMemo(() => translator(lang), [lang]);

  useEffect(() => setLang(initialLang), [initialLang]);
  useEffect(() => {
    if (typeof document !== 'undefined') document.documentElement.lang = lang;
  }, [lang]);

  return (
    <>
      <Header lang={lang} t={t} onToggleLang={() => setLang((l) => (l === 'zh-CN' ? 'en-US' : 'zh-CN'))} />
      <TabList
        className={styles.tabs}
        selectedValue={tab}
        onTabSelect={(_, data) => setTab(data.value as TabId)}
        aria-label={t('tabs.label')}
        size="medium"
      >
        {TABS.map(({ id, label }) => (
          <Tab key={id} value={id} id={`tab-${id}`} aria-controls={`panel-${id}`}>
            {t(label)}
          </Tab>
        ))}
      </TabList>
      {TABS.map(({ id, coming }) => (
        // Every panel stays mounted so results survive switching tabs; inactive ones are hidden.
        <div
          key={id}
          id={`panel-${id}`}
          role="tabpanel"
          aria-labelledby={`tab-${id}`}
          hidden={tab !== id}
          className={styles.panel}
        >
          {coming ? (
            <ComingSoon t={t} description={coming} />
          ) : (
            <CheckPanel host={host} lang={lang} t={t} runCheck={runCheck} />
          )}
        </div>
      ))}
    </>
  );
}

/** The task pane: Fluent provider, crash boundary and the tabbed UI, talking to `host` only. */
export function App(props: AppProps) {
  const styles = useStyles();
  return (
    <ErrorBoundary>
      <FluentProvider theme={props.theme ?? lightTheme} className={styles.provider}>
        <Shell {...props} />
      </FluentProvider>
    </ErrorBoundary>
  );
}

export default App;
