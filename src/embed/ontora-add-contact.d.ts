/**
 * Types for `ontora-add-contact.js`, the Ontora add-contact embed (an ES module served at
 * `/embed/ontora-add-contact.js`; this file is shipped beside it as `ontora-add-contact.d.ts`).
 *
 * Plain HTML (the page's origin must be listed in the server's EMBED_ORIGINS):
 *   <script type="module" src="https://ontora-admin.example.com/embed/ontora-add-contact.js"></script>
 *   <ontora-add-contact interview-id="…"></ontora-add-contact>
 *
 * The module defines the element, exports {@link mount} and also exposes it as
 * `window.OntoraAddContact` ({@link OntoraEmbedApi}). This file is self-contained: copy it into
 * the host project and list it in `tsconfig.json` (or `/// <reference path="…" />` it).
 */

/** Interview theme: `auto` (the default) follows the OS setting. */
export type OntoraTheme = 'light' | 'dark' | 'auto';

/**
 * Supplies a Bearer token for the API. Called before every request, and once more after a 401,
 * before that request is retried (with the same Idempotency-Key, so a contact is never created
 * twice). Return `null` to send no Authorization header.
 */
export type OntoraTokenProvider = () => Promise<string | null | undefined>;

/** Initial values of the form (applied when the element first renders an interview). */
export interface OntoraPrefill {
  name?: string;
  email?: string;
  /** Any format; saved in E.164. Numbers without +country are read as `phone-country`. */
  phone?: string;
  job_title?: string;
  department?: string;
  seniority_level?: number | string;
  is_required?: boolean;
  question_set_id?: string | null;
}

/** The contact Ontora created (`ContactOut`); unknown fields may be added by the API. */
export interface OntoraContact {
  id: string;
  interview_id: string;
  question_set_id?: string | null;
  name: string;
  email?: string | null;
  phone?: string | null;
  job_title?: string | null;
  department?: string | null;
  seniority_level?: number | null;
  is_required: boolean;
  meeting_url?: string | null;
  status?: string | null;
  scheduled_at?: string | null;
  completed_at?: string | null;
  created_at?: string | null;
  booking_token?: string | null;
  reminder_count: number;
  last_reminder_at?: string | null;
}

/** The body being sent (`ContactCreate`). */
export interface OntoraContactCreate {
  name: string;
  email?: string | null;
  phone?: string | null;
  job_title?: string | null;
  department?: string | null;
  seniority_level?: number | null;
  is_required?: boolean;
  question_set_id?: string | null;
}

/** A failed request, as a plain (structured-cloneable) object. */
export interface OntoraError {
  /** `http`: the API answered with an error status; the others: no usable answer. */
  kind: 'http' | 'network' | 'timeout' | 'unexpected_response' | 'aborted';
  status: number | null;
  /** Ontora's machine-readable code, e.g. `campaign_locked`, `idempotency_conflict`. */
  code: string | null;
  message: string;
  detail: string | null;
  /** 422: messages per contact field. */
  fieldErrors: Partial<Record<keyof OntoraContactCreate, string[]>>;
  formErrors: string[];
  /** 429/503: seconds to wait, from Retry-After. */
  retryAfterSeconds: number | null;
  /** Quote it to support. */
  requestId: string | null;
}

export interface OntoraEventMap {
  /** A contact is being sent (after the form validated). */
  'ontora:submitting': CustomEvent<{ body: OntoraContactCreate }>;
  /** Ontora created the contact (detail: the contact). */
  'ontora:contact-created': CustomEvent<OntoraContact>;
  /** A submission failed, or the interview could not be loaded. The form shows it too. */
  'ontora:error': CustomEvent<OntoraError>;
  /** The form went from pristine to changed, or back (e.g. after a contact was added). */
  'ontora:dirty-change': CustomEvent<{ dirty: boolean }>;
  /** The widget's rendered size changed (CSS pixels, border box). */
  'ontora:resize': CustomEvent<{ width: number; height: number }>;
}

/** `<ontora-add-contact>`. Attributes and their properties are kept in sync. */
export interface OntoraAddContactElement extends HTMLElement {
  /** `interview-id` (required). */
  interviewId: string | null;
  /** `api-base-url`; default: the script's own origin + `/v1`. */
  apiBaseUrl: string | null;
  /** `question-set-id`: the default question set. */
  questionSetId: string | null;
  /** `theme`: `light`, `dark` or `auto` (default). */
  theme: OntoraTheme;
  /** `phone-country`: ISO 3166-1 alpha-2 country for numbers without +country (default US). */
  phoneCountry: string | null;
  /** Initial form values (property only). */
  prefill: OntoraPrefill | undefined;
  /** Bearer token provider (property only). */
  getToken: OntoraTokenProvider | undefined;
}

/** Options of {@link mount}: the attributes in camelCase, plus the properties and listeners. */
export interface OntoraMountOptions {
  interviewId: string;
  apiBaseUrl?: string;
  questionSetId?: string;
  theme?: OntoraTheme;
  phoneCountry?: string;
  prefill?: OntoraPrefill;
  getToken?: OntoraTokenProvider;
  /** Listeners, by event name; removed again by `unmount()`. */
  on?: { [K in keyof OntoraEventMap]?: (event: OntoraEventMap[K]) => void };
}

/**
 * Renders the form into `container` (as an `<ontora-add-contact>` child) and returns `unmount`,
 * which removes it and everything it registered: listeners, timers, DOM, cached data.
 */
export type OntoraMount = (container: Element, options: OntoraMountOptions) => () => void;

/** `window.OntoraAddContact`. */
export interface OntoraEmbedApi {
  mount: OntoraMount;
  /** The custom element's tag name, `ontora-add-contact`. */
  readonly tagName: 'ontora-add-contact';
  /** The build's version of Ontora Admin. */
  readonly version: string;
}

/** `import { mount } from 'https://…/embed/ontora-add-contact.js'`. */
export declare const mount: OntoraMount;

declare global {
  interface HTMLElementTagNameMap {
    'ontora-add-contact': OntoraAddContactElement;
  }
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging
  interface HTMLElementEventMap extends OntoraEventMap {}
  interface Window {
    OntoraAddContact?: OntoraEmbedApi;
  }
}
