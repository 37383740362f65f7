// One rule of the 规则 tab: its id, where it comes from, its expression, and the pane's switches
// for it (on/off, severity, tolerance), which apply from the next check.
import { Badge, Button, Caption1, Field, Input, Select, Switch, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ArrowReset20Regular } from '@fluentui/react-icons';
import { memo, useEffect, useState, type KeyboardEvent } from 'react';
import type { Rule, RulePatch, RuleSource } from '../../core/rules/types';
import type { CellRef, Lang, Severity } from '../../core/types';
import { formatCellRef } from '../format';
import { pick } from '../i18n';
import { formatTolerance, type PatchChange } from './rules-patches';
import type { RulesKey, RulesTranslate } from './rules-strings';

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
const SOURCE_KEY: Record<RuleSource, RulesKey> = {
  pack: 'rules.source.pack',
  file: 'rules.source.file',
  sheet: 'rules.source.sheet',
  pane: 'rules.source.pane',
};
const SOURCE_COLOR = { pack: 'informative', file: 'brand', sheet: 'success', pane: 'warning' } as const;

const useStyles = makeStyles({
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
});

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

export const RuleRow = memo(function RuleRow({ base, rule, pane, lang, rulesText, onChange, onReset, onSelect, parseTolerance }: RuleRowProps) {
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

