// SPDX-License-Identifier: EUPL-1.2
// Paginaschil voor de publieke delen (meldpunt, openbare cijfers): skiplink, kop met naam en
// ondertitel, hoofdinhoud en voet. Buiten de sessie: geen navigatie voor medewerkers.
import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { SkipLink } from './SkipLink.js';
import { useRouteFocus } from './useRouteFocus.js';

export interface PublicShellProps {
  home: string;
  name: string;
  tagline: string;
  skipLabel: string;
  /** Extra class on the outer element, e.g. `meldpunt-app`. */
  className: string;
  /** Extra class on the content container. */
  contentClassName: string;
  /** Extra class on the footer. */
  footerClassName?: string;
  footer: ReactNode;
  children: ReactNode;
}

export function PublicShell({ home, name, tagline, skipLabel, className, contentClassName, footerClassName, footer, children }: PublicShellProps) {
  useRouteFocus();
  return (
    <div className={`knooppunt-app ${className}`}>
      <SkipLink label={skipLabel} />
      <header className="utrecht-page-header knooppunt-header">
        <div className="utrecht-page-header__content knooppunt-header__content">
          <RouterLink to={home} className="knooppunt-logo">
            <span className="knooppunt-logo__name">{name}</span>
            <span className="knooppunt-logo__tagline">{tagline}</span>
          </RouterLink>
        </div>
      </header>
      <div className="knooppunt-body">
        <main id="inhoud" tabIndex={-1} className="utrecht-page-body knooppunt-main">
          <div className={`utrecht-page-body__content knooppunt-main__content ${contentClassName}`}>{children}</div>
        </main>
      </div>
      <footer className={`utrecht-page-footer knooppunt-footer${footerClassName ? ` ${footerClassName}` : ''}`}>
        <div className="utrecht-page-footer__content">{footer}</div>
      </footer>
    </div>
  );
}
