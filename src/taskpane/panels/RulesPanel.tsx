// The 规则 tab: every rule in effect (built-in pack, imported rule file, the workbook's 校验规则
// sheet as read by the last check), with session overrides (enable/disable, severity, tolerance)
// that travel to the next check as CheckOptions.rulePatches; creating the 校验规则 sheet; importing
// and exporting a rule file. The rules module (parser, pack, YAML) is loaded on first use, never
// with the pane.
import {
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  SearchBox,
  Spinner,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import {
  ArrowDownload20Regular,
  ArrowUpload20Regular,
  Delete20Regular,
  Dismiss20Regular,
  TableAdd20Regular,
} from '@fluentui/react-icons';
import { useCallback, useEffect, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { BilingualError } from '../../core/errors';
import type { Rule, RuleSet } from '../../core/rules/types';
import type { CellRef, CellValue, Finding, SheetGrid } from '../../core/types';
import { canWriteRulesSheet } from '../capabilities';
import { ErrorBar, type Retry } from '../components/ErrorBar';
import { describeError, formatCellRef } from '../format';
import { paneMessage, pick } from '../i18n';
import type { PanelProps } from '../session';
import { ChecksSection } from './ChecksSection';
import { RuleRow } from './RuleRow';
import { download, exportObject, fileFormat, readAsText, withoutFile, withPatches, withRuleChange, type PatchChange } from './rules-patches';
import { rulesTranslator, type RulesKey } from './rules-strings';
import { RULES_SHEET } from '../../core/sheet-names';

type RulesModule = typeof import('../../core/rules');

/** The sheet users write rules in (core/sheet-names.ts). */
export { RULES_SHEET };
/** File name of an export. */
export const EXPORT_FILE_NAME = '校验规则.json';
/** Largest rule file the pane reads. */
const MAX_FILE_BYTES = 1024 * 1024;

/** A located problem of the rules: unreadable entries, expression errors, unknown indicators. */
interface Problem {
  key: string;
  text: string;
  cell?: CellRef;
}

interface Loaded {
  mod: RulesModule;
  /** The merged rule set without the pane's overrides (what the sources say). */
  ruleSet: RuleSet;
  /** Problems found while loading the sources (rules.file, rules.sheet). */
  findings: Finding[];
}

type Notice = { key: RulesKey; params?: Record<string, string | number> };

/** An error of this tab with its message in both languages (shown by describeError). */
class PaneError extends BilingualError {
  constructor(key: RulesKey, params: Record<string, string | number>) {
    super(paneMessage(key, params));
    this.name = 'PaneError';
  }
}

// ---------------------------------------------------------------------------------------------
// Styles

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM },
  intro: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  note: { color: tokens.colorNeutralForeground3 },
  list: { listStyleType: 'none', margin: 0, padding: 0 },
  problems: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  problem: { overflowWrap: 'anywhere' },
  hidden: { display: 'none' },
});

// ---------------------------------------------------------------------------------------------
// The tab

