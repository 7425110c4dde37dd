// SPDX-License-Identifier: EUPL-1.2
import type { ReactNode } from 'react';
import { usePageTitle } from './PageTitle.js';
import { Heading1 } from './Typography.js';

/** Pagina-inhoud met één h1 die ook de documenttitel bepaalt. De h1 krijgt focus na navigatie. */
export function Page({ title, heading, children }: { title: string; heading?: ReactNode; children: ReactNode }) {
  usePageTitle(title);
  return (
    <div className="knooppunt-page">
      <Heading1 tabIndex={-1} className="knooppunt-page__heading" data-page-heading="">
        {heading ?? title}
      </Heading1>
      {children}
    </div>
  );
}
