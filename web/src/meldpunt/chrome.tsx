// SPDX-License-Identifier: EUPL-1.2
// Paginaschil van het publieke meldpunt: skiplink, kop, hoofdinhoud en voet met privacyverklaring.
import { useEffect, useRef } from 'react';
import type { MouseEvent, ReactNode } from 'react';
import { Link as RouterLink, useLocation } from 'react-router-dom';
import { T } from './texts.js';
import './meldpunt.css';

/** Zet document.title op "<titel> — Meldpunt Tweestromenland". */
export function useMeldpuntTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} — ${T.app.titelSuffix}`;
  }, [title]);
}

/** Verplaatst de focus naar de h1 na elke routewissel (niet bij de eerste paginalading). */
function useRouteFocus() {
  const location = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const frame = requestAnimationFrame(() => document.querySelector<HTMLElement>('main [data-page-heading]')?.focus());
    return () => cancelAnimationFrame(frame);
  }, [location.pathname]);
}

function SkipLink() {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    const main = document.getElementById('inhoud');
    if (main) {
      event.preventDefault();
      main.focus();
      main.scrollIntoView();
    }
  };
  return (
    <a className="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#inhoud" onClick={onClick}>
      {T.app.skipLink}
    </a>
  );
}

export function MeldpuntChrome({ children }: { children: ReactNode }) {
  useRouteFocus();
  return (
    <div className="knooppunt-app meldpunt-app">
      <SkipLink />
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
