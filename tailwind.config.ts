import type { Config } from 'tailwindcss';

// Loaded by src/styles/index.css through `@config`; with `source(none)` these globs are the
// only places Tailwind looks for class names.
export default {
  content: ['./index.html', './src/**/*.{ts,tsx}'],
  darkMode: 'media',
  theme: {
    extend: {
      colors: {
        brand: { DEFAULT: '#1d4ed8', dark: '#1e40af', light: '#93c5fd' },
      },
    },
  },
  plugins: [],
} satisfies Config;
