import { Component, type ErrorInfo, type ReactNode } from 'react';
import type { Lang } from '../../core/types';
import { errorText } from '../format';
import { paneText } from '../i18n';

/** The crash message shows in both languages: the pane's language is state that may be lost. */
const LANGS: readonly Lang[] = ['zh-CN', 'en-US'];

interface Props {
  children: ReactNode;
}

interface State {
  error: unknown;
  failed: boolean;
}

/**
 * Catches render errors anywhere in the pane and shows a plain bilingual message instead of a
 * blank pane. It renders plain HTML (no Fluent) so it still works when the provider itself fails.
 */
export class ErrorBoundary extends Component<Props, State> {
  state: State = { error: null, failed: false };

  static getDerivedStateFromError(error: unknown): State {
    return { error, failed: true };
  }

  componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('指标校验 task pane crashed / task pane crashed', error, info.componentStack);
  }

  private readonly retry = (): void => {
    this.setState({ error: null, failed: false });
  };

  render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <div role="alert" style={{ padding: 16, fontFamily: "'Segoe UI','Microsoft YaHei','PingFang SC',sans-serif" }}>
        {LANGS.map((lang) => (
          <p key={lang} lang={lang} style={{ margin: '0 0 8px' }}>
            {paneText(lang, 'crash.body')}
          </p>
        ))}
        <p style={{ margin: '0 0 12px', fontSize: 12, opacity: 0.8, wordBreak: 'break-word' }}>
          {errorText(this.state.error)}
        </p>
        <button type="button" onClick={this.retry}>
          {LANGS.map((lang) => paneText(lang, 'error.retry')).join(' / ')}
        </button>
      </div>
    );
  }
}
