import { useEffect } from 'react';

export const APP_TITLE = 'SQL Server 10054 troubleshooter';

/** Gives every page a unique document title ("Question – App"), as WCAG 2.4.2 asks. */
export function useDocumentTitle(title: string | undefined) {
  useEffect(() => {
    document.title = title ? `${title} – ${APP_TITLE}` : APP_TITLE;
  }, [title]);
}
