import { useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';

type CopyState = 'idle' | 'copied' | 'failed';

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No Clipboard API (insecure context, old browser, denied permission): the library falls
    // back to a hidden selection and execCommand, and finally to a prompt the user can copy from.
    const { default: copy } = await import('copy-to-clipboard');
    return copy(text, { format: 'text/plain' });
  }
}

/** Copies `text`, then shows "Copied" (visible and announced) for a few seconds. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [state, setState] = useState<CopyState>('idle');
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  useEffect(
    () => () => {
      clearTimeout(timer.current);
    },
    [],
  );

  async function onClick() {
    const ok = await copyText(text);
    setState(ok ? 'copied' : 'failed');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      setState('idle');
    }, 2500);
  }

  return (
    <span className="inline-flex items-center gap-2">
      <Button variant="secondary" size="sm" onClick={() => void onClick()} aria-label={label}>
        Copy
      </Button>
      <span role="status" className="min-w-14 text-sm text-green-800 dark:text-green-300">
        {state === 'copied'
          ? 'Copied'
          : state === 'failed'
            ? 'Copy failed: select the text instead'
            : ''}
      </span>
    </span>
  );
}
