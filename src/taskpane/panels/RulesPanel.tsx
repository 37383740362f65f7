// The 规则 tab: every rule in effect (built-in pack, imported rule file, the workbook's 校验规则
// sheet as read by the last check), with session overrides (enable/disable, severity, tolerance)
// that travel to the next check as CheckOptions.rulePatches; creating the 校验规则 sheet; importing
// and exporting a rule file. The rules module (parser, pack, YAML) is loaded on first use, never
// with the pane.
import {
  Badge,
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  SearchBox,
  Select,
  Spinner,
  Subtitle2,
  Switch,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import {
  ArrowDownload20Regular,
  ArrowReset20Regular,
  ArrowUpload20Regular,
  Delete20Regular,
  Dismiss20Regular,
  TableAdd20Regular,
} from '@fluentui/react-icons';
import { memo, useCallback, useEffect, useMemo, useRef, useState, type ChangeEvent, type KeyboardEvent } from 'react';
import { BilingualError } from '../../core/errors';
import type { Rule, RulePatch, RuleSet, RuleSource } from '../../core/rules/types';
import type { CellRef, CellValue, Finding, Lang, Severity, SheetGrid } from '../../core/types';
import { canWriteRulesSheet } from '../capabilities';
import { ErrorBar, type Retry } from '../components/ErrorBar';
import { describeError, formatCellRef } from '../format';
import { downloadBlob } from '../download';
import { pick } from '../i18n';
import type { PanelProps, SessionOptions } from '../session';
import { rulesTranslator, type RulesKey, type RulesTranslate } from './rules-strings';
import { RULES_SHEET } from '../../core/sheet-names';

type RulesModule = typeof import('../../core/rules');

/** The sheet users write rules in (core/sheet-names.ts). */
export { RULES_SHEET };
/** File name of an export. */
export const EXPORT_FILE_NAME = '校验规则.json';
/** Largest rule file the pane reads. */
const MAX_FILE_BYTES = 1024 * 1024;

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
const SOURCE_KEY: Record<RuleSource, RulesKey> = {
  pack: 'rules.source.pack',
  file: 'rules.source.file',
  sheet: 'rules.source.sheet',
  pane: 'rules.source.pane',
};
const SOURCE_COLOR = { pack: 'informative', file: 'brand', sheet: 'success', pane: 'warning' } as const;

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
    super({ 'zh-CN': rulesTranslator('zh-CN')(key, params), 'en-US': rulesTranslator('en-US')(key, params) });
    this.name = 'PaneError';
  }
}

// ---------------------------------------------------------------------------------------------
// Pane overrides

type PatchChange = { enabled?: boolean; severity?: Severity; tolerance?: number | null };

/** The options with the patch of `base.id` changed; a field equal to the source's value is dropped. */
export function withRuleChange(options: SessionOptions, base: Rule, change: PatchChange): SessionOptions {
  const list = options.rulePatches ?? [];
  const prev = list.find((p) => p.id === base.id);
  const next: RulePatch = { ...prev, id: base.id, source: 'pane' };
  if (change.enabled !== undefined) {
    if (change.enabled === base.enabled) delete next.enabled;
    else next.enabled = change.enabled;
  }
  if (change.severity !== undefined) {
    if (change.severity === base.severity) delete next.severity;
    else next.severity = change.severity;
  }
  if (change.tolerance !== undefined) {
    if (change.tolerance === null || change.tolerance === base.tolerance) delete next.tolerance;
    else next.tolerance = change.tolerance;
  }
  const rest = list.filter((p) => p.id !== base.id);
  const changed = next.enabled !== undefined || next.severity !== undefined || next.tolerance !== undefined;
  return withPatches(options, changed ? [...rest, next] : rest);
}

function withPatches(options: SessionOptions, patches: RulePatch[]): SessionOptions {
  const { rulePatches: _old, ...rest } = options;
  return patches.length > 0 ? { ...rest, rulePatches: patches } : rest;
}

function withoutFile(options: SessionOptions): SessionOptions {
  const { rules: _old, ...rest } = options;
  return rest;
}

function formatTolerance(v: number | undefined, lang: Lang): string {
  if (v === undefined) return '';
  return Number(v.toPrecision(12)).toLocaleString(lang, { maximumFractionDigits: 12, useGrouping: false });
}

function fileFormat(name: string, text: string): 'json' | 'yaml' {
  if (/\.json$/i.test(name)) return 'json';
  if (/\.ya?ml$/i.test(name)) return 'yaml';
  return /^\uFEFF?\s*[{[]/.test(text) ? 'json' : 'yaml';
}

function readAsText(file: File): Promise<string> {
  if (typeof file.text === 'function') return file.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsText(file, 'utf-8');
  });
}

/** Downloads text as a JSON file; false where that is impossible. */
function download(text: string, name: string): boolean {
  return downloadBlob(text, name, 'application/json;charset=utf-8');
}

/** The rule file to export: own rules as they apply now, plus pack rules changed by a file or the pane. */
export function exportObject(mod: RulesModule, effective: RuleSet): Record<string, unknown> | null {
  const obj = mod.ruleFileObject(effective);
  const rules = obj.rules as unknown[];
  for (const r of effective.rules) {
    if (r.source !== 'pack' || (r.patchedBy !== 'file' && r.patchedBy !== 'pane')) continue;
    const entry: Record<string, unknown> = { id: r.id, severity: r.severity, enabled: r.enabled };
    if (r.tolerance !== undefined) entry.tolerance = r.tolerance;
    rules.push(entry);
  }
  return rules.length > 0 ? obj : null;
}

