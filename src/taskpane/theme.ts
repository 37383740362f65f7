// Fluent UI v9 themes for the task pane: the web light/dark themes with CJK-capable fonts,
// and the choice between them from Office's own theme colours.
import { webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';

export const FONT_FAMILY_BASE = "'Segoe UI','Microsoft YaHei','PingFang SC','Noto Sans CJK SC',sans-serif";

export const lightTheme: Theme = { ...webLightTheme, fontFamilyBase: FONT_FAMILY_BASE };
export const darkTheme: Theme = { ...webDarkTheme, fontFamilyBase: FONT_FAMILY_BASE };

/** Parses "#RGB", "#RRGGBB" or "RRGGBB" (Office sometimes omits the '#'); null when unreadable. */
export function parseHexColor(color: string): [number, number, number] | null {
  const hex = color.trim().replace(/^#/, '');
  const full = /^[0-9a-f]{3}$/i.test(hex)
    ? hex
        .split('')
        .map((c) => c + c)
        .join('')
    : hex;
  if (!/^[0-9a-f]{6}$/i.test(full)) return null;
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as [number, number, number];
}

/** WCAG relative luminance, 0 (black) … 1 (white). */
export function relativeLuminance([r, g, b]: [number, number, number]): number {
  const channel = (v: number): number => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/**
 * True when a background colour is dark, i.e. white text contrasts better with it than black
 * text does. The crossover of the two WCAG contrast ratios is at luminance ≈ 0.179.
 */
export function isDarkColor(color: string | undefined | null): boolean {
  if (!color) return false;
  const rgb = parseHexColor(color);
  if (!rgb) return false;
  const l = relativeLuminance(rgb);
  const contrastWithWhite = 1.05 / (l + 0.05);
  const contrastWithBlack = (l + 0.05) / 0.05;
  return contrastWithWhite > contrastWithBlack;
}

/** The Fluent theme matching Office's task-pane background colour (light when unknown). */
export function themeForBackground(bodyBackgroundColor: string | undefined | null): Theme {
  return isDarkColor(bodyBackgroundColor) ? darkTheme : lightTheme;
}

/** The Fluent theme for the running Office client; light outside Office. */
export function themeFromOffice(): Theme {
  try {
    const office = (globalThis as { Office?: typeof Office }).Office;
    return themeForBackground(office?.context?.officeTheme?.bodyBackgroundColor);
  } catch {
    return lightTheme;
  }
}
