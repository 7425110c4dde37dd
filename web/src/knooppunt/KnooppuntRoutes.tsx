// SPDX-License-Identifier: EUPL-1.2
// Het informatieknooppunt (/knooppunt/*): werkvoorraad, meldingdetail, signalering, notificaties.
import { Route, Routes } from 'react-router-dom';
import { NotFoundPage } from '../pages/NotFoundPage.js';
import { RequireRecht } from '../meldingen/ui.js';
import '../meldingen/meldingen.css';
import { MeldingDetailPage } from './MeldingDetailPage.js';
import { NotificatiesPage } from './NotificatiesPage.js';
import { SignaleringPage } from './SignaleringPage.js';
import { WerkvoorraadPage } from './WerkvoorraadPage.js';

const BEHANDELEN = 'meldingen:behandelen';

export function KnooppuntRoutes() {
  return (
    <Routes>
      <Route
        index
        element={
          <RequireRecht recht={BEHANDELEN}>
            <WerkvoorraadPage />
          </RequireRecht>
        }
      />
      <Route
        path="meldingen/:id"
        element={
          <RequireRecht recht={BEHANDELEN}>
            <MeldingDetailPage />
          </RequireRecht>
        }
      />
      <Route
        path="signalering"
        element={
          <RequireRecht recht={BEHANDELEN}>
            <SignaleringPage />
          </RequireRecht>
        }
      />
      {/* Notificaties zijn er voor iedere ingelogde gebruiker. */}
      <Route path="notificaties" element={<NotificatiesPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
