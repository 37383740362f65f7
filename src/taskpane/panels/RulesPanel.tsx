import { ComingSoon } from '../components/ComingSoon';
import type { PanelProps } from '../session';

/** The rules tab (placeholder until it is built: says what is coming, no fake controls). */
export function RulesPanel({ t }: PanelProps) {
  return <ComingSoon t={t} description="coming.rules" />;
}
