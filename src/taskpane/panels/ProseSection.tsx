// 报告文本 of the 汇总表 tab: paste a report's prose (or open it from a .txt, .docx or .pdf file),
// 核对 → total-with-breakdown claims with verdicts, figures stated twice with different values,
// and (after a check) the text's figures beside the sheet's value of the same indicator and year.
// core/text and the file readers (hosts/docs: JSZip for Word, PDF.js for PDF) are loaded with
// import() when first used, so the pane's first load does not carry them.
import {
  Body1,
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Subtitle2,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import {
  CheckmarkCircle16Filled,
  Dismiss20Regular,
  DocumentSearch20Regular,
  ErrorCircle16Filled,
  FolderOpen20Regular,
  Info16Filled,
  Warning16Filled,
} from '@fluentui/react-icons';
import { useCallback, useEffect, useMemo, useRef, useState, type ChangeEvent, type ReactElement } from 'react';
import { BilingualError } from '../../core/errors';
import type { WorkbookModel } from '../../core/checks/context';
import type { Observation } from '../../core/model';
import type { Claim, ReportTextResult, SheetMatch, Verdict } from '../../core/text';
import type { Finding, Lang, SheetGrid } from '../../core/types';
import { formatNumber } from '../../core/numerals';
import { describeError, formatCellRef } from '../format';
import { DetailsDisclosure } from '../components/DetailsDisclosure';
import { paneMessage, pick, translate } from '../i18n';
import type { SummaryKey, SummaryTranslate } from './summary-strings';

type TextModule = typeof import('../../core/text');
type Tone = 'ok' | 'error' | 'warning' | 'info';

/** How each verdict shows: a tone (colour) and an icon, always with its label (never colour alone). */
export const VERDICT_TONE: Record<Verdict, Tone> = {
  ok: 'ok',
  exceeds: 'error',
  short: 'error',
  'short-partial': 'warning',
  overlap: 'warning',
  'mixed-units': 'warning',
  approx: 'info',
};

const MATCH_TONE: Record<SheetMatch['status'], Tone> = { equal: 'ok', differs: 'warning', approx: 'info', ambiguous: 'info' };

const ICONS: Record<Tone, (props: { className?: string; 'aria-hidden'?: boolean }) => ReactElement> = {
  ok: (p) => <CheckmarkCircle16Filled {...p} />,
  error: (p) => <ErrorCircle16Filled {...p} />,
  warning: (p) => <Warning16Filled {...p} />,
  info: (p) => <Info16Filled {...p} />,
};

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    '& h3, & p': { margin: 0 },
  },
  muted: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  scroller: {
    overflowX: 'auto',
    maxWidth: '100%',
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  table: {
    borderCollapse: 'collapse',
    fontSize: tokens.fontSizeBase200,
    '& th, & td': {
      border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
      padding: `2px ${tokens.spacingHorizontalXS}`,
      verticalAlign: 'top',
      textAlign: 'left',
    },
    '& th': { backgroundColor: tokens.colorNeutralBackground3, fontWeight: tokens.fontWeightSemibold, whiteSpace: 'nowrap' },
  },
  excerpt: { minWidth: '12em', maxWidth: '22em' },
  nowrap: { whiteSpace: 'nowrap' },
  label: { minWidth: '8em' },
  num: { whiteSpace: 'nowrap', textAlign: 'right' },
  status: { display: 'inline-flex', alignItems: 'center', gap: '2px', whiteSpace: 'nowrap' },
  ok: { color: tokens.colorPaletteGreenForeground1 },
  error: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorNeutralForeground3 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  warningItem: { display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'flex-start', listStyleType: 'none' },
  hidden: { display: 'none' },
});

/** Report files the 打开文件 button offers: plain text, Word, PDF. */
const REPORT_ACCEPT = '.txt,.docx,.pdf,text/plain,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** Larger files are refused before they are read into the pane's memory. */
export const MAX_REPORT_FILE_BYTES = 50 * 1024 * 1024;


