import { describe, expect, it } from 'vitest';
import {
  adaptCssForShadowRoot,
  propertyFallback,
  registeredProperties,
  remToPx,
  remToPxInValue,
} from './shadow-css';

describe('registeredProperties / propertyFallback', () => {
  const css =
    '@property --tw-shadow{syntax:"*";inherits:false;initial-value:0 0 #0000}' +
    '@property --tw-rotate-x{syntax:"*";inherits:false}' +
    '@property --x-inherited{syntax:"*";inherits:true;initial-value:1}';

  it('reads name, initial value and inheritance', () => {
    expect(registeredProperties(css)).toEqual([
      { name: '--tw-shadow', initialValue: '0 0 #0000', inherits: false },
      { name: '--tw-rotate-x', initialValue: null, inherits: false },
      { name: '--x-inherited', initialValue: '1', inherits: true },
    ]);
  });

  it('declares non-inherited values on every element and inherited ones on :host', () => {
    expect(propertyFallback(registeredProperties(css))).toBe(
      '@layer properties{*,:before,:after,::backdrop{--tw-shadow:0 0 #0000;--tw-rotate-x:initial}' +
        ':host{--x-inherited:1}}',
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

describe('adaptCssForShadowRoot', () => {
  it('puts the fallback layer first and drops the @property rules', () => {
    const out = adaptCssForShadowRoot(
      '@layer properties;.ring{box-shadow:var(--tw-ring-shadow);margin:1rem}' +
        '@property --tw-ring-shadow{syntax:"*";inherits:false;initial-value:0 0 #0000}',
    );
    expect(out).toBe(
      '@layer properties{*,:before,:after,::backdrop{--tw-ring-shadow:0 0 #0000}}' +
        '@layer properties;.ring{box-shadow:var(--tw-ring-shadow);margin:16px}',
    );
  });
});
