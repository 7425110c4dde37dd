// SPDX-License-Identifier: EUPL-1.2
// Paginaschil van het publieke meldpunt: skiplink, kop, hoofdinhoud en voet met privacyverklaring.
import { useEffect } from 'react';
import type { ReactNode } from 'react';
import { PublicShell } from '../components/PublicShell.js';
import { T } from './texts.js';
import './meldpunt.css';

/** Zet document.title op "<titel> — Meldpunt Tweestromenland". */
export function useMeldpuntTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} — ${T.app.titelSuffix}`;
  }, [title]);
}

export function MeldpuntChrome({ children }: { children: ReactNode }) {
  return (
    <PublicShell
      home="/melden"
      name={T.app.naam}
      tagline={T.app.ondertitel}
      skipLabel={T.app.skipLink}
      className="meldpunt-app"
      contentClassName="meldpunt-content"
      footerClassName="meldpunt-footer"
      footer={
        <>
          <h2 className="meldpunt-footer__title">{T.app.privacyTitel}</h2>
          <p className="knooppunt-footer__text" data-testid="privacyverklaring">
            {T.app.privacy}
          </p>
          <p className="knooppunt-footer__text">{T.app.gevaar}</p>
        </>
      }
    >
      {children}
    </PublicShell>
  );
}
