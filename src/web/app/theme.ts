/**
 * The Ant Design theme of the whole app, set once in main.tsx's ConfigProvider. Government service pages must meet
 * GB/T 37668-2019 (WCAG 2.1 AA): text needs a contrast of 4.5:1 against its background. antd's defaults miss it —
 * tertiary/description text rgba(0,0,0,.45) is 3.4:1 on white, placeholders 1.8:1, the info/link blue #1677ff 4.1:1,
 * error red #ff4d4f 3.2:1, success green and the preset tag colours (…7 on …1) 3–4:1 — so the tokens below are the
 * lightest shades that reach it, each checked by e2e/accessibility.test.ts (axe-core) on every page.
 */
import { type ThemeConfig, theme } from 'antd';

/**
 * Preset tag colours (`<Tag color="green">`) draw their text in shade 7 of each palette on shade 1, which is 3–4:1.
 * antd's tag styles do not take shade tokens set in `token` (tried: `green7` there changes nothing): the derivation below takes antd's own
 * and uses a darker shade as shade 7 (8, or 9 for the yellows, whose 8 is still too light).
 */
const PRESETS = [
  'blue',
  'purple',
  'cyan',
  'green',
  'magenta',
  'red',
  'orange',
  'yellow',
  'volcano',
  'geekblue',
  'gold',
  'lime',
];
const DARKEST: Record<string, number> = { gold: 9, lime: 9, yellow: 9 };

const accessibleAlgorithm: typeof theme.defaultAlgorithm = (seed) => {
  const derived = theme.defaultAlgorithm(seed);
  const shades = derived as unknown as Record<string, string>;
  const text = Object.fromEntries(PRESETS.map((c) => [`${c}7`, shades[`${c}${DARKEST[c] ?? 8}`]]));
  return { ...derived, ...text };
};

const PRIMARY = '#1d4ed8';

export const appTheme: ThemeConfig = {
  algorithm: accessibleAlgorithm,
  token: {
    colorPrimary: PRIMARY,
    // Links and "processing" states derive from colorInfo, not colorPrimary.
    colorInfo: PRIMARY,
    colorLink: PRIMARY,
    borderRadius: 6,
    // 5.7:1 on white, over 5:1 on the grey (#f5f5f5) of table headers and filled tags.
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextDescription: 'rgba(0, 0, 0, 0.6)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.58)',
    // Status colours one shade darker; their light backgrounds named, since antd derives odd ones from dark seeds.
    colorError: '#cf1322',
    colorErrorBg: '#fff2f0',
    colorErrorBorder: '#ffccc7',
    colorSuccess: '#237804',
    colorSuccessBg: '#f6ffed',
    colorSuccessBorder: '#b7eb8f',
    colorWarning: '#874d00',
    colorWarningBg: '#fffbe6',
    colorWarningBorder: '#ffe58f',
  },
};
