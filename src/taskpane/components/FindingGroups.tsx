import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Badge,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { NoteEdit20Regular } from '@fluentui/react-icons';
import { memo, useCallback, useMemo, type KeyboardEvent } from 'react';
import type { CellRef, Finding, Lang, Severity } from '../../core/types';
import { formatCellRef, formatValue } from '../format';
import { pick, type MessageKey, type Translate } from '../i18n';
import { explainTranslator, type ExplainTranslate } from '../panels/rules-strings';
import { DetailsDisclosure } from './DetailsDisclosure';
import { findingRowButton } from './finding-row-style';
import { VirtualList, type ItemSlot } from './VirtualList';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export const SEVERITY_LABEL: Record<Severity, MessageKey> = {
  error: 'severity.error',
  warning: 'severity.warning',
  info: 'severity.info',
};

const BADGE_COLOR = { error: 'danger', warning: 'warning', info: 'informative' } as const;

export type GroupedFindings = Record<Severity, Finding[]>;

export function groupBySeverity(findings: readonly Finding[]): GroupedFindings {
  const groups: GroupedFindings = { error: [], warning: [], info: [] };
  for (const f of findings) (groups[f.severity] ?? groups.info).push(f);
  return groups;
}

/**
 * Whether a finding can get a 核实说明: not an error. The same rule as core/explanations
 * canExplain, kept here so the pane's first load does not need that module.
 */
export function canExplainFinding(f: Finding): boolean {
  return f.severity !== 'error';
}

/** Findings still open (not explained) and explained, per severity. */
export function openCounts(groups: GroupedFindings): { open: Record<Severity, number>; explained: number } {
  const open = { error: 0, warning: 0, info: 0 };
  let explained = 0;
  for (const s of SEVERITIES) {
    for (const f of groups[s]) {
      if (f.explanation && canExplainFinding(f)) explained++;
      else open[s]++;
    }
  }
  return { open, explained };
}

const useStyles = makeStyles({
  item: {
    display: 'flex',
    alignItems: 'flex-start',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  /** The row's button and, under it, the folded technical details. */
  main: { display: 'flex', flexDirection: 'column', flexGrow: 1, minWidth: 0 },
  row: { ...findingRowButton, display: 'block', flexGrow: 1, minWidth: 0 },
  error: { borderLeftColor: tokens.colorStatusDangerBorder2 },
  warning: { borderLeftColor: tokens.colorStatusWarningBorder2 },
  info: { borderLeftColor: tokens.colorPaletteBlueBorderActive },
  address: {
    display: 'block',
    fontWeight: tokens.fontWeightSemibold,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    overflowWrap: 'anywhere',
  },
  message: { display: 'block', overflowWrap: 'anywhere' },
  headerText: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  explained: { borderLeftColor: tokens.colorPaletteGreenBorder2 },
  explanation: {
    display: 'block',
    marginTop: tokens.spacingVerticalXXS,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorPaletteGreenForeground1,
    overflowWrap: 'anywhere',
  },
  badge: { marginInlineEnd: tokens.spacingHorizontalXS },
  /** Indented to the message's text: the button's left border plus its padding. */
  technical: {
    paddingInlineStart: `calc(${tokens.strokeWidthThicker} + ${tokens.spacingHorizontalS})`,
    paddingInlineEnd: tokens.spacingHorizontalS,
    paddingBottom: tokens.spacingVerticalS,
  },
  action: { flexShrink: 0, marginTop: tokens.spacingVerticalXS, marginInlineEnd: tokens.spacingHorizontalXS },
});

/**
 * "数值 12, 13 · 期望 25 · 差额 -1", or '' when the finding carries none of them: the values in
 * base units (a rate as a fraction), technical detail shown under 详情 after the finding's own.
 */
export function findingDetails(f: Finding, lang: Lang, t: Translate): string {
  const parts: string[] = [];
  if (f.values && f.values.length > 0) {
    parts.push(`${t('finding.values')} ${f.values.map((v) => formatValue(v, lang)).join(', ')}`);
  }
  if (f.expected !== undefined) parts.push(`${t('finding.expected')} ${formatValue(f.expected, lang)}`);
  if (f.difference !== undefined && f.difference !== null) {
    parts.push(`${t('finding.difference')} ${formatValue(f.difference, lang)}`);
  }
  return parts.join(' · ');
}

interface RowProps {
  finding: Finding;
  /** Place in the list (aria-posinset/-setsize) and, in a windowed list, the measuring ref and position. */
  slot: ItemSlot;
  lang: Lang;
  t: Translate;
  et: ExplainTranslate;
  onSelect: (ref: CellRef) => void;
  onExplain?: (finding: Finding) => void;
}

const FindingRow = memo(function FindingRow({ finding, slot, lang, t, et, onSelect, onExplain }: RowProps) {
  const styles = useStyles();
  const cell = finding.cells[0];
  const address = cell ? formatCellRef(cell) : '';
  const message = pick(finding.message, lang);
  // The clerk's sentence shows; the rule, the arithmetic and the raw values fold under 详情.
  const raw = findingDetails(finding, lang, t);
  const technical = finding.details ? pick(finding.details, lang) : raw;
  const more = finding.details && raw ? [raw] : [];
  const explainable = canExplainFinding(finding);
  const explanation = explainable && finding.explanation ? finding.explanation : '';
  const where = address || message;
  const activate = (): void => {
    if (cell) onSelect(cell);
  };
  // A native <button> already fires click on Enter and Space; the handler keeps that behaviour
  // explicit (and testable) and stops the Accordion from treating the keys as its own.
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>): void => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      activate();
    }
  };
  return (
    <li {...slot} className={styles.item} data-explained={explanation ? 'true' : undefined}>
      <div className={styles.main}>
        <button
          type="button"
          className={mergeClasses(styles.row, styles[finding.severity], explanation && styles.explained)}
          onClick={activate}
          onKeyDown={onKeyDown}
          disabled={!cell}
          aria-label={[cell ? `${t('finding.goto')} ${address}` : '', message, explanation ? `${et('explain.badge')}: ${explanation}` : '']
            .filter(Boolean)
            .join('. ')}
          data-rule={finding.ruleId}
        >
          {address && <span className={styles.address}>{address}</span>}
          <span className={styles.message}>{message}</span>
          {explanation && (
            <span className={styles.explanation} data-testid="explanation">
              <Badge appearance="filled" color="success" size="small" className={styles.badge}>
                {et('explain.badge')}
              </Badge>
              {/* The user's own words, whole: never through a template (templates cut long quotes). */}
              {et('explain.label')}
              {explanation}
            </span>
          )}
        </button>
        {/* Outside the button: a disclosure inside a button could not be opened on its own. */}
        {technical && <DetailsDisclosure text={technical} more={more} label={t('finding.technical')} className={styles.technical} />}
      </div>
      {onExplain && explainable && (
        <Button
          className={styles.action}
          size="small"
          appearance="subtle"
          icon={<NoteEdit20Regular />}
          onClick={() => onExplain(finding)}
          aria-label={et(explanation ? 'explain.editLabel' : 'explain.actionLabel', { where })}
          aria-haspopup="dialog"
          data-action="explain"
        >
          {et('explain.action')}
        </Button>
      )}
    </li>
  );
});