export function RulesPanel({ host, lang, t, session, options, setOptions }: PanelProps) {
  const styles = useStyles();
  const rulesText = useMemo(() => rulesTranslator(lang), [lang]);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [error, setError] = useState<unknown>(null);
  const [retry, setRetry] = useState<Retry | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);
  const [filter, setFilter] = useState('');
  /** The sheet this pane created since the last check (the next check reads it from the workbook). */
  const [created, setCreated] = useState<SheetGrid | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const snapshotSheets = session?.snapshot.sheets;
  const file = options.rules;
  const patches = options.rulePatches;

  // A new check has read the workbook again: what this pane created is in its snapshot now.
  useEffect(() => setCreated(null), [session?.runId]);

  useEffect(() => {
    let cancelled = false;
    import(/* webpackChunkName: "rules" */ '../../core/rules').then(
      (mod) => {
        if (cancelled) return;
        const sheets = created ? [...(snapshotSheets ?? []).filter((s) => s.name !== created.name), created] : snapshotSheets;
        try {
          const { ruleSet, findings } = mod.loadRuleSet({ sheets, file });
          setLoaded({ mod, ruleSet, findings });
          setLoadError(null);
        } catch (e) {
          setLoadError(e);
        }
      },
      (e: unknown) => {
        if (!cancelled) setLoadError(e);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [snapshotSheets, file, created]);

  const effective = useMemo(() => (loaded ? loaded.mod.applyRulePatches(loaded.ruleSet, patches) : null), [loaded, patches]);
  const paneById = useMemo(() => new Map((patches ?? []).map((p) => [p.id, p])), [patches]);

  const problems = useMemo<Problem[]>(() => {
    if (!loaded) return [];
    const out: Problem[] = [];
    const seen = new Set<string>();
    const add = (p: Omit<Problem, 'key'>): void => {
      const key = `${p.text}@${p.cell ? formatCellRef(p.cell) : ''}`;
      if (seen.has(key)) return;
      seen.add(key);
      out.push({ ...p, key });
    };
    for (const f of loaded.findings) add({ text: pick(f.message, lang), cell: f.cells[0] });
    for (const r of loaded.ruleSet.rules) {
      const parsed = loaded.mod.parseRule(r.expr, r.id);
      if (parsed.ok) continue;
      const address = r.origin?.cells.expr ?? r.origin?.cells.id;
      const detail = pick(parsed.error.message, lang);
      add({
        text: rulesText('rules.syntax', { id: r.id, column: parsed.error.column, detail }),
        cell: r.origin && address ? { sheet: r.origin.sheet, address } : undefined,
      });
    }
    // Problems only a check can see (names the workbook lacks), from the last check.
    for (const f of session?.result.findings ?? []) {
      if (f.ruleId === 'rules.unknown-indicator' || f.ruleId === 'rules.no-expression') add({ text: pick(f.message, lang), cell: f.cells[0] });
    }
    return out;
  }, [loaded, session, lang, rulesText]);

  const rules = effective?.rules ?? [];
  const baseById = useMemo(() => new Map((loaded?.ruleSet.rules ?? []).map((r) => [r.id, r])), [loaded]);
  const needle = filter.trim().toLowerCase();
  const shown = useMemo(
    () =>
      needle
        ? rules.filter((r) => [r.id, r.expr, r.name['zh-CN'], r.name['en-US'], r.description ?? ''].some((s) => s.toLowerCase().includes(needle)))
        : rules,
    [rules, needle],
  );
  const enabledCount = rules.filter((r) => r.enabled).length;

  const change = useCallback((base: Rule, c: PatchChange) => setOptions((o) => withRuleChange(o, base, c)), [setOptions]);
  const reset = useCallback((id: string) => setOptions((o) => withPatches(o, (o.rulePatches ?? []).filter((p) => p.id !== id))), [setOptions]);
  const resetAll = useCallback(() => setOptions((o) => withPatches(o, [])), [setOptions]);
  const select = useCallback(
    (ref: CellRef) => {
      host.selectCell(ref).catch((e: unknown) => {
        if (mounted.current) setError(e);
      });
    },
    [host],
  );
  const parseTolerance = useCallback((v: unknown) => loaded?.mod.parseTolerance(v), [loaded]);

  /** Runs an action of the tab; a failure shows in the error bar, with 重试 when `retryName` is given. */
  const act = useCallback(async (action: () => Promise<Notice | null>, retryName?: string): Promise<void> => {
    setBusy(true);
    setError(null);
    setRetry(null);
    setNotice(null);
    try {
      const done = await action();
      if (mounted.current && done) setNotice(done);
    } catch (e) {
      if (mounted.current) {
        setError(e);
        if (retryName) setRetry({ action: retryName, run: () => void act(action, retryName) });
      }
    } finally {
      if (mounted.current) setBusy(false);
    }
  }, []);

  const sheetExists = !!created || !!snapshotSheets?.some((s) => s.name === RULES_SHEET);
  const createSheet = canWriteRulesSheet(host)
    ? () =>
        act(async () => {
          const mod = await import(/* webpackChunkName: "rules" */ '../../core/rules');
          const rows: CellValue[][] = mod.rulesSheetTemplate();
          const { sheet } = await host.writeRulesSheet(rows);
          if (mounted.current) setCreated({ name: sheet, originRow: 0, originCol: 0, values: rows });
          return { key: 'rules.created' };
        }, rulesText('rules.create'))
    : null;

  const onFile = (e: ChangeEvent<HTMLInputElement>): void => {
    const input = e.currentTarget;
    const picked = input.files?.[0];
    input.value = ''; // the same file can be picked again
    if (!picked) return;
    void act(async () => {
      if (picked.size > MAX_FILE_BYTES) {
        throw new PaneError('rules.fileTooLarge', { name: picked.name, size: Math.ceil(picked.size / 1024) });
      }
      let text: string;
      try {
        text = await readAsText(picked);
      } catch (err) {
        const detail = err instanceof Error ? err.message : String(err);
        throw new PaneError('rules.fileUnreadable', { name: picked.name, detail });
      }
      const format = fileFormat(picked.name, text);
      setOptions((o) => ({ ...o, rules: { text, format, fileName: picked.name } }));
      return { key: 'rules.imported', params: { name: picked.name } };
    });
  };

  const removeFile = (): void => {
    setOptions(withoutFile);
    setError(null);
    setNotice({ key: 'rules.removed' });
  };

  const exported = loaded && effective ? exportObject(loaded.mod, effective) : null;
  const exportRules = (): void => {
    setError(null);
    setNotice(null);
    if (!exported) return;
    if (download(`${JSON.stringify(exported, null, 2)}\n`, EXPORT_FILE_NAME)) setNotice({ key: 'rules.exported', params: { name: EXPORT_FILE_NAME } });
    else setNotice({ key: 'rules.exportUnavailable' });
  };

  return (
    <div className={styles.root}>
      <Body1 as="p" className={styles.intro}>
        {rulesText('rules.intro')}
      </Body1>

      <div className={styles.actions}>
        {createSheet && (
          <Button
            appearance="secondary"
            icon={<TableAdd20Regular />}
            onClick={() => void createSheet()}
            disabled={busy || sheetExists}
            aria-label={rulesText('rules.createLabel')}
            aria-describedby={sheetExists ? 'rules-sheet-exists' : undefined}
          >
            {rulesText('rules.create')}
          </Button>
        )}
        <Button appearance="secondary" icon={<ArrowUpload20Regular />} onClick={() => fileInput.current?.click()} disabled={busy} aria-label={rulesText('rules.importLabel')}>
          {rulesText('rules.import')}
        </Button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,.yaml,.yml,application/json,application/yaml,text/yaml"
          className={styles.hidden}
          tabIndex={-1}
          aria-hidden="true"
          data-testid="rules-file-input"
          onChange={onFile}
        />
        <Button
          appearance="secondary"
          icon={<ArrowDownload20Regular />}
          onClick={exportRules}
          disabled={busy || !exported}
          aria-label={rulesText('rules.exportLabel')}
          aria-describedby={loaded && !exported ? 'rules-export-nothing' : undefined}
        >
          {rulesText('rules.export')}
        </Button>
      </div>
      {!createSheet && (
        <Caption1 className={styles.note} data-testid="rules-create-unavailable">
          {rulesText('rules.createUnavailable')}
        </Caption1>
      )}
      {createSheet && sheetExists && (
        <Caption1 className={styles.note} id="rules-sheet-exists">
          {rulesText('rules.createExists')}
        </Caption1>
      )}
      {loaded && !exported && (
        <Caption1 className={styles.note} id="rules-export-nothing">
          {rulesText('rules.exportNothing')}
        </Caption1>
      )}

      {file && (
        <div className={styles.actions} data-testid="rules-file">
          <Text>{rulesText('rules.fileInUse', { name: file.fileName ?? '' })}</Text>
          <Button size="small" appearance="subtle" icon={<Delete20Regular />} onClick={removeFile} aria-label={rulesText('rules.removeFileLabel', { name: file.fileName ?? '' })}>
            {rulesText('rules.removeFile')}
          </Button>
        </div>
      )}

      {error !== null && (
        <ErrorBar
          failure={{ error, retry: retry ?? undefined }}
          lang={lang}
          title={t('error.title')}
          dismissLabel={t('error.dismiss')}
          onDismiss={() => {
            setError(null);
            setRetry(null);
          }}
        />
      )}
      {error === null && loadError !== null && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('error.title')}</MessageBarTitle>
            {describeError(loadError, lang)}
          </MessageBarBody>
        </MessageBar>
      )}

      {notice && (
        <MessageBar intent={notice.key === 'rules.exportUnavailable' ? 'warning' : 'success'} layout="multiline">
          <MessageBarBody>{rulesText(notice.key, notice.params)}</MessageBarBody>
          <MessageBarActions
            containerAction={<Button appearance="transparent" icon={<Dismiss20Regular />} aria-label={t('notice.dismiss')} onClick={() => setNotice(null)} />}
          />
        </MessageBar>
      )}

      {problems.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="rules-problems">
          <MessageBarBody>
            <MessageBarTitle>{rulesText('rules.problems', { n: problems.length })}</MessageBarTitle>
            <ul className={styles.problems} aria-label={rulesText('rules.problemsLabel')}>
              {problems.map((p) => (
                <li key={p.key} className={styles.problem}>
                  {p.cell && (
                    <Button
                      appearance="transparent"
                      size="small"
                      onClick={() => select(p.cell as CellRef)}
                      aria-label={rulesText('rules.problemGoto', { where: formatCellRef(p.cell) })}
                    >
                      {formatCellRef(p.cell)}
                    </Button>
                  )}
                  {p.text}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}

      {(patches?.length ?? 0) > 0 && (
        <MessageBar intent="info" layout="multiline" data-testid="rules-pending">
          <MessageBarBody>{rulesText('rules.pending', { n: patches?.length ?? 0 })}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={resetAll}>
              {rulesText('rules.resetAll')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}

      {!loaded && loadError === null && <Spinner size="small" label={rulesText('rules.loading')} />}

      {loaded && (
        <section aria-label={rulesText('rules.listLabel')}>
          <Caption1 className={styles.note} as="p">
            {session ? rulesText('rules.afterCheck') : rulesText('rules.beforeCheck')}
          </Caption1>
          <div className={styles.actions}>
            <SearchBox
              size="small"
              value={filter}
              onChange={(_, d) => setFilter(d.value)}
              placeholder={rulesText('rules.filterPlaceholder')}
              aria-label={rulesText('rules.filter')}
            />
            <Subtitle2 as="h2" role="status" data-testid="rules-count">
              {needle ? rulesText('rules.countFiltered', { shown: shown.length, n: rules.length }) : rulesText('rules.count', { n: rules.length, enabled: enabledCount })}
            </Subtitle2>
          </div>
          {shown.length === 0 ? (
            <Body1 as="p" className={styles.note}>
              {rulesText('rules.noMatch')}
            </Body1>
          ) : (
            <ul className={styles.list} aria-label={rulesText('rules.listLabel')}>
              {shown.map((r) => (
                <RuleRow
                  key={r.id}
                  base={baseById.get(r.id) ?? r}
                  rule={r}
                  pane={paneById.get(r.id)}
                  lang={lang}
                  rulesText={rulesText}
                  onChange={change}
                  onReset={reset}
                  onSelect={select}
                  parseTolerance={parseTolerance}
                />
              ))}
            </ul>
          )}
        </section>
      )}

      <ChecksSection lang={lang} />
    </div>
  );
}
