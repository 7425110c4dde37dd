// SPDX-License-Identifier: EUPL-1.2
// Eén melding: samenvatting, inhoud, plek, betrokkenen, behandelen (status, toewijzing, bericht,
// routeren, contactgegevens), koppelingen en mogelijke dubbelen, berichten, bijlagen en tijdlijn.
import { Fragment, useState } from 'react';
import type { ReactNode } from 'react';
import { useParams } from 'react-router-dom';
import { api } from '../api/client.js';
import { useApiGet } from '../api/useApi.js';
import { StatusMessage } from '../components/Alert.js';
import { Button } from '../components/Button.js';
import { ExternalLink, Link } from '../components/Link.js';
import { LoadError } from '../components/LoadError.js';
import { Page } from '../components/Page.js';
import { StatusBadge } from '../components/StatusBadge.js';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../components/Table.js';
import { Heading2, Heading3, Paragraph, VisuallyHidden } from '../components/Typography.js';
import { formatDate, formatDateTime } from '../format.js';
import { t } from '../i18n/t.js';
import type { Categorie, CodeNaam, Gebeurtenis, GekoppeldeMelding, MeldingDetail } from '../meldingen/shared.js';
import { adresRegel, BRON_LABELS, byteSize, GEMEENTEN, KANAAL_LABELS, ONDERWERP_LABELS, ONDERWERP_VELD_LABELS, statusBadge, statusLabel } from '../meldingen/shared.js';
import { FactList } from '../meldingen/ui.js';
import { AssignmentForm, AttachmentUpload, ContactInzage, MessageForm, ReasonForm, RerouteForm, StatusActions } from './MeldingActions.js';
import type { Done } from './MeldingActions.js';

const DUBBEL_REDENEN: Record<string, string> = {
  'zelfde-adres': 'Zelfde adres',
  'zelfde-onderwerp': 'Zelfde persoon, bedrijf of voertuig',
  'zelfde-categorie-dichtbij': 'Zelfde categorie dichtbij',
};

function gemeenteCodeNaam(value: string | null): string {
  if (!value) return '';
  return value
    .split('/')
    .map((part) => GEMEENTEN.find((g) => g.code === part)?.naam ?? part)
    .join(' / ');
}

function describeEvent(e: Gebeurtenis): string {
  switch (e.soort) {
    case 'status':
      return e.van ? `Status: ${statusLabel(e.van)} → ${statusLabel(e.naar ?? '')}` : `Status: ${statusLabel(e.naar ?? '')}`;
    case 'toewijzing':
      return e.naar ? 'Toegewezen' : 'Toewijzing ingetrokken';
    case 'koppeling':
      return e.naar ? `Gekoppeld met ${e.naar}` : 'Ontkoppeld';
    case 'categorie':
      return `Categorie gewijzigd (${e.van ?? ''} → ${e.naar ?? ''})`;
    case 'locatie':
      return `Adres gewijzigd (${gemeenteCodeNaam(e.van)} → ${gemeenteCodeNaam(e.naar)})`;
    case 'routering':
      return `Opnieuw gerouteerd (${e.van ?? ''} → ${e.naar ?? ''})`;
    case 'bericht':
      return 'Bericht aan de melder';
    case 'reactie-melder':
      return 'Reactie van de melder';
    case 'bijlage':
      return 'Bijlage toegevoegd';
    default:
      return e.soort;
  }
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="knooppunt-section">
      <Heading2 id={id} tabIndex={-1}>
        {title}
      </Heading2>
      {children}
    </section>
  );
}