interface GroupListProps {
  severity: Severity;
  findings: Finding[];
  lang: Lang;
  t: Translate;
  et: ExplainTranslate;
  onSelect: (ref: CellRef) => void;
  onExplain?: (finding: Finding) => void;
}

/** One severity's findings; long groups are windowed (see VirtualList). */
function GroupList({ severity, findings, lang, t, et, onSelect, onExplain }: GroupListProps) {
  const renderItem = useCallback(
    (f: Finding, _i: number, slot: ItemSlot) => (
      <FindingRow finding={f} slot={slot} lang={lang} t={t} et={et} onSelect={onSelect} onExplain={onExplain} />
    ),
    [lang, t, et, onSelect, onExplain],
  );
  return (
    <VirtualList
      items={findings}
      label={t('finding.listLabel', { group: t(SEVERITY_LABEL[severity]) })}
      renderItem={renderItem}
      scrollerProps={{ 'data-testid': `findings-${severity}` }}
    />
  );
}

interface FindingGroupsProps {
  groups: GroupedFindings;
  lang: Lang;
  t: Translate;
  onSelect: (ref: CellRef) => void;
  /** When given, warnings and notes get a 说明 action (errors never do). */
  onExplain?: (finding: Finding) => void;
}

/**
 * Findings in one collapsible section per severity, errors first; empty severities are left out.
 * A group's count is of its open findings; explained ones stay listed with a 已说明 badge.
 */
export function FindingGroups({ groups, lang, t, onSelect, onExplain }: FindingGroupsProps) {
  const styles = useStyles();
  const et = useMemo(() => explainTranslator(lang), [lang]);
  const present = SEVERITIES.filter((s) => groups[s].length > 0);
  const explained = useMemo(() => {
    const n = { error: 0, warning: 0, info: 0 };
    for (const s of SEVERITIES) for (const f of groups[s]) if (f.explanation && canExplainFinding(f)) n[s]++;
    return n;
  }, [groups]);
  return (
    <Accordion multiple collapsible defaultOpenItems={present}>
      {present.map((severity) => (
        <AccordionItem key={severity} value={severity} data-severity={severity}>
          <AccordionHeader as="h3" size="medium">
            <span className={styles.headerText}>
              {t(SEVERITY_LABEL[severity])}
              <Badge appearance="tint" color={BADGE_COLOR[severity]} data-testid={`count-${severity}`}>
                {groups[severity].length - explained[severity]}
              </Badge>
              {explained[severity] > 0 && (
                <Badge appearance="tint" color="success" data-testid={`explained-${severity}`}>
                  {et('explain.explained', { n: explained[severity] })}
                </Badge>
              )}
            </span>
          </AccordionHeader>
          <AccordionPanel>
            <GroupList severity={severity} findings={groups[severity]} lang={lang} t={t} et={et} onSelect={onSelect} onExplain={onExplain} />
          </AccordionPanel>
        </AccordionItem>
      ))}
    </Accordion>
  );
}
