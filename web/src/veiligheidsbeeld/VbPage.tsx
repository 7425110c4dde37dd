// SPDX-License-Identifier: EUPL-1.2
// Paginaschil van het veiligheidsbeeld: h1 (via Page) en de subnavigatie.
import type { ReactNode } from 'react';
import { NavLink } from '../components/Link.js';
import { Page } from '../components/Page.js';
import { useSession } from '../session/SessionContext.js';
import { T } from './texts.js';

export const IMPORTEREN = 'veiligheidsbeeld:importeren';

function SubNav() {
  const { hasRecht } = useSession();
  return (
    <nav aria-label={T.subnav} className="vb-subnav">
      <ul className="vb-subnav__list">
        <li>
          <NavLink to="/veiligheidsbeeld" end>
            {T.nav.overzicht}
          </NavLink>
        </li>
        <li>
          <NavLink to="/veiligheidsbeeld/vergelijking">{T.nav.vergelijking}</NavLink>
        </li>
        <li>
          <NavLink to="/veiligheidsbeeld/indeling">{T.nav.indeling}</NavLink>
        </li>
        {hasRecht(IMPORTEREN) ? (
          <li>
            <NavLink to="/veiligheidsbeeld/import">{T.nav.import}</NavLink>
          </li>
        ) : null}
        <li>
          <a className="utrecht-link utrecht-link--html-a knooppunt-nav__link" href="/cijfers">
            {T.nav.publiek}
          </a>
        </li>
      </ul>
    </nav>
  );
}

/** Pagina van het veiligheidsbeeld: h1, subnavigatie, inhoud. */
export function VbPage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Page title={title}>
      <SubNav />
      {children}
    </Page>
  );
}

