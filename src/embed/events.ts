import type { ContactOut } from '@/contracts/ontora';
import type { ApiError } from '@/lib/api-error';
import type { AddContactEvent } from '@/features/contacts/components/add-contact-form';
import type { OntoraContact, OntoraError, OntoraEventMap } from './ontora-add-contact';

export type OntoraEventName = keyof OntoraEventMap;
export type OntoraDetail<K extends OntoraEventName> =
  OntoraEventMap[K] extends CustomEvent<infer D> ? D : never;

/** A plain, structured-cloneable copy of an {@link ApiError} (no prototype, no stack). */
export function serialiseError(error: ApiError): OntoraError {
  return {
    kind: error.kind,
    status: error.status,
    code: error.code,
    message: error.message,
    detail: error.detail,
    fieldErrors: structuredClone(error.fieldErrors),
    formErrors: [...error.formErrors],
    retryAfterSeconds: error.retryAfterSeconds,
    requestId: error.requestId,
  };
}

/** A copy, so a host that mutates the detail cannot change what the form shows. */
export function publicContact(contact: ContactOut): OntoraContact {
  return structuredClone(contact);
}

/** Every event bubbles and is `composed`, so it crosses the shadow boundary to the host page. */
export function dispatchOntoraEvent<K extends OntoraEventName>(
  target: EventTarget,
  type: K,
  detail: OntoraDetail<K>,
): void {
  target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}

/** The shared form's callback, as DOM events on the host element. */
export function formEventToDom(target: EventTarget, event: AddContactEvent): void {
  switch (event.type) {
    case 'submitting':
      dispatchOntoraEvent(target, 'ontora:submitting', { body: structuredClone(event.body) });
      return;
    case 'contact-created':
      dispatchOntoraEvent(target, 'ontora:contact-created', publicContact(event.contact));
      return;
    case 'error':
      dispatchOntoraEvent(target, 'ontora:error', serialiseError(event.error));
      return;
    case 'dirty-change':
      dispatchOntoraEvent(target, 'ontora:dirty-change', { dirty: event.dirty });
      return;
  }
}