function LinkRow({ melding, other, role, onDone }: { melding: MeldingDetail; other: GekoppeldeMelding; role: 'ouder' | 'kind'; onDone: Done }) {
  const [open, setOpen] = useState(false);
  const buttonId = `ontkoppel-${other.id}`;
  const childId = role === 'kind' ? other.id : melding.id;
  return (
    <>
      <TableRow>
        <TableHeaderCell scope="row">
          <Link to={`/knooppunt/meldingen/${other.id}`}>{other.referentie}</Link>
        </TableHeaderCell>
        <TableCell>{role === 'ouder' ? 'Hoofdmelding' : 'Deelmelding'}</TableCell>
        <TableCell>
          <StatusBadge status={statusBadge(other.status)}>{statusLabel(other.status)}</StatusBadge>
        </TableCell>
        <TableCell>{other.reden ?? ''}</TableCell>
        <TableCell>
          <Button id={buttonId} aria-expanded={open} onClick={() => setOpen(!open)}>
            Ontkoppelen
            <VisuallyHidden>{` ${other.referentie}`}</VisuallyHidden>
          </Button>
        </TableCell>
      </TableRow>
      {open ? (
        <TableRow>
          <TableCell colSpan={5}>
            <ReasonForm
              id={`ontkoppel-${other.id}-form`}
              label={`Reden voor het ontkoppelen van ${other.referentie}`}
              submitLabel="Ontkoppelen"
              onCancel={() => {
                setOpen(false);
                requestAnimationFrame(() => document.getElementById(buttonId)?.focus());
              }}
              onSubmit={async (reden) => {
                await api.put(`/meldingen/${encodeURIComponent(childId)}/koppeling`, { ouderId: null, reden });
                setOpen(false);
                await onDone(`${other.referentie} is ontkoppeld.`, 'koppelingen-titel');
              }}
            />
          </TableCell>
        </TableRow>
      ) : null}
    </>
  );
}

function Koppelingen({ melding, onDone }: { melding: MeldingDetail; onDone: Done }) {
  const [linking, setLinking] = useState<string | null>(null);
  const linked = [...(melding.ouder ? [{ other: melding.ouder, role: 'ouder' as const }] : []), ...melding.kinderen.map((k) => ({ other: k, role: 'kind' as const }))];
  return (
    <>
      {linked.length > 0 ? (
        <Table caption="Gekoppelde meldingen">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Referentie</TableHeaderCell>
              <TableHeaderCell>Relatie</TableHeaderCell>
              <TableHeaderCell>Status</TableHeaderCell>
              <TableHeaderCell>Reden</TableHeaderCell>
              <TableHeaderCell>Acties</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {linked.map(({ other, role }) => (
              <LinkRow key={other.id} melding={melding} other={other} role={role} onDone={onDone} />
            ))}
          </TableBody>
        </Table>
      ) : (
        <Paragraph>Deze melding is niet aan andere meldingen gekoppeld.</Paragraph>
      )}
      <Heading3 id="dubbelen-titel">Mogelijke dubbele meldingen</Heading3>
      {melding.mogelijkeDubbelen.length === 0 ? (
        <Paragraph>Geen mogelijke dubbele meldingen gevonden.</Paragraph>
      ) : (
        <>
          <Paragraph>
            Koppel een dubbele melding als deelmelding aan deze melding. Deelmeldingen worden samen met deze melding afgesloten; alleen deze
            melding communiceert met de melder.
          </Paragraph>
          <Table caption="Mogelijke dubbele meldingen">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Referentie</TableHeaderCell>
                <TableHeaderCell>Ontvangen</TableHeaderCell>
                <TableHeaderCell>Status</TableHeaderCell>
                <TableHeaderCell>Overeenkomst</TableHeaderCell>
                <TableHeaderCell>Acties</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {melding.mogelijkeDubbelen.map((d) => {
                const buttonId = `koppel-${d.id}`;
                return (
                  <Fragment key={d.id}>
                    <TableRow>
                      <TableHeaderCell scope="row">
                        <Link to={`/knooppunt/meldingen/${d.id}`}>{d.referentie}</Link>
                      </TableHeaderCell>
                      <TableCell>{formatDateTime(d.aangemaaktOp)}</TableCell>
                      <TableCell>
                        <StatusBadge status={statusBadge(d.status)}>{d.statusNaam}</StatusBadge>
                      </TableCell>
                      <TableCell>{d.redenen.map((r) => DUBBEL_REDENEN[r] ?? r).join(', ')}</TableCell>
                      <TableCell>
                        {d.gekoppeld ? (
                          <StatusBadge status="success">Gekoppeld</StatusBadge>
                        ) : (
                          <Button id={buttonId} aria-expanded={linking === d.id} onClick={() => setLinking(linking === d.id ? null : d.id)}>
                            Koppelen als deelmelding
                            <VisuallyHidden>{` ${d.referentie}`}</VisuallyHidden>
                          </Button>
                        )}
                      </TableCell>
                    </TableRow>
                    {linking === d.id ? (
                      <TableRow>
                        <TableCell colSpan={5}>
                          <ReasonForm
                            id={`koppel-${d.id}-form`}
                            label={`Reden voor het koppelen van ${d.referentie}`}
                            description="Bijvoorbeeld: zelfde adres en dezelfde groep jongeren."
                            submitLabel="Koppelen"
                            onCancel={() => {
                              setLinking(null);
                              requestAnimationFrame(() => document.getElementById(buttonId)?.focus());
                            }}
                            onSubmit={async (reden) => {
                              await api.put(`/meldingen/${encodeURIComponent(d.id)}/koppeling`, { ouderId: melding.id, reden });
                              setLinking(null);
                              await onDone(`${d.referentie} is als deelmelding gekoppeld.`, 'koppelingen-titel');
                            }}
                          />
                        </TableCell>
                      </TableRow>
                    ) : null}
                  </Fragment>
                );
              })}
            </TableBody>
          </Table>
        </>
      )}
    </>
  );
}

