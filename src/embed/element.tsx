import type { QueryClient } from '@tanstack/react-query';
import type { Environment } from 'downshift';
import { createRoot, type Root } from 'react-dom/client';
import { appConfig } from '@/config/env';
import { createApiClient, type ApiClient } from '@/lib/api-client';
import type { ApiError } from '@/lib/api-error';
import { createQueryClient } from '@/lib/query-client';
import type { ContactFormValues } from '@/features/contacts/contact-form-schema';
import type { AddContactEvent } from '@/features/contacts/components/add-contact-form';
import { EmbedApp } from './embed-app';
import { dispatchOntoraEvent, formEventToDom, serialiseError } from './events';
import type {
  OntoraAddContactElement as OntoraAddContactElementApi,
  OntoraPrefill,
  OntoraTheme,
  OntoraTokenProvider,
} from './ontora-add-contact';
import { shadowEnvironment } from './shadow-environment';
import { adoptStyles } from './styles';

export const TAG_NAME = 'ontora-add-contact';

const THEMES: readonly OntoraTheme[] = ['light', 'dark', 'auto'];

const ATTRIBUTES = {
  interviewId: 'interview-id',
  apiBaseUrl: 'api-base-url',
  questionSetId: 'question-set-id',
  theme: 'theme',
  phoneCountry: 'phone-country',
} as const;

/**
 * Where `/v1` is when `api-base-url` is not set: the origin that served this script (the same
 * server serves the embed, the gateway and the app). The bundle is an ES module, so its own
 * URL is `import.meta.url` (`document.currentScript` is null in modules).
 */
export const SCRIPT_ORIGIN = new URL(import.meta.url).origin;

function toFormValues(prefill: OntoraPrefill | undefined): Partial<ContactFormValues> | undefined {
  if (!prefill) return undefined;
  const values: Partial<ContactFormValues> = {};
  for (const key of ['name', 'email', 'phone', 'job_title', 'department'] as const) {
    const value = prefill[key];
    if (typeof value === 'string') values[key] = value;
  }
  if (typeof prefill.seniority_level === 'number' || typeof prefill.seniority_level === 'string') {
    values.seniority_level = String(prefill.seniority_level);
  }
  if (typeof prefill.is_required === 'boolean') values.is_required = prefill.is_required;
  if (typeof prefill.question_set_id === 'string' || prefill.question_set_id === null) {
    values.question_set_id = prefill.question_set_id;
  }
  return values;
}

/** Everything one rendered element owns; built on connect, torn down completely on disconnect. */
interface Mounted {
  root: Root;
  container: HTMLDivElement;
  queryClient: QueryClient;
  resizeObserver: ResizeObserver | null;
  environment: Environment;
  api: ApiClient | null;
  apiKey: string;
}

/**
 * `<ontora-add-contact>`: the app's add-contact form in an open shadow root, with its own
 * QueryClient and API client. See src/embed/ontora-add-contact.d.ts for the public contract.
 */
export class OntoraAddContactElement extends HTMLElement implements OntoraAddContactElementApi {
  static readonly observedAttributes = Object.values(ATTRIBUTES);

  #prefill: OntoraPrefill | undefined;
  #prefillJson = '';
  /** Bumped when `prefill` changes value: the form starts over with the new values. */
  #prefillVersion = 0;
  #getToken: OntoraTokenProvider | undefined;
  #mounted: Mounted | null = null;
  #lastSize = '';
  #renderQueued = false;

  constructor() {
    super();
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    adoptStyles(shadow);
  }

