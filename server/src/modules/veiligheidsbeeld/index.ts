// SPDX-License-Identifier: EUPL-1.2
// The veiligheidsbeeld module: police/CBS figures per gemeente, per-1,000 and trend analysis.
export { veiligheidsbeeldRoutes } from './veiligheidsbeeld.routes.js';
export { createImportService, type ImportInvoer, type ImportResultaat } from './import.service.js';
export { createCijfersService } from './cijfers.service.js';
export { meldpuntMaandcijfers, type MeldpuntCel } from './meldpunt.repository.js';
export { seedVeiligheidsbeeldConfig } from './seed.js';
