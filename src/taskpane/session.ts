// What the tabs share: the last check (the workbook as read and the engine's result) and the
// options the 规则 and 跨年 tabs set for the next check.
import type { CheckOptions } from '../core/engine';
import type { CheckResult, Lang, WorkbookSnapshot } from '../core/types';
import type { Host } from '../core/host';
import type { Translate } from './i18n';

/** The last completed check of the 校验 tab. */
export interface CheckSession {
  snapshot: WorkbookSnapshot;
  result: CheckResult;
  /** Increases with every run, so panels can reset what depended on an earlier one. */
  runId: number;
}

/** Options that travel to the engine (structured-clone safe: no callbacks). */
export type SessionOptions = Omit<CheckOptions, 'onProgress'>;

/** The engine call; may be synchronous (the real engine) or asynchronous (a worker, a test). */
export type RunCheck = (snapshot: WorkbookSnapshot, options: CheckOptions) => CheckResult | Promise<CheckResult>;

/** Props every tab panel gets from the shell. */
export interface PanelProps {
  host: Host;
  lang: Lang;
  t: Translate;
  runCheck: RunCheck;
  /** The last check, or null before the first one. */
  session: CheckSession | null;
  /** Options for the next check (rules from the 规则 tab, thresholds from the 跨年 tab). */
  options: SessionOptions;
  setOptions: (update: (previous: SessionOptions) => SessionOptions) => void;
}
