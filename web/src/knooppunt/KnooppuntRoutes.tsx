// SPDX-License-Identifier: EUPL-1.2
// Het informatieknooppunt (/knooppunt/*): werkvoorraad, meldingdetail, signalering.
export function KnooppuntRoutes() {
  return <p>Knooppunt</p>;
}
