// SPDX-License-Identifier: EUPL-1.2
// Het publieke meldpunt (/melden/*): zonder account, zonder cookies, zonder verzoeken aan derden.
export function MeldpuntApp() {
  return <main id="inhoud">Meldpunt</main>;
}