/** A picked file's bytes: Blob.arrayBuffer, or FileReader where a webview lacks it. */
function fileBytes(file: File): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === 'function') return file.arrayBuffer().then((b) => new Uint8Array(b));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsArrayBuffer(file);
  });
}

/** The file the text in the box came from. */
interface Source {
  name: string;
  /** A Word document's tables, as sheets (`报告.docx 表1`…): checked with the text, by the engine. */
  tables: SheetGrid[];
  /** Pages of a PDF. */
  pages?: number;
}

function showObservation(o: Observation): string {
  if (o.value === undefined) return '—';
  return o.kind === 'rate' ? `${formatNumber(o.value * 100)}%` : formatNumber(o.value);
}

function Status({ tone, label, styles }: { tone: Tone; label: string; styles: ReturnType<typeof useStyles> }) {
  const Icon = ICONS[tone];
  return (
    <span className={`${styles.status} ${styles[tone]}`} data-tone={tone}>
      <Icon aria-hidden />
      {label}
    </span>
  );
}

export interface ProseSectionProps {
  lang: Lang;
  st: SummaryTranslate;
  /** The engine's model of the last checked workbook; null before a check. */
  model: WorkbookModel | null;
}

interface Checked {
  mod: TextModule;
  result: ReportTextResult;
  name: string;
  /** Findings in the document's tables (the same checks as a workbook's sheets). */
  tableFindings: Finding[];
}