function Detail({
  melding,
  behandelaars,
  doelen,
  categorieen,
  onDone,
}: {
  melding: MeldingDetail;
  behandelaars: ReadonlyArray<{ id: string; naam: string }>;
  doelen: readonly CodeNaam[];
  categorieen: readonly Categorie[];
  onDone: Done;
}) {
  const [rerouting, setRerouting] = useState(false);
  const closed = melding.afgeslotenOp !== null;
  const l = melding.locatie;
  const termijn = (
    <>
      {formatDate(melding.afhandeltermijn)}
      {melding.termijnOverschreden ? (
        <>
          {' '}
          <StatusBadge status="warning">Termijn over</StatusBadge>
        </>
      ) : null}
    </>
  );
  return (
    <>
      <Section id="samenvatting-titel" title="Samenvatting">
        <FactList
          testId="samenvatting"
          items={[
            ['Status', <StatusBadge key="s" status={statusBadge(melding.status)}>{melding.statusNaam}</StatusBadge>],
            ['Kanaal', KANAAL_LABELS[melding.kanaal] ?? melding.kanaal],
            ['Categorie', melding.categorie.naam],
            ['Gemeente', melding.gemeente.naam],
            ['Team', melding.team.naam],
            ['Bron', BRON_LABELS[melding.bron] ?? melding.bron],
            ['Melder', melding.melder ? [melding.melder.organisatie, melding.melder.rol].filter(Boolean).join(', ') : ''],
            ['Ontvangen', formatDateTime(melding.aangemaaktOp)],
            ['Afhandeltermijn', closed ? '' : termijn],
            ['Reactie uiterlijk', melding.reactieTermijn ? formatDate(melding.reactieTermijn) : ''],
            ['Behandelaar', melding.toegewezenAan?.naam ?? 'Niemand'],
            ['Doorgezet naar', melding.doorgezetNaar ?? ''],
            ['Afgesloten', melding.afgeslotenOp ? formatDateTime(melding.afgeslotenOp) : ''],
            ['Bewaren tot', melding.bewarenTot ? formatDate(melding.bewarenTot) : ''],
          ]}
        />
      </Section>

      <Section id="inhoud-titel" title="Wat is er gemeld">
        <Paragraph className="knooppunt-pre-line" data-testid="omschrijving">
          {melding.omschrijving}
        </Paragraph>
        {melding.antwoorden.length > 0 ? <FactList items={melding.antwoorden.map((a) => [a.vraag, a.antwoord])} /> : null}
        <FactList
          items={[
            ['Waargenomen', melding.waargenomenOp ? formatDateTime(melding.waargenomenOp) : ''],
            ['Toelichting op het moment', melding.waargenomenToelichting ?? ''],
          ]}
        />
      </Section>

      <Section id="plek-titel" title="Plek">
        <FactList
          items={[
            ['Adres', adresRegel(l) || 'Geen adres opgegeven'],
            ['Toelichting', l.toelichting ?? ''],
            [
              'Coördinaten',
              l.breedtegraad !== null && l.lengtegraad !== null ? `${l.breedtegraad.toFixed(5).replace('.', ',')}; ${l.lengtegraad.toFixed(5).replace('.', ',')}` : '',
            ],
          ]}
        />
      </Section>

      {melding.onderwerpen.length > 0 ? (
        <Section id="betrokkenen-titel" title="Betrokkenen">
          <Table caption="Betrokken personen, adressen, bedrijven en voertuigen">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Soort</TableHeaderCell>
                <TableHeaderCell>Gegevens</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {melding.onderwerpen.map((o) => (
                <TableRow key={o.id}>
                  <TableHeaderCell scope="row">{ONDERWERP_LABELS[o.soort] ?? o.soort}</TableHeaderCell>
                  <TableCell>
                    {Object.entries(o.gegevens)
                      .map(([k, v]) => `${ONDERWERP_VELD_LABELS[k] ?? k}: ${String(v)}`)
                      .join('; ')}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Section>
      ) : null}

      <Section id="behandelen-titel" title="Behandelen">
        <div className="knooppunt-actions-grid">
          <div>
            <Heading3 id="behandelen-status-titel" tabIndex={-1}>
              Status wijzigen
            </Heading3>
            <StatusActions melding={melding} doelen={doelen} onDone={onDone} />
          </div>
          <div>
            <Heading3 id="behandelen-toewijzing-titel" tabIndex={-1}>
              Toewijzing
            </Heading3>
            <AssignmentForm melding={melding} behandelaars={behandelaars} onDone={onDone} />
          </div>
          <div>
            <Heading3 id="behandelen-routeren-titel" tabIndex={-1}>
              Categorie of adres wijzigen
            </Heading3>
            {closed ? (
              <Paragraph>Een afgesloten melding kunt u niet wijzigen. Heropen haar eerst.</Paragraph>
            ) : (
              <>
                <Paragraph>Bij een andere categorie of een adres in een andere gemeente wordt de melding opnieuw gerouteerd.</Paragraph>
                <Button id="herrouteren-knop" aria-expanded={rerouting} onClick={() => setRerouting(!rerouting)}>
                  Categorie of adres wijzigen
                </Button>
                {rerouting ? (
                  <RerouteForm
                    melding={melding}
                    categorieen={categorieen}
                    onCancel={() => {
                      setRerouting(false);
                      requestAnimationFrame(() => document.getElementById('herrouteren-knop')?.focus());
                    }}
                    onDone={async (message, focusId) => {
                      setRerouting(false);
                      await onDone(message, focusId);
                    }}
                  />
                ) : null}
              </>
            )}
          </div>
          <div>
            <Heading3>Contactgegevens van de melder</Heading3>
            <ContactInzage melding={melding} />
          </div>
        </div>
      </Section>

      <Section id="koppelingen-titel" title="Koppelingen">
        <Koppelingen melding={melding} onDone={onDone} />
      </Section>

      <Section id="berichten-titel" title="Berichten met de melder">
        {melding.berichten.length === 0 ? (
          <Paragraph>Er zijn nog geen berichten.</Paragraph>
        ) : (
          <ol className="knooppunt-timeline" aria-label="Berichten" data-testid="berichten">
            {melding.berichten.map((b) => (
              <li key={b.id} className={`knooppunt-message knooppunt-message--${b.richting}`}>
                <p className="knooppunt-timeline__meta">
                  {b.richting === 'aan-melder' ? `Aan de melder${b.auteur ? `, van ${b.auteur}` : ''}` : 'Van de melder'} · {formatDateTime(b.op)}
                  {b.reactieGevraagd ? ' · reactie gevraagd' : ''}
                </p>
                <p className="utrecht-paragraph knooppunt-pre-line">{b.tekst}</p>
              </li>
            ))}
          </ol>
        )}
        <MessageForm melding={melding} onDone={onDone} />
      </Section>

      <Section id="bijlagen-titel" title="Bijlagen">
        {melding.bijlagen.length === 0 ? (
          <Paragraph>Er zijn geen bijlagen.</Paragraph>
        ) : (
          <ul className="knooppunt-attachments">
            {melding.bijlagen.map((b) => {
              const url = `/api/v1/meldingen/${encodeURIComponent(melding.id)}/bijlagen/${encodeURIComponent(b.id)}`;
              return (
                <li key={b.id}>
                  {b.mimeType.startsWith('image/') ? <img className="knooppunt-attachment__preview" src={url} alt={`Voorbeeld van ${b.bestandsnaam}`} loading="lazy" /> : null}
                  <Paragraph small>
                    <ExternalLink href={url} target="_blank" rel="noopener noreferrer">
                      {`${b.bestandsnaam} openen`}
                      <VisuallyHidden> (opent in een nieuw tabblad)</VisuallyHidden>
                    </ExternalLink>
                    <br />
                    {`${byteSize(b.grootte)}, ${b.bron === 'medewerker' ? 'van een medewerker' : 'van de melder'}, ${formatDateTime(b.op)}`}
                  </Paragraph>
                </li>
              );
            })}
          </ul>
        )}
        <AttachmentUpload melding={melding} onDone={onDone} />
      </Section>

      <Section id="tijdlijn-titel" title="Tijdlijn">
        <ol className="knooppunt-timeline" data-testid="tijdlijn">
          {melding.tijdlijn.map((e) => (
            <li key={e.id} className="knooppunt-timeline__item">
              <p className="utrecht-paragraph">
                <strong>{describeEvent(e)}</strong>
                {e.reden ? ` — ${e.reden}` : ''}
              </p>
              <p className="knooppunt-timeline__meta">
                {formatDateTime(e.op)} · {e.door}
              </p>
            </li>
          ))}
        </ol>
      </Section>
    </>
  );
}

export function MeldingDetailPage() {
  const { id = '' } = useParams();
  const detail = useApiGet<MeldingDetail>(`/meldingen/${encodeURIComponent(id)}`);
  const behandelaars = useApiGet<{ behandelaars: Array<{ id: string; naam: string }> }>(`/meldingen/${encodeURIComponent(id)}/behandelaars`);
  const doelen = useApiGet<{ doelen: CodeNaam[] }>('/meldingen/doorzetdoelen');
  const categorieen = useApiGet<{ categorieen: Categorie[] }>('/meldingcategorieen');
  const [message, setMessage] = useState<string | null>(null);

  const onDone: Done = async (text, focusId) => {
    setMessage(null);
    await Promise.all([detail.reload(), behandelaars.reload()]);
    setMessage(text);
    if (focusId) requestAnimationFrame(() => document.getElementById(focusId)?.focus());
  };

  const m = detail.data;
  const title = m ? `Melding ${m.referentie}` : 'Melding';
  return (
    <Page title={title}>
      <Paragraph>
        <Link to="/knooppunt">Terug naar de werkvoorraad</Link>
      </Paragraph>
      <StatusMessage message={message} testId="actie-resultaat" />
      <LoadError error={detail.error} />
      {!m && detail.loading ? <Paragraph role="status">{t('app.loading')}</Paragraph> : null}
      {m ? (
        <Detail
          melding={m}
          behandelaars={behandelaars.data?.behandelaars ?? []}
          doelen={doelen.data?.doelen ?? []}
          categorieen={categorieen.data?.categorieen ?? []}
          onDone={onDone}
        />
      ) : null}
    </Page>
  );
}