// ---------------------------------------------------------------------------------------------
// Styles

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM },
  intro: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  note: { color: tokens.colorNeutralForeground3 },
  list: { listStyleType: 'none', margin: 0, padding: 0 },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  off: { color: tokens.colorNeutralForegroundDisabled },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  id: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  expr: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere', color: tokens.colorNeutralForeground2 },
  controls: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  tolerance: { width: '10em' },
  nowrap: { whiteSpace: 'nowrap' },
  problems: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  problem: { overflowWrap: 'anywhere' },
  hidden: { display: 'none' },
});

// ---------------------------------------------------------------------------------------------
// One rule

interface RuleRowProps {
  base: Rule;
  rule: Rule;
  pane: RulePatch | undefined;
  lang: Lang;
  rulesText: RulesTranslate;
  onChange: (base: Rule, change: PatchChange) => void;
  onReset: (id: string) => void;
  onSelect: (ref: CellRef) => void;
  parseTolerance: (v: unknown) => number | undefined;
}

const RuleRow = memo(function RuleRow({ base, rule, pane, lang, rulesText, onChange, onReset, onSelect, parseTolerance }: RuleRowProps) {
  const styles = useStyles();
  const name = pick(rule.name, lang);
  const paneTolerance = pane?.tolerance !== undefined ? formatTolerance(pane.tolerance, lang) : '';
  const [tolerance, setTolerance] = useState(paneTolerance);
  const [invalid, setInvalid] = useState(false);
  useEffect(() => {
    setTolerance(paneTolerance);
    setInvalid(false);
  }, [paneTolerance]);

  const commitTolerance = (): void => {
    const text = tolerance.trim();
    if (text === '') {
      setInvalid(false);
      if (pane?.tolerance !== undefined) onChange(base, { tolerance: null });
      return;
    }
    const v = parseTolerance(text);
    if (v === undefined) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    if (v !== pane?.tolerance) onChange(base, { tolerance: v });
  };
  const onToleranceKey = (e: KeyboardEvent<HTMLInputElement>): void => {
    if (e.key === 'Enter') commitTolerance();
    if (e.key === 'Escape') {
      setTolerance(paneTolerance);
      setInvalid(false);
    }
  };
  const expr = rule.origin?.cells.expr ?? rule.origin?.cells.id;
  const originRef: CellRef | undefined = rule.origin && expr ? { sheet: rule.origin.sheet, address: expr } : undefined;

  return (
    <li className={mergeClasses(styles.item, !rule.enabled && styles.off)} data-rule-id={rule.id} data-source={rule.source}>
      <div className={styles.head}>
        <span className={styles.id}>{rule.id}</span>
        <Badge appearance="tint" size="small" color={SOURCE_COLOR[rule.source]} data-testid="rule-source">
          {rulesText(SOURCE_KEY[rule.source])}
        </Badge>
        {base.patchedBy && (
          <Badge appearance="outline" size="small" color="informative" data-testid="rule-patched">
            {rulesText('rules.patchedBy', { source: rulesText(SOURCE_KEY[base.patchedBy]) })}
          </Badge>
        )}
        {pane && (
          <Badge appearance="filled" size="small" color="warning" data-testid="rule-pane">
            {rulesText('rules.changedInPane')}
          </Badge>
        )}
        {originRef && (
          <Button appearance="transparent" size="small" onClick={() => onSelect(originRef)} aria-label={rulesText('rules.problemGoto', { where: formatCellRef(originRef) })}>
            {formatCellRef(originRef)}
          </Button>
        )}
      </div>
      {name && name !== rule.id && <Text size={300}>{name}</Text>}
      <code className={styles.expr}>{rule.expr}</code>
      <div className={styles.controls}>
        <Switch
          checked={rule.enabled}
          label={rule.enabled ? rulesText('rules.on') : rulesText('rules.off')}
          aria-label={rulesText('rules.enabledLabel', { id: rule.id })}
          onChange={(_, d) => onChange(base, { enabled: d.checked })}
        />
        <Select
          size="small"
          value={rule.severity}
          aria-label={rulesText('rules.severityLabel', { id: rule.id })}
          onChange={(_, d) => onChange(base, { severity: d.value as Severity })}
        >
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {rulesText(`rules.severity.${s}` as RulesKey)}
            </option>
          ))}
        </Select>
        <Field
          size="small"
          validationState={invalid ? 'error' : 'none'}
          validationMessage={invalid ? rulesText('rules.toleranceInvalid', { id: rule.id, value: tolerance }) : undefined}
        >
          <Input
            size="small"
            className={styles.tolerance}
            value={tolerance}
            placeholder={base.tolerance !== undefined ? formatTolerance(base.tolerance, lang) : rulesText('rules.toleranceAuto')}
            aria-label={rulesText('rules.toleranceLabel', { id: rule.id })}
            contentBefore={<Caption1 className={styles.nowrap}>{rulesText('rules.tolerance')}</Caption1>}
            onChange={(_, d) => setTolerance(d.value)}
            onBlur={commitTolerance}
            onKeyDown={onToleranceKey}
          />
        </Field>
        {pane && (
          <Button size="small" appearance="subtle" icon={<ArrowReset20Regular />} aria-label={rulesText('rules.resetLabel', { id: rule.id })} onClick={() => onReset(rule.id)}>
            {rulesText('rules.reset')}
          </Button>
        )}
      </div>
    </li>
  );
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
    </div>
  );
}
