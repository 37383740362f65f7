// 标准指标表 of the 汇总表 tab: years and 填报单位, then 插入标准表 through the host (a new sheet
// 指标表 and, when absent, 校验规则). Needs no check first: it is where a user with an empty
// workbook starts. core/report/standard-form is loaded with import() on the click, so the form's
// indicator list is not part of the pane's first load.
import { Body1, Button, Field, Input, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { DocumentTable20Regular } from '@fluentui/react-icons';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { StandardFormResult } from '../../core/report/standard-form';
import type { Bilingual, Lang } from '../../core/types';
import type { Host } from '../../core/host';
import { canInsertStandardForm } from '../capabilities';
import { ErrorBar } from '../components/ErrorBar';
import { pick, translate } from '../i18n';
import type { SummaryTranslate } from './summary-strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, '& p': { margin: 0 } },
  muted: { color: tokens.colorNeutralForeground2 },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

/** The three years before this one, as core/report/standard-form's defaultFormYears gives them. */
export function defaultYearsText(now: Date): string {
  const y = now.getFullYear();
  return [y - 3, y - 2, y - 1].join(',');
}

/** A StandardFormError (compared by name: the class lives in the lazily loaded module). */
function isInputError(e: unknown): boolean {
  return e instanceof Error && e.name === 'StandardFormError';
}

interface Inserted {
  result: StandardFormResult;
  what: Bilingual;
}

export interface StandardFormSectionProps {
  host: Host;
  lang: Lang;
  st: SummaryTranslate;
}

export function StandardFormSection({ host, lang, st }: StandardFormSectionProps) {
  const styles = useStyles();
  const [years, setYears] = useState(() => defaultYearsText(new Date()));
  const [bureau, setBureau] = useState('');
  const [busy, setBusy] = useState(false);
  const [inserted, setInserted] = useState<Inserted | null>(null);
  const [error, setError] = useState<unknown>(null);
  const noWriterId = useId();
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const inserter = canInsertStandardForm(host) ? host : null;

  const insert = useCallback(async () => {
    if (!inserter) return;
    setBusy(true);
    setInserted(null);
    setError(null);
    try {
      const form = await import(/* webpackChunkName: "standard-form" */ '../../core/report/standard-form');
      // Bad years throw a StandardFormError with both languages, shown like a host's error.
      const spec = form.standardForm({ years, bureau });
      const result = await inserter.insertStandardForm(spec);
      if (mounted.current) setInserted({ result, what: form.describeForm(spec) });
    } catch (e) {
      if (mounted.current) setError(e);
    } finally {
      if (mounted.current) setBusy(false);
    }
  }, [inserter, years, bureau]);

  return (
    <div className={styles.root}>
      <Body1 as="p" className={styles.muted}>
        {st('form.intro')}
      </Body1>
      <Field label={st('form.years')} hint={st('form.yearsHint')}>
        <Input value={years} onChange={(_, d) => setYears(d.value)} data-testid="form-years" />
      </Field>
      <Field label={st('form.bureau')}>
        <Input value={bureau} onChange={(_, d) => setBureau(d.value)} placeholder={st('form.bureauPlaceholder')} data-testid="form-bureau" />
      </Field>
      <div className={styles.row}>
        <Button
          appearance="secondary"
          icon={<DocumentTable20Regular />}
          disabled={!inserter || busy}
          onClick={() => void insert()}
          aria-describedby={inserter ? undefined : noWriterId}
        >
          {busy ? st('form.inserting') : st('form.insert')}
        </Button>
      </div>
      {!inserter && (
        <Body1 as="p" id={noWriterId} className={styles.muted} data-testid="form-no-writer">
          {st('form.noWriter')}
        </Body1>
      )}
      {inserted && (
        <MessageBar intent={inserted.result.validation ? 'success' : 'warning'} layout="multiline" data-testid="form-inserted">
          <MessageBarBody>
            {st('form.inserted', { sheet: inserted.result.sheet, what: pick(inserted.what, lang) })}{' '}
            {inserted.result.rulesSheet ? st('form.rulesAdded', { sheet: inserted.result.rulesSheet }) : st('form.rulesKept')}{' '}
            {inserted.result.validation ? st('form.validationSet') : st('form.validationUnsupported')}
          </MessageBarBody>
        </MessageBar>
      )}
      {error !== null && (
        <div data-testid="form-insert-error">
          <ErrorBar
            // Years that are not years need an edit, not a retry; a host's failure may pass on a retry.
            failure={isInputError(error) ? { error } : { error, retry: { action: st('form.insert'), run: () => void insert() } }}
            lang={lang}
            title={st('form.insertError')}
            dismissLabel={translate(lang, 'error.dismiss')}
            onDismiss={() => setError(null)}
          />
        </div>
      )}
    </div>
  );
}
