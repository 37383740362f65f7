import { ComingSoon } from '../components/ComingSoon';
import type { PanelProps } from '../session';

/** The summary tab (placeholder until it is built: says what is coming, no fake controls). */
export function SummaryPanel({ t }: PanelProps) {
  return <ComingSoon t={t} description="coming.summary" />;
}
