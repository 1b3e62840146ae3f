import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ContactCreate, ContactOut } from '@/contracts/ontora';
import { ApiError, isApiError } from '@/lib/api-error';
import { useApiClient } from '@/lib/api-client-context';
import { interviewQueries } from '@/features/interviews/api/interview-queries';
import { contactQueries } from './contact-queries';
import { sessionContactsKey } from './session-contacts';

export interface CreateContactVariables {
  body: ContactCreate;
  /** Same key for every attempt of one logical submission: Ontora replays instead of duplicating. */
  idempotencyKey: string;
}

/** Why the submission is waiting before its next attempt. */
export interface SubmissionWait {
  reason: 'rate_limited' | 'transient' | 'offline';
  /** Epoch ms of the next attempt; null while waiting for the connection. */
  retryAt: number | null;
  /** The attempt about to be made (2 = first retry). */
  nextAttempt: number;
  lastError: ApiError | null;
}

/** Attempts in all (the first plus retries) for failures that may heal by themselves. */
export const MAX_ATTEMPTS = 4;
/** A Retry-After longer than this is not waited out automatically; the recruiter decides. */
const MAX_AUTOMATIC_WAIT_MS = 60_000;

function backoffMs(attempt: number): number {
  const base = Math.min(1000 * 2 ** (attempt - 1), 8000);
  return base + Math.floor(Math.random() * 250);
}

function cancelled(): ApiError {
  return new ApiError({
    kind: 'aborted',
    message: 'Sending was cancelled. Nothing was lost: send again when you are ready.',
  });
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(cancelled());
      return;
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    function onAbort() {
      clearTimeout(timer);
      reject(cancelled());
    }
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function waitForOnline(signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (navigator.onLine) {
      resolve();
      return;
    }
    function cleanup() {
      window.removeEventListener('online', onOnline);
      signal.removeEventListener('abort', onAbort);
    }
    function onOnline() {
      cleanup();
      resolve();
    }
    function onAbort() {
      cleanup();
      reject(cancelled());
    }
    window.addEventListener('online', onOnline);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** How long to wait before retrying `error`, or null when it must not be retried automatically. */
export function retryDelayMs(error: unknown, attempt: number): number | null {
  if (!isApiError(error) || attempt >= MAX_ATTEMPTS) return null;
  if (error.kind === 'http' && error.status === 429) {
    const ms =
      error.retryAfterSeconds === null ? backoffMs(attempt) : error.retryAfterSeconds * 1000;
    return ms <= MAX_AUTOMATIC_WAIT_MS ? ms : null;
  }
  return error.isTransient ? backoffMs(attempt) : null;
}

/**
 * Adds a contact. Waits for the connection when offline, retries 429s after `Retry-After` and
 * 502/503/504/network/timeout failures with backoff, a bounded number of times, always with the
 * same Idempotency-Key, and can be cancelled. The new contact shows in the list at once.
 */
export function useCreateContact(interviewId: string) {
  const api = useApiClient();
  const queryClient = useQueryClient();
  const [wait, setWait] = useState<SubmissionWait | null>(null);
  const controllerRef = useRef<AbortController | null>(null);

  const mutation = useMutation<ContactOut, ApiError, CreateContactVariables>({
    // React Query would pause a mutation while offline, silently; this one waits for the
    // connection itself, visibly and cancellably.
    networkMode: 'always',
    mutationFn: async ({ body, idempotencyKey }) => {
      const controller = new AbortController();
      controllerRef.current = controller;
      try {
        for (let attempt = 1; ; attempt++) {
          if (!navigator.onLine) {
            setWait({ reason: 'offline', retryAt: null, nextAttempt: attempt, lastError: null });
            await waitForOnline(controller.signal);
          }
          setWait(null);
          try {
            return await api.createContact(interviewId, body, {
              idempotencyKey,
              signal: controller.signal,
            });
          } catch (error) {
            const delay = retryDelayMs(error, attempt);
            if (delay === null || !isApiError(error)) throw error;
            setWait({
              reason: error.status === 429 ? 'rate_limited' : 'transient',
              retryAt: Date.now() + delay,
              nextAttempt: attempt + 1,
              lastError: error,
            });
            await sleep(delay, controller.signal);
          }
        }
      } finally {
        setWait(null);
        if (controllerRef.current === controller) controllerRef.current = null;
      }
    },
    onSuccess: (contact) => {
      const listKey = contactQueries.list(api, interviewId).queryKey;
      queryClient.setQueryData(listKey, (current) =>
        current ? [contact, ...current.filter((row) => row.id !== contact.id)] : current,
      );
      queryClient.setQueryData(
        sessionContactsKey(api, interviewId),
        (current: ContactOut[] = []) => [
          contact,
          ...current.filter((row) => row.id !== contact.id),
        ],
      );
      // Refresh in the background: the new row is already shown, the counts follow.
      void queryClient.invalidateQueries({ queryKey: listKey });
      void queryClient.invalidateQueries({
        queryKey: interviewQueries.detail(api, interviewId).queryKey,
      });
    },
  });

  const cancel = useCallback(() => {
    controllerRef.current?.abort();
  }, []);

  // A form that goes away (route change, embed unmounted) stops its waits and retries.
  useEffect(
    () => () => {
      controllerRef.current?.abort();
    },
    [],
  );

  return { ...mutation, wait, cancel };
}