  get interviewId() {
    return this.getAttribute(ATTRIBUTES.interviewId);
  }
  set interviewId(value: string | null) {
    this.#setAttribute(ATTRIBUTES.interviewId, value);
  }
  get apiBaseUrl() {
    return this.getAttribute(ATTRIBUTES.apiBaseUrl);
  }
  set apiBaseUrl(value: string | null) {
    this.#setAttribute(ATTRIBUTES.apiBaseUrl, value);
  }
  get questionSetId() {
    return this.getAttribute(ATTRIBUTES.questionSetId);
  }
  set questionSetId(value: string | null) {
    this.#setAttribute(ATTRIBUTES.questionSetId, value);
  }
  get theme(): OntoraTheme {
    const value = this.getAttribute(ATTRIBUTES.theme);
    return THEMES.find((theme) => theme === value) ?? 'auto';
  }
  set theme(value: OntoraTheme) {
    this.#setAttribute(ATTRIBUTES.theme, value);
  }
  get phoneCountry() {
    return this.getAttribute(ATTRIBUTES.phoneCountry);
  }
  set phoneCountry(value: string | null) {
    this.#setAttribute(ATTRIBUTES.phoneCountry, value);
  }
  get prefill() {
    return this.#prefill;
  }
  set prefill(value: OntoraPrefill | undefined) {
    this.#prefill = value;
    const json = JSON.stringify(value ?? null);
    if (json === this.#prefillJson) return;
    this.#prefillJson = json;
    if (this.#mounted) this.#prefillVersion += 1;
    this.#queueRender();
  }
  get getToken() {
    return this.#getToken;
  }
  set getToken(value: OntoraTokenProvider | undefined) {
    this.#getToken = typeof value === 'function' ? value : undefined;
    this.#queueRender();
  }

  connectedCallback() {
    // Properties set before the script defined the element shadow the accessors: re-apply them.
    for (const name of ['prefill', 'getToken'] as const) {
      if (Object.prototype.hasOwnProperty.call(this, name)) {
        const value: unknown = this[name];
        // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- own data property
        delete (this as Record<string, unknown>)[name];
        (this as Record<string, unknown>)[name] = value;
      }
    }
    this.#render();
  }

  disconnectedCallback() {
    // Moving the element (remove + insert in one task) keeps it; only a real removal tears down.
    queueMicrotask(() => {
      if (!this.isConnected) this.#teardown();
    });
  }

  attributeChangedCallback() {
    this.#queueRender();
  }

  #setAttribute(name: string, value: string | null) {
    if (value === null) this.removeAttribute(name);
    else this.setAttribute(name, value);
  }

  /** Several attribute or property changes in one task render once. */
  #queueRender() {
    if (this.#renderQueued || !this.isConnected) return;
    this.#renderQueued = true;
    queueMicrotask(() => {
      this.#renderQueued = false;
      if (this.isConnected) this.#render();
    });
  }

  #mount(): Mounted {
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    const container = this.ownerDocument.createElement('div');
    container.className = 'ontora-root';
    shadow.append(container);
    const resizeObserver =
      typeof ResizeObserver === 'undefined'
        ? null
        : new ResizeObserver((entries) => {
            const box = entries[0]?.borderBoxSize[0];
            if (!box) return;
            const width = Math.round(box.inlineSize);
            const height = Math.round(box.blockSize);
            const size = `${String(width)}x${String(height)}`;
            // Nothing rendered yet is not a size worth telling the host about.
            if (size === this.#lastSize || (this.#lastSize === '' && height === 0)) return;
            this.#lastSize = size;
            dispatchOntoraEvent(this, 'ontora:resize', { width, height });
          });
    resizeObserver?.observe(container);
    return {
      root: createRoot(container, { identifierPrefix: 'ontora-' }),
      container,
      queryClient: createQueryClient(),
      resizeObserver,
      environment: shadowEnvironment(shadow),
      api: null,
      apiKey: '',
    };
  }

  #render() {
    this.#mounted ??= this.#mount();
    const mounted = this.#mounted;
    mounted.container.dataset.ontoraTheme = this.theme;

    // The client is rebuilt only when its base URL changes or a token provider appears or
    // goes; the provider itself is read at call time, so swapping it needs no new client.
    const baseUrl = this.apiBaseUrl ?? `${SCRIPT_ORIGIN}/v1`;
    const hasToken = this.#getToken !== undefined;
    const apiKey = `${baseUrl} ${String(hasToken)}`;
    if (!mounted.api || mounted.apiKey !== apiKey) {
      mounted.api = createApiClient({
        baseUrl,
        timeoutMs: appConfig.requestTimeoutMs,
        getToken: hasToken
          ? async () => {
              const provider = this.#getToken;
              return provider ? provider() : undefined;
            }
          : undefined,
      });
      mounted.apiKey = apiKey;
    }

    mounted.root.render(
      <EmbedApp
        api={mounted.api}
        queryClient={mounted.queryClient}
        interviewId={this.interviewId}
        phoneCountry={this.phoneCountry ?? appConfig.defaultPhoneCountry}
        questionSetId={this.questionSetId}
        prefill={toFormValues(this.#prefill)}
        formKey={String(this.#prefillVersion)}
        environment={mounted.environment}
        onEvent={this.#onFormEvent}
        onLoadError={this.#onLoadError}
      />,
    );
  }

  readonly #onFormEvent = (event: AddContactEvent) => {
    formEventToDom(this, event);
  };

  readonly #onLoadError = (error: ApiError) => {
    dispatchOntoraEvent(this, 'ontora:error', serialiseError(error));
  };

  #teardown() {
    const mounted = this.#mounted;
    if (!mounted) return;
    this.#mounted = null;
    this.#lastSize = '';
    mounted.resizeObserver?.disconnect();
    mounted.root.unmount();
    // Cancels garbage-collection timers and drops cached data: nothing outlives the element.
    mounted.queryClient.cancelQueries().catch(() => undefined);
    mounted.queryClient.clear();
    mounted.container.remove();
  }
}

export function defineOntoraAddContact(registry: CustomElementRegistry = customElements): void {
  if (!registry.get(TAG_NAME)) registry.define(TAG_NAME, OntoraAddContactElement);
}