export function ProseSection({ lang, st, model }: ProseSectionProps) {
  const styles = useStyles();
  const [text, setText] = useState('');
  const [checked, setChecked] = useState<Checked | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [period, setPeriod] = useState('');
  const [entity, setEntity] = useState('');
  const [source, setSource] = useState<Source | null>(null);
  const [reading, setReading] = useState(false);
  const [fileError, setFileError] = useState<unknown>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const periods = useMemo(() => (model ? [...new Set(model.observations.map((o) => o.period))].filter(Boolean).sort() : []), [model]);
  const entities = useMemo(() => (model ? [...new Set(model.observations.map((o) => o.entity))].filter(Boolean) : []), [model]);
  const usedPeriod = periods.includes(period) ? period : periods[periods.length - 1];
  const usedEntity = entities.length > 1 && entities.includes(entity) ? entity : undefined;

  const check = useCallback(async () => {
    if (!text.trim()) return;
    setBusy(true);
    setError(null);
    try {
      const mod = await import(/* webpackChunkName: "report-text" */ '../../core/text');
      // Findings name the file the text came from, or 报告文本 for pasted text.
      const name = source?.name ?? st('prose.reportName');
      const result = mod.checkReportText(text, name);
      // A Word document's tables: checked like the sheets of a workbook, by the engine (its own
      // lazy chunk), as the command line and the web checker check them.
      let tableFindings: Finding[] = [];
      if (source && source.tables.length > 0) {
        const engine = await import(/* webpackChunkName: "check-engine" */ '../../core/engine');
        tableFindings = engine.checkWorkbook({ name: source.name, sheets: source.tables }, { history: false }).findings;
      }
      if (mounted.current) setChecked({ mod, result, name, tableFindings });
    } catch (e) {
      if (mounted.current) {
        setChecked(null);
        setError(e);
      }
    } finally {
      if (mounted.current) setBusy(false);
    }
  }, [text, st, source]);

  // 打开文件: the file's text goes into the box, one paragraph a line (a PDF's wrapped lines put
  // back together), and replaces what was there; the results of an earlier check are cleared.
  const openFile = useCallback(async (file: File) => {
    setReading(true);
    setFileError(null);
    setError(null);
    try {
      if (file.size > MAX_REPORT_FILE_BYTES) {
        const mb = Math.ceil(file.size / 1024 / 1024);
        const max = MAX_REPORT_FILE_BYTES / 1024 / 1024;
        throw new BilingualError(paneMessage('prose.fileTooBig', { name: file.name, mb, max }));
      }
      const bytes = await fileBytes(file);
      const [mod, pdf] = await Promise.all([
        import(/* webpackChunkName: "report-read" */ '../../hosts/docs/read-report'),
        import(/* webpackChunkName: "report-read" */ '../../hosts/docs/pdfjs-browser'),
      ]);
      const doc = await mod.readReport(bytes, file.name, { pdfjs: pdf.browserPdfjs });
      if (!mounted.current) return;
      setText(doc.text);
      setChecked(null);
      setSource({ name: file.name, tables: doc.tables, ...(doc.pages !== undefined ? { pages: doc.pages } : {}) });
    } catch (e) {
      if (mounted.current) setFileError(e);
    } finally {
      if (mounted.current) setReading(false);
    }
  }, []);

  const onFile = (e: ChangeEvent<HTMLInputElement>): void => {
    const input = e.currentTarget;
    const picked = input.files?.[0];
    input.value = ''; // the same file can be picked again
    if (picked) void openFile(picked);
  };

  const sheet = useMemo(() => {
    if (!checked || !model || usedPeriod === undefined) return null;
    try {
      return checked.mod.compareWithSheet(checked.result.mentions, model.rows.values(), model.observations, {
        period: usedPeriod,
        entity: usedEntity,
        report: checked.name,
      });
    } catch {
      return null; // the comparison is extra: the prose results stand without it
    }
  }, [checked, model, usedPeriod, usedEntity]);

  const byMention = useMemo(() => {
    const map = new Map<number, SheetMatch[]>();
    for (const m of sheet?.matches ?? []) {
      const list = map.get(m.mention.index);
      if (list) list.push(m);
      else map.set(m.mention.index, [m]);
    }
    return map;
  }, [sheet]);

  const result = checked?.result;
  const claims = result?.claims ?? [];
  const count = (vs: Verdict[]) => claims.filter((c) => vs.includes(c.verdict)).length;
  const warnings = [
    ...(result?.findings.filter((f) => f.ruleId === 'text.repeated-figure') ?? []),
    ...(sheet?.findings ?? []),
  ];

  const matchText = (m: SheetMatch): string => {
    const cell = formatCellRef({ sheet: m.observation.sheet, address: m.observation.address });
    return `${cell} ${showObservation(m.observation)}`;
  };

  const sheetCell = (c: Claim) => {
    const items = [c.total, ...c.parts].flatMap((item) => (byMention.get(item.mention) ?? []).map((m) => ({ item, m })));
    if (items.length === 0) return <span className={styles.info}>{st('prose.noSheetMatch')}</span>;
    return items.map(({ item, m }, k) => (
      <div key={k} className={styles.nowrap}>
        {`${item.label || m.row.label} ${item.text} · ${matchText(m)} `}
        <Status tone={MATCH_TONE[m.status]} label={st(`prose.match.${m.status}` as SummaryKey)} styles={styles} />
      </div>
    ));
  };

  return (
    <div className={styles.root}>
      <Body1 as="p" className={styles.muted}>
        {st('prose.intro')}
      </Body1>
      <div className={styles.actions}>
        <Button icon={<FolderOpen20Regular />} onClick={() => fileInput.current?.click()} disabled={busy || reading} aria-label={st('prose.openLabel')}>
          {reading ? st('prose.opening') : st('prose.open')}
        </Button>
        <input
          ref={fileInput}
          type="file"
          accept={REPORT_ACCEPT}
          className={styles.hidden}
          tabIndex={-1}
          aria-hidden="true"
          data-testid="prose-file-input"
          onChange={onFile}
        />
      </div>
      {source && (
        <Body1 as="p" className={styles.muted} data-testid="prose-source">
          {source.pages !== undefined ? st('prose.loadedPdf', { name: source.name, pages: source.pages }) : st('prose.loaded', { name: source.name })}
          {source.tables.length > 0 ? ` ${st('prose.loadedTables', { tables: source.tables.length })}` : ''}
        </Body1>
      )}
      {fileError !== null && (
        <MessageBar intent="error" data-testid="prose-file-error">
          <MessageBarBody>
            <MessageBarTitle>{st('prose.fileError')}</MessageBarTitle>
            {describeError(fileError, lang)}
          </MessageBarBody>
        </MessageBar>
      )}
      <Field label={st('prose.textLabel')}>
        <Textarea
          value={text}
          onChange={(_, d) => setText(d.value)}
          placeholder={st('prose.placeholder')}
          resize="vertical"
          rows={6}
          data-testid="prose-text"
        />
      </Field>
      {model ? (
        <div className={styles.actions}>
          <Field label={st('prose.period')}>
            <Select value={usedPeriod ?? ''} onChange={(_, d) => setPeriod(d.value)} data-testid="prose-period">
              {periods.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </Select>
          </Field>
          {entities.length > 1 && (
            <Field label={st('prose.entity')}>
              <Select value={usedEntity ?? ''} onChange={(_, d) => setEntity(d.value)} data-testid="prose-entity">
                <option value="">{st('prose.entityAll')}</option>
                {entities.map((e) => (
                  <option key={e} value={e}>
                    {e}
                  </option>
                ))}
              </Select>
            </Field>
          )}
        </div>
      ) : (
        <Body1 as="p" className={styles.muted}>
          {st('prose.sheetHint')}
        </Body1>
      )}
      <div className={styles.actions}>
        <Button
          appearance="primary"
          icon={<DocumentSearch20Regular />}
          onClick={() => void check()}
          disabled={busy || !text.trim()}
          aria-label={st('prose.checkLabel')}
        >
          {busy ? st('prose.checking') : st('prose.check')}
        </Button>
        <Button
          icon={<Dismiss20Regular />}
          onClick={() => {
            setText('');
            setChecked(null);
            setError(null);
            setSource(null);
            setFileError(null);
          }}
          disabled={busy || (!text && !checked && !source)}
          aria-label={st('prose.clearLabel')}
        >
          {st('prose.clear')}
        </Button>
      </div>
      {!text.trim() && !checked && (
        <Body1 as="p" className={styles.muted}>
          {st('prose.empty')}
        </Body1>
      )}
      {error !== null && (
        <MessageBar intent="error" data-testid="prose-error">
          <MessageBarBody>
            <MessageBarTitle>{st('prose.error')}</MessageBarTitle>
            {describeError(error, lang)}
          </MessageBarBody>
        </MessageBar>
      )}

      {checked && result && (
        <>
          <Body1 as="p" data-testid="prose-stats">
            {result.mentions.length === 0
              ? st('prose.noMentions')
              : st('prose.stats', {
                  mentions: result.mentions.length,
                  claims: claims.length,
                  ok: count(['ok']),
                  bad: count(['exceeds', 'short']),
                  check: count(['short-partial', 'overlap', 'mixed-units']),
                  skip: count(['approx']),
                })}
          </Body1>

          <Subtitle2 as="h3">{st('prose.claims')}</Subtitle2>
          {claims.length === 0 ? (
            <Body1 as="p" className={styles.muted}>
              {st('prose.noClaims')}
            </Body1>
          ) : (
            <div className={styles.scroller} role="region" aria-label={st('prose.claimsLabel')} tabIndex={0}>
              <table className={styles.table} data-testid="prose-claims">
                <thead>
                  <tr>
                    <th scope="col">{st('prose.col.line')}</th>
                    <th scope="col">{st('prose.col.verdict')}</th>
                    <th scope="col">{st('prose.col.total')}</th>
                    <th scope="col">{st('prose.col.sum')}</th>
                    <th scope="col">{st('prose.col.parts')}</th>
                    {model && <th scope="col">{st('prose.col.sheet')}</th>}
                    <th scope="col">{st('prose.col.text')}</th>
                  </tr>
                </thead>
                <tbody>
                  {claims.map((c, i) => (
                    <tr key={i} data-verdict={c.verdict}>
                      <td className={styles.nowrap}>{st('prose.lineN', { line: c.line })}</td>
                      <td data-col="verdict">
                        <Status tone={VERDICT_TONE[c.verdict]} label={st(`prose.verdict.${c.verdict}` as SummaryKey)} styles={styles} />
                      </td>
                      <td className={styles.label} data-col="total">
                        {c.total.label ? `${c.total.label} ` : ''}
                        {c.total.text}
                      </td>
                      <td className={styles.num} data-col="sum">
                        {c.sum === null ? '—' : checked.mod.showValue(c.sum, c.total.unit, c.total.text)}
                      </td>
                      <td data-col="parts">
                        {c.parts.map((p, k) => (
                          <div key={k} className={styles.label}>
                            {`${p.label} ${p.text}`}
                          </div>
                        ))}
                      </td>
                      {model && <td data-col="sheet">{sheetCell(c)}</td>}
                      <td className={styles.excerpt}>{c.text}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}

          {checked && source && source.tables.length > 0 && (
            <>
              <Subtitle2 as="h3">{st('prose.tablesHeading', { n: checked.tableFindings.length })}</Subtitle2>
              {checked.tableFindings.length === 0 ? (
                <Body1 as="p" className={styles.muted} data-testid="prose-tables-clean">
                  {st('prose.tablesClean')}
                </Body1>
              ) : (
                <ul className={styles.list} aria-label={st('prose.tablesLabel')} data-testid="prose-table-findings">
                  {checked.tableFindings.map((f, i) => (
                    <li key={i} className={styles.warningItem} data-rule={f.ruleId} data-severity={f.severity}>
                      <Status tone={f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'info'} label="" styles={styles} />
                      <div>
                        {pick(f.message, lang)}
                        {f.cells[0] ? ` (${formatCellRef(f.cells[0])})` : ''}
                        {f.details && <DetailsDisclosure text={pick(f.details, lang)} label={translate(lang, 'finding.technical')} />}
                      </div>
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}

          {warnings.length > 0 && (
            <>
              <Subtitle2 as="h3">{st('prose.warnings')}</Subtitle2>
              <ul className={styles.list} aria-label={st('prose.warningsLabel')} data-testid="prose-warnings">
                {warnings.map((f, i) => (
                  <li key={i} className={styles.warningItem} data-rule={f.ruleId}>
                    <Status tone="warning" label="" styles={styles} />
                    <div>
                      {pick(f.message, lang)}
                      {f.details && <DetailsDisclosure text={pick(f.details, lang)} label={translate(lang, 'finding.technical')} />}
                    </div>
                  </li>
                ))}
              </ul>
            </>
          )}

          {model && sheet && (
            <>
              <Subtitle2 as="h3">{st('prose.sheetTable')}</Subtitle2>
              {sheet.matches.length === 0 ? (
                <Body1 as="p" className={styles.muted} data-testid="prose-no-sheet">
                  {st('prose.noSheetMatches')}
                </Body1>
              ) : (
                <div className={styles.scroller} role="region" aria-label={st('prose.sheetTableLabel')} tabIndex={0}>
                  <table className={styles.table} data-testid="prose-sheet">
                    <thead>
                      <tr>
                        <th scope="col">{st('prose.col.line')}</th>
                        <th scope="col">{st('prose.col.textValue')}</th>
                        <th scope="col">{st('prose.col.sheetValue')}</th>
                        <th scope="col">{st('prose.col.status')}</th>
                        <th scope="col">{st('prose.col.sheetCell')}</th>
                        <th scope="col">{st('prose.col.text')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {sheet.matches.map((m, i) => (
                        <tr key={i} data-status={m.status}>
                          <td className={styles.nowrap}>{st('prose.lineN', { line: m.mention.line })}</td>
                          <td className={styles.num}>{m.mention.text}</td>
                          <td className={styles.num}>{showObservation(m.observation)}</td>
                          <td>
                            <Status tone={MATCH_TONE[m.status]} label={st(`prose.match.${m.status}` as SummaryKey)} styles={styles} />
                          </td>
                          <td className={styles.nowrap}>{formatCellRef({ sheet: m.observation.sheet, address: m.observation.address })}</td>
                          <td className={styles.excerpt}>{m.mention.phrase || m.row.label}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </>
          )}
        </>
      )}
    </div>
  );
}
