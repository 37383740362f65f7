import { Badge, Body1, makeStyles, tokens } from '@fluentui/react-components';
import type { MessageKey, Translate } from '../i18n';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
  },
  text: { color: tokens.colorNeutralForeground2 },
});

interface ComingSoonProps {
  t: Translate;
  description: MessageKey;
}

/** An honest placeholder for a feature that is planned but not built yet: no fake controls. */
export function ComingSoon({ t, description }: ComingSoonProps) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <Badge appearance="tint" color="informative">
        {t('coming.badge')}
      </Badge>
      <Body1 as="p" className={styles.text}>
        {t(description)}
      </Body1>
    </div>
  );
}
