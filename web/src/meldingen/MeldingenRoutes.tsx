// SPDX-License-Identifier: EUPL-1.2
// Interne meldingen (/meldingen/*): niet-pluis-melding doen en "mijn meldingen".
import { Route, Routes, Link as RouterLink } from 'react-router-dom';
import { Page } from '../components/Page.js';
import { Paragraph } from '../components/Typography.js';
import { NotFoundPage } from '../pages/NotFoundPage.js';
import { useSession } from '../session/SessionContext.js';
import { MijnMeldingenPage } from './MijnMeldingenPage.js';
import { NietPluisPage } from './NietPluisPage.js';
import { RequireRecht } from './ui.js';
import './meldingen.css';

function Card({ to, title, text }: { to: string; title: string; text: string }) {
  return (
    <li className="knooppunt-card">
      <RouterLink to={to} className="knooppunt-card__link">
        <span className="knooppunt-card__title">{title}</span>
        <span className="knooppunt-card__text">{text}</span>
      </RouterLink>
    </li>
  );
}

function MeldingenHome() {
  const { hasRecht } = useSession();
  const canReport = hasRecht('meldingen:niet-pluis-melden');
  const canHandle = hasRecht('meldingen:behandelen');
  return (
    <Page title="Meldpunt">
      {canReport ? (
        <Paragraph lead>
          Ziet u tijdens uw werk iets wat niet pluis is? Meld het hier. De melding gaat vertrouwelijk naar het meldpunt van de
          gemeente waar het speelt.
        </Paragraph>
      ) : (
        <Paragraph>U heeft geen rol waarmee u niet-pluis-meldingen kunt doen.</Paragraph>
      )}
      <ul className="knooppunt-cards">
        {canReport ? (
          <>
            <Card to="/meldingen/niet-pluis" title="Niet-pluis-melding doen" text="Snel een signaal doorgeven, ook onderweg op uw telefoon." />
            <Card to="/meldingen/mijn" title="Mijn meldingen" text="De status van de meldingen die u heeft gedaan." />
          </>
        ) : null}
        {canHandle ? <Card to="/knooppunt" title="Werkvoorraad" text="Meldingen beoordelen, toewijzen en afhandelen." /> : null}
      </ul>
      <Paragraph small>Is er direct gevaar? Bel 112.</Paragraph>
    </Page>
  );
}

export function MeldingenRoutes() {
  return (
    <Routes>
      <Route index element={<MeldingenHome />} />
      <Route
        path="niet-pluis"
        element={
          <RequireRecht recht="meldingen:niet-pluis-melden">
            <NietPluisPage />
          </RequireRecht>
        }
      />
      <Route
        path="mijn"
        element={
          <RequireRecht recht="meldingen:niet-pluis-melden">
            <MijnMeldingenPage />
          </RequireRecht>
        }
      />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
