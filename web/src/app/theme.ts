import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

// A calm petrol blue. Shade 7 (buttons, links) has 7:1 contrast with white.
const petrol: MantineColorsTuple = [
  '#e9f4f8',
  '#d3e7ef',
  '#a7cfe0',
  '#77b4cf',
  '#4f9bbd',
  '#3487a9',
  '#23718f',
  '#175d78',
  '#114b61',
  '#0c3a4b',
];

// Darker top shades so "light" badges (shade 9 text on shade 1) stay above 4.5:1.
const green: MantineColorsTuple = [
  '#ebfbee',
  '#d3f9d8',
  '#b2f2bb',
  '#8ce99a',
  '#69db7c',
  '#51cf66',
  '#40c057',
  '#2b8a3e',
  '#1f6e31',
  '#175a27',
];
const orange: MantineColorsTuple = [
  '#fff4e6',
  '#ffe8cc',
  '#ffd8a8',
  '#ffc078',
  '#ffa94d',
  '#ff922b',
  '#fd7e14',
  '#c2590a',
  '#9c4707',
  '#7a3705',
];

export const theme = createTheme({
  primaryColor: 'petrol',
  primaryShade: 7,
  colors: { petrol, green, orange },
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: { fontWeight: '650' },
  defaultRadius: 'sm',
  focusRing: 'auto',
  components: {
    Anchor: { defaultProps: { underline: 'always' } },
    // The required mark is drawn by CSS (global.css) so it stays out of the field's accessible name.
    InputWrapper: { defaultProps: { withAsterisk: false } },
  },
});

/** Mantine's default dimmed, placeholder and error greys/reds are below 4.5:1 on white. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': '#687076',
    '--mantine-color-error': '#c92a2a',
    '--mantine-color-anchor': 'var(--mantine-color-petrol-7)',
  },
  dark: {},
});
