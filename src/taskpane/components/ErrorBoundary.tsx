import { Component, type ErrorInfo, type ReactNode } from 'react';
import { errorText } from '../format';

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
        <p lang="zh-CN" style={{ margin: '0 0 8px' }}>
          指标校验遇到意外错误，界面无法显示。请点击“重试”，或关闭后重新打开任务窗格。
        </p>
        <p lang="en-US" style={{ margin: '0 0 8px' }}>
          Indicator Checker hit an unexpected error and cannot show its pane. Click “Retry”, or close and reopen the
          task pane.
        </p>
        <p style={{ margin: '0 0 12px', fontSize: 12, opacity: 0.8, wordBreak: 'break-word' }}>
          {errorText(this.state.error)}
        </p>
        <button type="button" onClick={this.retry}>
          重试 / Retry
        </button>
      </div>
    );
  }
}
