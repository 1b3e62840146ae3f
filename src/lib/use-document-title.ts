import { useEffect } from 'react';

/** "<page> – Ontora Admin" in the tab and for screen readers announcing the new page. */
export function useDocumentTitle(page: string | null): void {
  useEffect(() => {
    document.title = page ? `${page} – Ontora Admin` : 'Ontora Admin';
  }, [page]);
}
