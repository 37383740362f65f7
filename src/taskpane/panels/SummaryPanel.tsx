// The 汇总表 tab: summary tables from the last check (SummaryBuilder), the standard indicator form
// to start from (StandardFormSection) and the report-prose check (ProseSection). core/report,
// core/report/standard-form and core/text are loaded with import() when needed, so none of them
// enters the pane's first load.
import { Body1, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Subtitle1, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { describeError } from '../format';
import type { PanelProps } from '../session';
import { ProseSection } from './ProseSection';
import { StandardFormSection } from './StandardFormSection';
import { SummaryBuilder, type SummaryAnalysis } from './SummaryBuilder';
import { summaryTranslator } from './summary-strings';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalM,
    '& h2, & p': { margin: 0 },
  },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  divider: { borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalL },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** The summary tab: tables from the last check, then the check of a report's prose. */
export function SummaryPanel({ host, lang, session }: PanelProps) {
  const styles = useStyles();
  const st = useMemo(() => summaryTranslator(lang), [lang]);
  const [analysis, setAnalysis] = useState<SummaryAnalysis | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);

  // After every check: the templates' input (the engine's model of the same snapshot and the
  // check's findings) and what can be picked.
  useEffect(() => {
    setLoadError(null);
    if (!session) {
      setAnalysis(null);
      return;
    }
    let live = true;
    import(/* webpackChunkName: "summary-report" */ '../../core/report')
      .then((report) => {
        if (!live) return;
        const input = report.summaryInput(session.snapshot, session.result);
        setAnalysis({ runId: session.runId, report, input, choices: report.summaryChoices(input) });
      })
      .catch((e: unknown) => {
        if (!live) return;
        setAnalysis(null);
        setLoadError(e);
      });
    return () => {
      live = false;
    };
  }, [session]);

  const current = analysis && session && analysis.runId === session.runId ? analysis : null;
  // While a new check is prepared, the builder stays (with its picks) on the previous one.
  const shown = session ? analysis : null;

  return (
    <div className={styles.root}>
      <section className={styles.section} aria-labelledby="summary-heading">
        <Subtitle1 as="h2" id="summary-heading">
          {st('summary.heading')}
        </Subtitle1>
        <Body1 as="p" className={styles.muted}>
          {st('summary.intro')}
        </Body1>
        {!session ? (
          <Body1 as="p" data-testid="summary-need-check">
            {st('summary.needCheck')}
          </Body1>
        ) : loadError !== null ? (
          <MessageBar intent="error">
            <MessageBarBody>
              <MessageBarTitle>{st('summary.buildError')}</MessageBarTitle>
              {describeError(loadError, lang)}
            </MessageBarBody>
          </MessageBar>
        ) : (
          <>
            {!current && <Spinner size="tiny" label={st('summary.loading')} />}
            {shown && <SummaryBuilder host={host} lang={lang} st={st} analysis={shown} stale={!current} />}
          </>
        )}
      </section>
      <section className={`${styles.section} ${styles.divider}`} aria-labelledby="form-heading">
        <Subtitle1 as="h2" id="form-heading">
          {st('form.heading')}
        </Subtitle1>
        <StandardFormSection host={host} lang={lang} st={st} />
      </section>
      <section className={`${styles.section} ${styles.divider}`} aria-labelledby="prose-heading">
        <Subtitle1 as="h2" id="prose-heading">
          {st('prose.heading')}
        </Subtitle1>
        <ProseSection lang={lang} st={st} model={current?.input.model ?? null} />
      </section>
    </div>
  );
}
