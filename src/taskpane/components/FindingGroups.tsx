import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Badge,
  createFocusOutlineStyle,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { memo, useState, type KeyboardEvent } from 'react';
import type { CellRef, Finding, Lang, Severity } from '../../core/types';
import { formatCellRef, formatValue } from '../format';
import { pick, type MessageKey, type Translate } from '../i18n';

/** Rows rendered per group at first and per "show more" click. */
export const PAGE_SIZE = 200;

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

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0 },
  item: { borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  row: {
    display: 'block',
    width: '100%',
    textAlign: 'start',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    border: 'none',
    borderLeft: `${tokens.strokeWidthThicker} solid transparent`,
    backgroundColor: 'transparent',
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':active': { backgroundColor: tokens.colorNeutralBackground1Pressed },
    ...createFocusOutlineStyle(),
  },
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
  details: {
    display: 'block',
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground3,
    overflowWrap: 'anywhere',
  },
  headerText: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  more: { margin: `${tokens.spacingVerticalS} 0` },
});

/** "数值 12, 13 · 期望 25 · 差额 -1", or '' when the finding carries none of them. */
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
  lang: Lang;
  t: Translate;
  onSelect: (ref: CellRef) => void;
}

const FindingRow = memo(function FindingRow({ finding, lang, t, onSelect }: RowProps) {
  const styles = useStyles();
  const cell = finding.cells[0];
  const address = cell ? formatCellRef(cell) : '';
  const message = pick(finding.message, lang);
  const details = findingDetails(finding, lang, t);
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
    <li className={styles.item}>
      <button
        type="button"
        className={mergeClasses(styles.row, styles[finding.severity])}
        onClick={activate}
        onKeyDown={onKeyDown}
        disabled={!cell}
        aria-label={[cell ? `${t('finding.goto')} ${address}` : '', message, details].filter(Boolean).join('. ')}
        data-rule={finding.ruleId}
      >
        {address && <span className={styles.address}>{address}</span>}
        <span className={styles.message}>{message}</span>
        {details && <span className={styles.details}>{details}</span>}
      </button>
    </li>
  );
});

interface GroupListProps {
  severity: Severity;
  findings: Finding[];
  lang: Lang;
  t: Translate;
  onSelect: (ref: CellRef) => void;
}

function GroupList({ severity, findings, lang, t, onSelect }: GroupListProps) {
  const styles = useStyles();
  const [shown, setShown] = useState(PAGE_SIZE);
  const visible = findings.length > shown ? findings.slice(0, shown) : findings;
  const left = findings.length - visible.length;
  const group = t(SEVERITY_LABEL[severity]);
  return (
    <>
      <ul className={styles.list} aria-label={t('finding.listLabel', { group })}>
        {visible.map((f, i) => (
          <FindingRow key={i} finding={f} lang={lang} t={t} onSelect={onSelect} />
        ))}
      </ul>
      {left > 0 && (
        <Button
          className={styles.more}
          appearance="secondary"
          size="small"
          aria-label={t('finding.moreLabel', { group, n: left })}
          onClick={() => setShown((n) => n + PAGE_SIZE)}
        >
          {t('finding.more', { n: left })}
        </Button>
      )}
    </>
  );
}

interface FindingGroupsProps {
  groups: GroupedFindings;
  lang: Lang;
  t: Translate;
  onSelect: (ref: CellRef) => void;
}

/** Findings in one collapsible section per severity, errors first; empty severities are left out. */
export function FindingGroups({ groups, lang, t, onSelect }: FindingGroupsProps) {
  const styles = useStyles();
  const present = SEVERITIES.filter((s) => groups[s].length > 0);
  return (
    <Accordion multiple collapsible defaultOpenItems={present}>
      {present.map((severity) => (
        <AccordionItem key={severity} value={severity} data-severity={severity}>
          <AccordionHeader as="h3" size="medium">
            <span className={styles.headerText}>
              {t(SEVERITY_LABEL[severity])}
              <Badge appearance="tint" color={BADGE_COLOR[severity]} data-testid={`count-${severity}`}>
                {groups[severity].length}
              </Badge>
            </span>
          </AccordionHeader>
          <AccordionPanel>
            <GroupList severity={severity} findings={groups[severity]} lang={lang} t={t} onSelect={onSelect} />
          </AccordionPanel>
        </AccordionItem>
      ))}
    </Accordion>
  );
}
