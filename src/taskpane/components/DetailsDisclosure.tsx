// The technical part of a finding (Finding.details: the rule id and expression, the arithmetic,
// a method's statistics), folded under a 详情 / Details summary so the clerk's sentence stays
// the first and only thing read until asked for. A native <details>: the browser makes its
// summary a control for the keyboard and screen readers (Enter and Space open it), with no
// script of ours.
import { createFocusOutlineStyle, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  details: {
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground3,
  },
  summary: {
    width: 'fit-content',
    cursor: 'pointer',
    color: tokens.colorBrandForegroundLink,
    borderRadius: tokens.borderRadiusSmall,
    ':hover': { color: tokens.colorBrandForegroundLinkHover, textDecorationLine: 'underline' },
    ...createFocusOutlineStyle(),
  },
  body: { marginTop: tokens.spacingVerticalXXS, overflowWrap: 'anywhere' },
});

interface DetailsDisclosureProps {
  /** The technical text, shown when opened. */
  text: string;
  /** More technical lines after it (the raw values a finding carries), each on its own line. */
  more?: string[];
  /** The summary, in the current language: 详情 / Details. */
  label: string;
  className?: string;
}

/** A folded 详情 / Details: closed at first, opened by a click or by Enter or Space on its summary. */
export function DetailsDisclosure({ text, more = [], label, className }: DetailsDisclosureProps) {
  const styles = useStyles();
  return (
    <details className={mergeClasses(styles.details, className)} data-testid="finding-details">
      <summary className={styles.summary}>{label}</summary>
      <div className={styles.body} data-testid="finding-details-text">
        {text}
      </div>
      {more.map((line) => (
        <div key={line} className={styles.body} data-testid="finding-details-more">
          {line}
        </div>
      ))}
    </details>
  );
}
