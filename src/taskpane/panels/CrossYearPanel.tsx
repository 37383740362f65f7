import { ComingSoon } from '../components/ComingSoon';
import type { PanelProps } from '../session';

/** The crossYear tab (placeholder until it is built: says what is coming, no fake controls). */
export function CrossYearPanel({ t }: PanelProps) {
  return <ComingSoon t={t} description="coming.crossYear" />;
}
