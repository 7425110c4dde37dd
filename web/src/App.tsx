// SPDX-License-Identifier: EUPL-1.2
import type { ReactNode } from 'react';
import { BrowserRouter, Navigate, Outlet, Route, Routes, useLocation } from 'react-router-dom';
import { Layout } from './components/Layout.js';
import { Paragraph } from './components/Typography.js';
import { t } from './i18n/t.js';
import { AccountPage } from './pages/AccountPage.js';
import { ApiKeysPage } from './pages/ApiKeysPage.js';
import { AuditPage } from './pages/AuditPage.js';
import { HomePage } from './pages/HomePage.js';
import { InstallationPage } from './pages/InstallationPage.js';
import { LoginPage } from './pages/LoginPage.js';
import { MfaEnrolmentPage } from './pages/MfaEnrolmentPage.js';
import { ForbiddenPage, NotFoundPage } from './pages/NotFoundPage.js';
import { OrganisationsPage } from './pages/OrganisationsPage.js';
import { PlaceholderPage } from './pages/PlaceholderPage.js';
import { ProcessingRegisterPage } from './pages/ProcessingRegisterPage.js';
import { UsersPage } from './pages/UsersPage.js';
import { KnooppuntRoutes } from './knooppunt/KnooppuntRoutes.js';
import { MeldingenRoutes } from './meldingen/MeldingenRoutes.js';
import { MeldpuntApp } from './meldpunt/MeldpuntApp.js';
import { SessionProvider, useSession } from './session/SessionContext.js';
import { PubliekeCijfersApp } from './veiligheidsbeeld/PubliekeCijfersApp.js';
import { VeiligheidsbeeldRoutes } from './veiligheidsbeeld/VeiligheidsbeeldRoutes.js';

function Loading() {
  return (
    <Paragraph role="status" className="knooppunt-loading">
      {t('app.loading')}
    </Paragraph>
  );
}

/** Alleen voor ingelogde gebruikers met een actieve sessie. */
function RequireSession() {
  const { session } = useSession();
  const location = useLocation();
  if (session === undefined) return <Loading />;
  if (session === null) return <Navigate to="/inloggen" replace state={{ from: location.pathname }} />;
  if (session.status === 'mfa-inschrijving') return <Navigate to="/mfa-inschrijving" replace />;
  if (session.moetWachtwoordWijzigen && location.pathname !== '/account') return <Navigate to="/account" replace />;
  return <Outlet />;
}

/** Toont de pagina alleen als de sessie minstens één van de rechten heeft. */
function RequireRecht({ anyOf, children }: { anyOf: readonly string[]; children: ReactNode }) {
  const { hasRecht } = useSession();
  return anyOf.some((recht) => hasRecht(recht)) ? <>{children}</> : <ForbiddenPage />;
}

export function App() {
  return (
    <BrowserRouter>
      <Routes>
        {/* Het publieke meldpunt staat buiten de sessie: geen sessieverzoek, geen cookie, geen navigatie voor medewerkers. */}
        <Route path="/melden/*" element={<MeldpuntApp />} />
        {/* De openbare cijfers: ook zonder sessie en zonder cookies. */}
        <Route path="/cijfers/*" element={<PubliekeCijfersApp />} />
        <Route path="*" element={<StaffApp />} />
      </Routes>
    </BrowserRouter>
  );
}

function StaffApp() {
  return (
    <SessionProvider>
        <Layout>
          <Routes>
            <Route path="/inloggen" element={<LoginPage />} />
            <Route path="/installatie" element={<InstallationPage />} />
            <Route path="/mfa-inschrijving" element={<MfaEnrolmentPage />} />
            <Route element={<RequireSession />}>
              <Route index element={<HomePage />} />
              <Route path="meldingen/*" element={<MeldingenRoutes />} />
              <Route path="knooppunt/*" element={<KnooppuntRoutes />} />
              <Route path="casussen" element={<PlaceholderPage title="nav.casussen" description="placeholder.casussen" />} />
              <Route path="veiligheidsbeeld/*" element={<VeiligheidsbeeldRoutes />} />
              <Route path="beleid" element={<PlaceholderPage title="nav.beleid" description="placeholder.beleid" />} />
              <Route path="account" element={<AccountPage />} />
              <Route
                path="beheer/organisaties"
                element={
                  <RequireRecht anyOf={['organisaties:lezen']}>
                    <OrganisationsPage />
                  </RequireRecht>
                }
              />
              <Route
                path="beheer/gebruikers"
                element={
                  <RequireRecht anyOf={['gebruikers:beheren']}>
                    <UsersPage />
                  </RequireRecht>
                }
              />
              <Route
                path="beheer/api-sleutels"
                element={
                  <RequireRecht anyOf={['api-sleutels:beheren']}>
                    <ApiKeysPage />
                  </RequireRecht>
                }
              />
              <Route
                path="privacy/audit"
                element={
                  <RequireRecht anyOf={['audit:lezen']}>
                    <AuditPage />
                  </RequireRecht>
                }
              />
              <Route
                path="privacy/verwerkingsregister"
                element={
                  <RequireRecht anyOf={['verwerkingsregister:beheren', 'verwerkingsregister:lezen']}>
                    <ProcessingRegisterPage />
                  </RequireRecht>
                }
              />
            </Route>
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        </Layout>
      </SessionProvider>
  );
}
