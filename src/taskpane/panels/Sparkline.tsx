import { makeStyles, tokens } from '@fluentui/react-components';

export interface SparkPoint {
  period: string;
  value: number | null;
}

export interface SparklineProps {
  series: readonly SparkPoint[];
  /** Accessible description: the indicator and every value (role="img"). */
  label: string;
  /** Periods drawn emphasised: the year checked and the one it was compared with. */
  current?: string;
  base?: string;
  /** The range the current value was expected in: a bar at the current year. */
  bounds?: { lower: number; upper: number };
  width?: number;
  height?: number;
}

const useStyles = makeStyles({
  svg: { display: 'block', flexShrink: 0, overflow: 'visible' },
  line: { fill: 'none', stroke: tokens.colorNeutralForeground3, strokeWidth: '1.5px', strokeLinejoin: 'round', strokeLinecap: 'round' },
  point: { fill: tokens.colorNeutralForeground3 },
  base: { fill: tokens.colorBrandForeground1 },
  current: { fill: tokens.colorPaletteRedForeground1 },
  bounds: { fill: tokens.colorPaletteGreenBackground2, opacity: 0.8 },
});

export interface SparkGeometry {
  /** One polyline per run of consecutive values (a missing year breaks the line). */
  segments: Array<Array<{ x: number; y: number }>>;
  points: Array<{ period: string; value: number; x: number; y: number }>;
  bounds?: { x: number; y0: number; y1: number };
}

const round = (v: number): number => Math.round(v * 10) / 10;

/** Where every point goes in a width × height box (y grows downwards), with `pad` around. */
export function sparkGeometry(series: readonly SparkPoint[], width: number, height: number, pad: number, current?: string, bounds?: { lower: number; upper: number }): SparkGeometry {
  const values = series.map((p) => p.value).filter((v): v is number => v !== null && Number.isFinite(v));
  const withBounds = bounds && Number.isFinite(bounds.lower) && Number.isFinite(bounds.upper) ? [...values, bounds.lower, bounds.upper] : values;
  const min = Math.min(...withBounds);
  const max = Math.max(...withBounds);
  const n = series.length;
  const x = (i: number): number => round(n <= 1 ? width / 2 : pad + (i * (width - 2 * pad)) / (n - 1));
  const y = (v: number): number => round(max === min ? height / 2 : height - pad - ((v - min) * (height - 2 * pad)) / (max - min));
  const segments: SparkGeometry['segments'] = [];
  const points: SparkGeometry['points'] = [];
  let run: Array<{ x: number; y: number }> = [];
  series.forEach((p, i) => {
    if (p.value === null || !Number.isFinite(p.value)) {
      if (run.length > 1) segments.push(run);
      run = [];
      return;
    }
    const at = { x: x(i), y: y(p.value) };
    run.push(at);
    points.push({ period: p.period, value: p.value, ...at });
  });
  if (run.length > 1) segments.push(run);
  const ci = current === undefined ? -1 : series.findIndex((p) => p.period === current);
  const geometry: SparkGeometry = { segments, points };
  if (bounds && ci >= 0 && withBounds.length > values.length) {
    geometry.bounds = { x: x(ci), y0: y(bounds.upper), y1: y(bounds.lower) };
  }
  return geometry;
}

/** A small trend line of a finding's series (inline SVG), with the checked year in red. */
export function Sparkline({ series, label, current, base, bounds, width = 112, height = 36 }: SparklineProps) {
  const styles = useStyles();
  const pad = 4;
  const g = sparkGeometry(series, width, height, pad, current, bounds);
  return (
    <svg
      className={styles.svg}
      role="img"
      aria-label={label}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      data-testid="sparkline"
    >
      {g.bounds && (
        <rect
          className={styles.bounds}
          data-testid="sparkline-bounds"
          x={g.bounds.x - 3}
          y={g.bounds.y0}
          width={6}
          height={Math.max(1, g.bounds.y1 - g.bounds.y0)}
        />
      )}
      {g.segments.map((s, i) => (
        <polyline key={i} className={styles.line} points={s.map((p) => `${p.x},${p.y}`).join(' ')} />
      ))}
      {g.points.map((p) => (
        <circle
          key={p.period}
          className={p.period === current ? styles.current : p.period === base ? styles.base : styles.point}
          cx={p.x}
          cy={p.y}
          r={p.period === current || p.period === base ? 3 : 2}
          data-period={p.period}
          data-value={p.value}
        />
      ))}
    </svg>
  );
}
