import { Button, Caption1, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { LocalLanguage20Regular } from '@fluentui/react-icons';
import type { Lang } from '../../core/types';
import { otherLang, type Translate } from '../i18n';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalS}`,
  },
  titles: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  title: { margin: 0 },
  subtitle: { color: tokens.colorNeutralForeground3 },
});

interface HeaderProps {
  lang: Lang;
  t: Translate;
  onToggleLang: () => void;
}

export function Header({ lang, t, onToggleLang }: HeaderProps) {
  const styles = useStyles();
  const target: Lang = otherLang(lang);
  return (
    <header className={styles.root}>
      <div className={styles.titles}>
        <Title3 as="h1" className={styles.title}>
          {t('app.title')}
        </Title3>
        <Caption1 className={styles.subtitle}>{t('app.subtitle')}</Caption1>
      </div>
      <Button
        appearance="subtle"
        size="small"
        icon={<LocalLanguage20Regular />}
        aria-label={t('lang.toggleLabel')}
        onClick={onToggleLang}
      >
        <span lang={target}>{t('lang.toggle')}</span>
      </Button>
    </header>
  );
}
