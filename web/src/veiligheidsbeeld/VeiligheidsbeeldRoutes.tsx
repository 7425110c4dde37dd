// SPDX-License-Identifier: EUPL-1.2
// Het veiligheidsbeeld voor medewerkers (/veiligheidsbeeld/*): overzicht per Kernbeleid-veld, een pagina
// per gemeente en per indicator (kleine grafieken van de zes), de vergelijking, de indeling in velden
// en de import.
import { Route, Routes } from 'react-router-dom';
import { NotFoundPage } from '../pages/NotFoundPage.js';
import { RequireRecht } from '../meldingen/ui.js';
import { GemeentePagina, IndicatorPagina, OverzichtPagina, VergelijkingPagina } from './Dashboards.js';
import { ImportPagina } from './ImportPagina.js';
import { IndelingCodePagina, IndelingPagina } from './IndelingPagina.js';
import { IMPORTEREN } from './VbPage.js';
import './veiligheidsbeeld.css';

export function VeiligheidsbeeldRoutes() {
  return (
    <Routes>
      <Route index element={<OverzichtPagina />} />
      <Route path="gemeenten/:code" element={<GemeentePagina />} />
      <Route path="indicatoren/:code" element={<IndicatorPagina />} />
      <Route path="vergelijking" element={<VergelijkingPagina />} />
      <Route path="indeling" element={<IndelingPagina />} />
      <Route path="indeling/:bron/:code" element={<IndelingCodePagina />} />
      <Route
        path="import"
        element={
          <RequireRecht recht={IMPORTEREN}>
            <ImportPagina />
          </RequireRecht>
        }
      />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
