// SPDX-License-Identifier: EUPL-1.2
// Signalering: open meldingen over de afhandeltermijn en over drie keer de termijn.
import { useApiGet } from '../api/useApi.js';
import { Link } from '../components/Link.js';
import { LoadError } from '../components/LoadError.js';
import { Page } from '../components/Page.js';
import { Heading2, Paragraph } from '../components/Typography.js';
import { t } from '../i18n/t.js';
import type { Signalering, Werkvoorraad } from '../meldingen/shared.js';
import { WorklistTable } from './WorklistTable.js';

function Block({ id, title, caption, empty, list }: { id: string; title: string; caption: string; empty: string; list: Werkvoorraad }) {
  return (
    <section aria-labelledby={id} className="knooppunt-section">
      <Heading2 id={id}>{`${title} (${list.totaal})`}</Heading2>
      {list.resultaten.length === 0 ? <Paragraph>{empty}</Paragraph> : <WorklistTable caption={caption} regels={list.resultaten} />}
      {list.totaal > list.resultaten.length ? (
        <Paragraph small>{`De eerste ${list.resultaten.length} van ${list.totaal} meldingen; filter de werkvoorraad voor de rest.`}</Paragraph>
      ) : null}
    </section>
  );
}

export function SignaleringPage() {
  const sig = useApiGet<Signalering>('/meldingen/signalering');
  return (
    <Page title="Signalering termijnen">
      <Paragraph>
        Open meldingen waarvan de afhandeltermijn voorbij is. Meldingen die drie keer zo lang openstaan als de termijn, horen bij de
        leidinggevende op tafel.
      </Paragraph>
      <Paragraph>
        <Link to="/knooppunt">Terug naar de werkvoorraad</Link>
      </Paragraph>
      <LoadError error={sig.error} />
      {sig.loading && !sig.data ? <Paragraph role="status">{t('app.loading')}</Paragraph> : null}
      {sig.data ? (
        <>
          <Block
            id="signalering-drievoudig"
            title="Drie keer de termijn overschreden"
            caption="Meldingen over drie keer de afhandeltermijn"
            empty="Geen meldingen over drie keer de termijn."
            list={sig.data.drievoudigOverschreden}
          />
          <Block
            id="signalering-overschreden"
            title="Afhandeltermijn overschreden"
            caption="Meldingen over de afhandeltermijn"
            empty="Geen meldingen over de termijn."
            list={sig.data.termijnOverschreden}
          />
        </>
      ) : null}
    </Page>
  );
}
