// The error bar of a tab: the error's message in the UI language, a dismiss button and, when
// the failed action can be run again, a 重试 / Retry button that runs it again. A hung Excel sync
// (SYNC_TIMEOUT_CODE) is always worth a retry: the workbook is usually ready a moment later.
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { ArrowClockwise20Regular, Dismiss20Regular } from '@fluentui/react-icons';
import type { Lang } from '../../core/types';
import { describeError } from '../format';
import { translate } from '../i18n';

/** How to run a failed action again, and its name for the button's accessible name ("重试：清除标记"). */
export interface Retry {
  action: string;
  run: () => void;
}

/** A failed action: what was thrown and, when it can be run again, how. */
export interface Failure {
  error: unknown;
  retry?: Retry;
}

interface ErrorBarProps {
  failure: Failure;
  lang: Lang;
  title: string;
  dismissLabel: string;
  onDismiss: () => void;
}

export function ErrorBar({ failure, lang, title, dismissLabel, onDismiss }: ErrorBarProps) {
  const { error, retry } = failure;
  return (
    <MessageBar intent="error" layout="multiline" data-testid="error-bar">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {describeError(error, lang)}
      </MessageBarBody>
      <MessageBarActions
        containerAction={<Button appearance="transparent" icon={<Dismiss20Regular />} aria-label={dismissLabel} onClick={onDismiss} />}
      >
        {retry && (
          <Button
            appearance="secondary"
            size="small"
            icon={<ArrowClockwise20Regular />}
            aria-label={translate(lang, 'error.retryLabel', { action: retry.action })}
            onClick={retry.run}
          >
            {translate(lang, 'error.retry')}
          </Button>
        )}
      </MessageBarActions>
    </MessageBar>
  );
}
