/** @type {import('prettier').Config} */
export default {
  singleQuote: true,
  trailingComma: 'all',
  semi: true,
  printWidth: 100,
  plugins: ['prettier-plugin-tailwindcss'],
  tailwindStylesheet: './src/styles/index.css',
  tailwindFunctions: ['cn'],
};
