// The 规则 tab's list of the built-in checks and of the rule language's functions, made from the
// registry of checks (core/checks/registry.ts) and the function table (core/rules/functions.ts):
// what each check flags, with which severity, and its settings. Loaded when the section is first
// opened, so the pane does not carry the checks' code until then.
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Badge, Caption1, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { CheckDescription } from '../../core/checks/catalogue';
import { text } from '../../core/i18n';
import type { Lang } from '../../core/types';
import { describeError } from '../format';

interface Loaded {
  checks: CheckDescription[];
  functions: Array<{ signature: string; description: string }>;
}

const SEVERITY_COLOR = { error: 'danger', warning: 'warning', info: 'informative', rule: 'subtle' } as const;

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0 },
  check: { padding: `${tokens.spacingVerticalS} 0`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  id: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  finding: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, alignItems: 'baseline', margin: `${tokens.spacingVerticalXXS} 0` },
  code: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  note: { color: tokens.colorNeutralForeground3 },
});

export function ChecksSection({ lang }: { lang: Lang }) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [failed, setFailed] = useState<unknown>(null);

  useEffect(() => {
    if (!open) return;
    let cancelled = false;
    Promise.all([import(/* webpackChunkName: "checks" */ '../../core/checks/catalogue'), import(/* webpackChunkName: "rules" */ '../../core/rules/functions')]).then(
      ([catalogue, functions]) => {
        if (cancelled) return;
        setLoaded({
          checks: catalogue.describeChecks(lang),
          functions: functions.RULE_FUNCTIONS.map((f) => ({ signature: f.signature, description: f.description[lang] })),
        });
      },
      (e: unknown) => {
        if (!cancelled) setFailed(e);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [open, lang]);

  const t = (key: Parameters<typeof text>[1], params?: Record<string, string | number>) => text(lang, key, params);
  return (
    <Accordion collapsible onToggle={(_, d) => setOpen(d.openItems.length > 0)} data-testid="checks-section">
      <AccordionItem value="checks">
        <AccordionHeader size="small">{t('pane.checks.title', { n: loaded ? loaded.checks.length : '…' })}</AccordionHeader>
        <AccordionPanel>
          {!loaded && !failed && <Spinner size="tiny" label={t('pane.checks.loading')} />}
          {failed !== null && <Text role="alert">{describeError(failed, lang)}</Text>}
          {loaded && (
            <>
              <Caption1 as="p" className={styles.note}>
                {t('pane.checks.intro')}
              </Caption1>
              <ul className={styles.list} aria-label={t('pane.checks.title', { n: loaded.checks.length })}>
                {loaded.checks.map((c) => (
                  <li key={c.id} className={styles.check} data-check-id={c.id}>
                    <Text weight="semibold">{c.title}</Text>{' '}
                    <span className={styles.id}>{c.id}</span>{' '}
                    <Badge appearance="outline" size="small">
                      {t(`pane.checks.stage.${c.stage}`)}
                    </Badge>
                    <ul className={styles.list} aria-label={t('pane.checks.findings')}>
                      {c.findings.map((f) => (
                        <li key={f.id} className={styles.finding} data-finding-id={f.id}>
                          <Badge appearance="tint" size="small" color={SEVERITY_COLOR[f.severity]}>
                            {t(`pane.checks.severity.${f.severity}`)}
                          </Badge>
                          <code className={styles.code}>{f.id === '*' ? t('pane.checks.any-rule') : f.id}</code>
                          <Text size={200}>{f.flags}</Text>
                        </li>
                      ))}
                    </ul>
                    {c.parameters.length > 0 && (
                      <ul className={styles.list} aria-label={t('pane.checks.settings')}>
                        {c.parameters.map((p) => (
                          <li key={p.name}>
                            <Caption1 className={styles.note}>{t('pane.checks.setting', { name: p.name, default: p.default, about: p.about })}</Caption1>
                          </li>
                        ))}
                      </ul>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
        </AccordionPanel>
      </AccordionItem>
      <AccordionItem value="functions">
        <AccordionHeader size="small">{t('pane.functions.title', { n: loaded ? loaded.functions.length : '…' })}</AccordionHeader>
        <AccordionPanel>
          {loaded && (
            <ul className={styles.list} data-testid="rule-functions">
              {loaded.functions.map((f) => (
                <li key={f.signature} className={styles.finding}>
                  <code className={styles.code}>{f.signature}</code>
                  <Text size={200}>{f.description}</Text>
                </li>
              ))}
            </ul>
          )}
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
