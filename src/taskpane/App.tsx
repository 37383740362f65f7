import { FluentProvider, Tab, TabList, makeStyles, tokens, type Theme } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState, type ComponentType } from 'react';
import type { Lang } from '../core/types';
import type { Host } from '../core/host';
import { runCheckInWorker } from './check-worker-client';
import { CheckPanel } from './components/CheckPanel';
import { ErrorBoundary } from './components/ErrorBoundary';
import { Header } from './components/Header';
import { otherLang, translator, type MessageKey } from './i18n';
import { CrossYearPanel } from './panels/CrossYearPanel';
import { RulesPanel } from './panels/RulesPanel';
import { StructurePanel } from './panels/StructurePanel';
import { SummaryPanel } from './panels/SummaryPanel';
import type { CheckSession, PanelProps, RunCheck, SessionOptions } from './session';
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

type TabId = 'check' | 'crossYear' | 'summary' | 'structure' | 'rules';

/** The tabs after 校验; each gets the shared session (the last check) and the engine options. */
const TABS: ReadonlyArray<{ id: TabId; label: MessageKey; Panel?: ComponentType<PanelProps> }> = [
  { id: 'check', label: 'tab.check' },
  { id: 'crossYear', label: 'tab.crossYear', Panel: CrossYearPanel },
  { id: 'summary', label: 'tab.summary', Panel: SummaryPanel },
  { id: 'structure', label: 'tab.structure', Panel: StructurePanel },
  { id: 'rules', label: 'tab.rules', Panel: RulesPanel },
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
  const [session, setSession] = useState<CheckSession | null>(null);
  const [options, setOptionsState] = useState<SessionOptions>({});
  const onChecked = useCallback(
    (s: Omit<CheckSession, 'runId'>) => setSession((prev) => ({ ...s, runId: (prev?.runId ?? 0) + 1 })),
    [],
  );
  const setOptions = useCallback((update: (previous: SessionOptions) => SessionOptions) => setOptionsState(update), []);

  useEffect(() => setLang(initialLang), [initialLang]);
  useEffect(() => {
    if (typeof document !== 'undefined') document.documentElement.lang = lang;
  }, [lang]);

  return (
    <>
      <Header lang={lang} t={t} onToggleLang={() => setLang(otherLang)} />
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
      {TABS.map(({ id, Panel }) => (
        // Every panel stays mounted so results survive switching tabs; inactive ones are hidden.
        <div
          key={id}
          id={`panel-${id}`}
          role="tabpanel"
          aria-labelledby={`tab-${id}`}
          hidden={tab !== id}
          className={styles.panel}
        >
          {Panel ? (
            <Panel host={host} lang={lang} t={t} runCheck={runCheck} session={session} options={options} setOptions={setOptions} />
          ) : (
            <CheckPanel host={host} lang={lang} t={t} runCheck={runCheck} options={options} onChecked={onChecked} />
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
