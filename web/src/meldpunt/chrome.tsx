// SPDX-License-Identifier: EUPL-1.2
// Paginaschil van het publieke meldpunt: skiplink, kop, hoofdinhoud en voet met privacyverklaring.
import { useEffect } from 'react';
import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { SkipLink } from '../components/SkipLink.js';
import { useRouteFocus } from '../components/useRouteFocus.js';
import { T } from './texts.js';
import './meldpunt.css';

/** Zet document.title op "<titel> — Meldpunt Tweestromenland". */
export function useMeldpuntTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} — ${T.app.titelSuffix}`;
  }, [title]);
}

export function MeldpuntChrome({ children }: { children: ReactNode }) {
  useRouteFocus();
  return (
    <div className="knooppunt-app meldpunt-app">
      <SkipLink label={T.app.skipLink} />
      <header className="utrecht-page-header knooppunt-header">
        <div className="utrecht-page-header__content knooppunt-header__content">
          <RouterLink to="/melden" className="knooppunt-logo">
            <span className="knooppunt-logo__name">{T.app.naam}</span>
            <span className="knooppunt-logo__tagline">{T.app.ondertitel}</span>
          </RouterLink>
        </div>
      </header>
      <div className="knooppunt-body">
        <main id="inhoud" tabIndex={-1} className="utrecht-page-body knooppunt-main">
          <div className="utrecht-page-body__content knooppunt-main__content meldpunt-content">{children}</div>
        </main>
      </div>
      <footer className="utrecht-page-footer knooppunt-footer meldpunt-footer">
        <div className="utrecht-page-footer__content">
          <h2 className="meldpunt-footer__title">{T.app.privacyTitel}</h2>
          <p className="knooppunt-footer__text" data-testid="privacyverklaring">
            {T.app.privacy}
          </p>
          <p className="knooppunt-footer__text">{T.app.gevaar}</p>
        </div>
      </footer>
    </div>
  );
}
