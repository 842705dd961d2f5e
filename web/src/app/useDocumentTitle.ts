import { useEffect } from 'react';

const SITE_TITLE = 'Sozialraum-Plattform – Landkreis Verden';

/** Sets the document title to „<page> – Sozialraum-Plattform – Landkreis Verden“. */
export const useDocumentTitle = (pageTitle: string | undefined): void => {
  useEffect(() => {
    document.title = pageTitle ? `${pageTitle} – ${SITE_TITLE}` : SITE_TITLE;
  }, [pageTitle]);
};
