import { describe, expect, it } from 'vitest';
import {
  adaptCssForShadowRoot,
  propertyFallback,
  registeredProperties,
  remToPx,
  remToPxInValue,
  scopeThemeVariables,
} from './shadow-css';

describe('registeredProperties / propertyFallback', () => {
  const css =
    '@property --tw-shadow{syntax:"*";inherits:false;initial-value:0 0 #0000}' +
    '@property --tw-rotate-x{syntax:"*";inherits:false}' +
    '@property --x-inherited{syntax:"*";inherits:true;initial-value:1}';

  it('reads name, initial value and inheritance', () => {
    expect(registeredProperties(css)).toEqual([
      { name: '--tw-shadow', syntax: '*', initialValue: '0 0 #0000', inherits: false },
      { name: '--tw-rotate-x', syntax: '*', initialValue: null, inherits: false },
      { name: '--x-inherited', syntax: '*', initialValue: '1', inherits: true },
    ]);
  });

  it('declares non-inherited values on every element and inherited ones on :host', () => {
    expect(propertyFallback(registeredProperties(css))).toBe(
      '@layer properties{*,:before,:after,::backdrop{--tw-shadow:0 0 #0000;--tw-rotate-x:initial}' +
        ':host{--x-inherited:1}}',
    );
  });

  it('keeps the unit of a typed zero (minifiers drop it; calc() needs it)', () => {
    const typed = registeredProperties(
      '@property --tw-ring-offset-width{syntax:"<length>";inherits:false;initial-value:0}' +
        '@property --a{syntax:"<angle>";inherits:false;initial-value:0}' +
        '@property --n{syntax:"<number>";inherits:false;initial-value:0}' +
        '@property --p{syntax:"<percentage>";inherits:false;initial-value:100%}',
    );
    expect(propertyFallback(typed)).toBe(
      '@layer properties{*,:before,:after,::backdrop{--tw-ring-offset-width:0px;--a:0deg;--n:0;--p:100%}}',
    );
  });

  it('adds nothing without @property rules', () => {
    expect(propertyFallback([])).toBe('');
  });
});

describe('remToPx', () => {
  it('converts values', () => {
    expect(remToPxInValue('calc(.25rem * 4) 1rem -0.5rem 22rem')).toBe(
      'calc(4px * 4) 16px -8px 352px',
    );
    expect(remToPxInValue('var(--x-2rem) 1.125rem')).toBe('var(--x-2rem) 18px');
    expect(remToPxInValue('-1rem')).toBe('-16px');
  });

  it('converts declarations and conditions but never selectors or strings', () => {
    const css =
      '.w-\\[2rem\\]{width:2rem}' +
      '@media (width>=40rem){.sm\\:p-4{padding:calc(var(--spacing)*4)}}' +
      '@container (width>=32rem){.a:hover{--spacing:.25rem;content:"1rem"}}';
    expect(remToPx(css)).toBe(
      '.w-\\[2rem\\]{width:32px}' +
        '@media (width>=640px){.sm\\:p-4{padding:calc(var(--spacing)*4)}}' +
        '@container (width>=512px){.a:hover{--spacing:4px;content:"1rem"}}',
    );
  });

  it('keeps arbitrary-value class names with rem intact', () => {
    const selector = '.\\@3xl\\:grid-cols-\\[minmax\\(0\\,1fr\\)_minmax\\(0\\,22rem\\)\\]';
    expect(remToPx(`${selector}{grid-template-columns:minmax(0,1fr) minmax(0,22rem)}`)).toBe(
      `${selector}{grid-template-columns:minmax(0,1fr) minmax(0,352px)}`,
    );
  });
});

describe('scopeThemeVariables', () => {
  it('moves the theme variables from :root, :host to the wrapper', () => {
    expect(
      scopeThemeVariables('@layer theme{:root,:host{--spacing:.25rem}}html,:host{x:1}', '.w'),
    ).toBe('@layer theme{.w{--spacing:.25rem}}html,:host{x:1}');
    expect(scopeThemeVariables('@layer theme {\n  :root, :host {\n', '.w')).toBe(
      '@layer theme {\n  .w{\n',
    );
  });
});

describe('adaptCssForShadowRoot', () => {
  it('puts the fallback layer first and drops the @property rules', () => {
    const out = adaptCssForShadowRoot(
      '@layer properties;.ring{box-shadow:var(--tw-ring-shadow);margin:1rem}' +
        '@property --tw-ring-shadow{syntax:"*";inherits:false;initial-value:0 0 #0000}',
      { themeScope: '.w' },
    );
    expect(out).toBe(
      '@layer properties{*,:before,:after,::backdrop{--tw-ring-shadow:0 0 #0000}}' +
        '@layer properties;.ring{box-shadow:var(--tw-ring-shadow);margin:16px}',
    );
  });
});
