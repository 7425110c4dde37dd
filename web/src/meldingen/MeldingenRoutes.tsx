// SPDX-License-Identifier: EUPL-1.2
// Interne meldingen (/meldingen/*): niet-pluis-melding doen en "mijn meldingen".
export function MeldingenRoutes() {
  return <p>Meldingen</p>;
}
