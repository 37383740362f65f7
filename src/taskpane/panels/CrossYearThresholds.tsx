// The 跨年 tab's threshold form: an accordion of the detectors' fields (by group, each with its
// validation message), the detector check boxes and the reset button. Apart from the panel, which
// keeps the form's state and reads it into options.
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Button, Caption1, Checkbox, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowReset20Regular } from '@fluentui/react-icons';
import type { Dispatch, SetStateAction } from 'react';
import { DETECTORS, FIELDS, type FieldId, type ReadForm, type ThresholdForm } from './cross-year-view-model';
import type { CrossYearKey, CrossYearTranslate } from './cross-year-strings';

const useStyles = makeStyles({
  fields: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(130px, 1fr))', gap: tokens.spacingVerticalS, columnGap: tokens.spacingHorizontalM },
  fieldGroup: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, marginBottom: tokens.spacingVerticalM },
  groupTitle: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  detectors: { display: 'flex', flexDirection: 'column' },
  summaryLine: { color: tokens.colorNeutralForeground3, marginLeft: tokens.spacingHorizontalS },
});

interface ThresholdFieldsProps {
  form: ThresholdForm;
  setForm: Dispatch<SetStateAction<ThresholdForm | null>>;
  /** The fields' errors, as readForm gives them. */
  errors: ReadForm['errors'];
  onReset: () => void;
  t: CrossYearTranslate;
}

export function ThresholdFields({ form, setForm, errors, onReset, t }: ThresholdFieldsProps) {
  const styles = useStyles();
  const setField = (id: FieldId, value: string): void => setForm((f) => (f ? { ...f, values: { ...f.values, [id]: value } } : f));
  const fieldError = (id: FieldId): string | undefined => {
    const e = errors[id];
    return e ? t(e.key, e.params) : undefined;
  };
  return (
    <Accordion collapsible>
      <AccordionItem value="thresholds">
        <AccordionHeader size="small">
          {t('cy.thresholds')}
          <Caption1 className={styles.summaryLine}>
            {t('cy.thresholdsSummary', { count: form.values['relative.count'], rate: form.values['relative.rate'], z: form.values.z, c: form.values.C })}
          </Caption1>
        </AccordionHeader>
        <AccordionPanel>
          {(['yoy', 'robust', 'hb'] as const).map((group) => (
            <div key={group} className={styles.fieldGroup} role="group" aria-labelledby={`cy-group-${group}`}>
              <Text id={`cy-group-${group}`} size={200} className={styles.groupTitle}>
                {t(`cy.group.${group}Fields` as CrossYearKey)}
              </Text>
              <div className={styles.fields}>
                {FIELDS.filter((f) => f.group === group).map((f) => {
                  const message = fieldError(f.id);
                  return (
                    <Field key={f.id} label={t(f.label)} size="small" validationState={message ? 'error' : 'none'} validationMessage={message}>
                      <Input
                        size="small"
                        type={f.check === 'pair' ? 'text' : 'number'}
                        inputMode="decimal"
                        value={form.values[f.id]}
                        data-field={f.id}
                        onChange={(_, d) => setField(f.id, d.value)}
                      />
                    </Field>
                  );
                })}
              </div>
            </div>
          ))}
          <div className={styles.fieldGroup} role="group" aria-labelledby="cy-group-detectors">
            <Text id="cy-group-detectors" size={200} className={styles.groupTitle}>
              {t('cy.group.detectors')}
            </Text>
            <div className={styles.detectors}>
              {DETECTORS.map((d) => (
                <Checkbox
                  key={d}
                  label={t(`cy.d.${d}` as CrossYearKey)}
                  checked={form.detectors[d]}
                  onChange={(_, data) => setForm((f) => (f ? { ...f, detectors: { ...f.detectors, [d]: data.checked === true } } : f))}
                />
              ))}
            </div>
          </div>
          <Button appearance="secondary" size="small" icon={<ArrowReset20Regular />} onClick={onReset} aria-label={t('cy.resetLabel')}>
            {t('cy.reset')}
          </Button>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
