// SPDX-License-Identifier: EUPL-1.2
// Upload van cijferbestanden (iv-coördinator, beleidsadviseur): voortgang, resultaat, fouten per regel.
import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { ApiError } from '../api/client.js';
import { Alert } from '../components/Alert.js';
import { Button, SubmitButton } from '../components/Button.js';
import { SelectField } from '../components/FormField.js';
import { LoadError } from '../components/LoadError.js';
import { ListTable } from '../components/ListTable.js';
import { TableCell, TableRow } from '../components/Table.js';
import { Heading2, Paragraph } from '../components/Typography.js';
import { formatDateTime } from '../format.js';
import { FactList } from '../meldingen/ui.js';
import { useSession } from '../session/SessionContext.js';
import { IMPORT_BODY_LIMIT, ImportGeannuleerd, importBody, vbApi, type ImportResultaat } from './api.js';
import { getal } from './format.js';
import { T } from './texts.js';
import { useLoad } from './useLoad.js';
import { VbPage } from './VbPage.js';

/** Lezen en uploaden hebben een percentage; verwerken (de server controleert en importeert) niet. */
type Fase = 'lezen' | 'uploaden' | 'verwerken';

type Status =
  | { soort: 'rust' }
  | { soort: 'bezig'; bestand: string; fase: Fase; procent: number }
  | { soort: 'klaar'; resultaat: ImportResultaat }
  | { soort: 'geannuleerd'; naVerzenden: boolean }
  | { soort: 'fout'; titel: string; detail: string | null; regels: { veld: string; melding: string }[] };

/** Schermlezers horen alleen faseveranderingen en stappen van 25 %; de balk zelf loopt vloeiend mee. */
const AANKONDIGING_STAP = 25;

const procentVan = (deel: number, totaal: number) => (totaal > 0 ? Math.min(100, Math.floor((deel / totaal) * 100)) : 0);
const mb = (bytes: number) => getal(bytes / (1024 * 1024), 1);

/** De tekst van de live-regio: verandert alleen bij een nieuwe fase of een nieuwe stap van 25 %. */
function aankondiging(status: Status): string {
  if (status.soort !== 'bezig') return '';
  if (status.fase === 'verwerken') return T.import.fase.verwerken;
  return T.import.voortgang(T.import.fase[status.fase], Math.floor(status.procent / AANKONDIGING_STAP) * AANKONDIGING_STAP);
}

/** Leest het bestand als UTF-8-tekst (zoals File.text(), BOM eraf) met voortgang; afbreken geeft ImportGeannuleerd. */
function leesTekst(file: File, signal: AbortSignal, onVoortgang: (gelezen: number, totaal: number) => void): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    if (signal.aborted) {
      reject(new ImportGeannuleerd());
      return;
    }
    const reader = new FileReader();
    const breekAf = () => reader.abort();
    const klaar = () => signal.removeEventListener('abort', breekAf);
    reader.onprogress = (e) => onVoortgang(e.loaded, e.lengthComputable ? e.total : file.size);
    reader.onload = () => {
      klaar();
      resolve(typeof reader.result === 'string' ? reader.result : '');
    };
    reader.onerror = () => {
      klaar();
      reject(reader.error ?? new Error('FileReader'));
    };
    reader.onabort = () => {
      klaar();
      reject(new ImportGeannuleerd());
    };
    signal.addEventListener('abort', breekAf);
    reader.readAsText(file, 'utf-8');
  });
}

export function ImportPagina() {
  const { session } = useSession();
  const [bestand, setBestand] = useState<File | null>(null);
  const [formaat, setFormaat] = useState('');
  const [status, setStatus] = useState<Status>({ soort: 'rust' });
  const [bestandFout, setBestandFout] = useState<string | null>(null);
  const [versie, setVersie] = useState(0);
  const invoer = useRef<HTMLInputElement>(null);
  const resultaatRef = useRef<HTMLDivElement>(null);
  const afbreker = useRef<AbortController | null>(null);
  const voortgangRef = useRef<HTMLDivElement>(null);
  const datasets = useLoad(() => vbApi.datasets(), [versie]);

  // Wie de pagina verlaat tijdens het lezen of uploaden, breekt de upload af.
  useEffect(() => () => afbreker.current?.abort(), []);

  const weiger = (melding: string) => {
    setStatus({ soort: 'rust' });
    setBestandFout(melding);
    invoer.current?.focus();
  };

  const verstuur = async (event: FormEvent) => {
    event.preventDefault();
    if (afbreker.current) return;
    if (!bestand) return weiger(T.import.kiesBestand);
    if (bestand.size === 0) return weiger(T.import.leeg);
    // De JSON-body is nooit kleiner dan het bestand zelf: te groot kan al vóór het lezen worden gezegd.
    if (bestand.size > IMPORT_BODY_LIMIT) return weiger(T.import.teGroot(mb(bestand.size), mb(IMPORT_BODY_LIMIT)));
    setBestandFout(null);
    const naam = bestand.name;
    const controller = new AbortController();
    afbreker.current = controller;
    let verzonden = false;
    const zet = (fase: Fase, procent: number) => setStatus({ soort: 'bezig', bestand: naam, fase, procent });
    zet('lezen', 0);
    try {
      let inhoud: string;
      try {
        inhoud = await leesTekst(bestand, controller.signal, (gelezen, totaal) => zet('lezen', procentVan(gelezen, totaal)));
      } catch (error) {
        if (error instanceof ImportGeannuleerd) throw error;
        setStatus({ soort: 'fout', titel: T.import.foutTitel, detail: T.import.leesFout, regels: [] });
        setTimeout(() => resultaatRef.current?.focus(), 0);
        return;
      }
      if (inhoud.trim() === '') return weiger(T.import.leeg);
      const body = importBody({ bestandsnaam: naam, inhoud, ...(formaat ? { formaat } : {}) });
      if (body.size > IMPORT_BODY_LIMIT) return weiger(T.import.teGroot(mb(body.size), mb(IMPORT_BODY_LIMIT)));
      zet('uploaden', 0);
      const resultaat = await vbApi.importeer(body, {
        csrfToken: session?.csrfToken ?? null,
        signal: controller.signal,
        onUploadVoortgang: (verstuurd, totaal) => {
          if (!verzonden) zet('uploaden', procentVan(verstuurd, totaal));
        },
        onUploadKlaar: () => {
          verzonden = true;
          // De knop Annuleren verdwijnt; had hij de focus, dan gaat die naar het voortgangsblok.
          if (document.activeElement instanceof HTMLButtonElement && voortgangRef.current?.contains(document.activeElement)) setTimeout(() => voortgangRef.current?.focus(), 0);
          zet('verwerken', 100);
        },
      });
      setStatus({ soort: 'klaar', resultaat });
      setVersie((v) => v + 1);
    } catch (error) {
      if (error instanceof ImportGeannuleerd) {
        setStatus({ soort: 'geannuleerd', naVerzenden: verzonden });
        if (verzonden) setVersie((v) => v + 1);
      } else if (error instanceof ApiError) setStatus({ soort: 'fout', titel: error.title, detail: error.detail ?? null, regels: error.errors });
      else setStatus({ soort: 'fout', titel: T.import.foutTitel, detail: null, regels: [] });
    } finally {
      afbreker.current = null;
    }
    setTimeout(() => resultaatRef.current?.focus(), 0);
  };

  const bezig = status.soort === 'bezig';
  const foutId = 'vb-import-bestand-fout';
  return (
    <VbPage title={T.import.titel}>
      <Paragraph lead>{T.import.intro}</Paragraph>
      <form onSubmit={(e) => void verstuur(e)} noValidate className="vb-import">
        <div className={`utrecht-form-field utrecht-form-field--text${bestandFout ? ' utrecht-form-field--invalid' : ''}`}>
          <div className="utrecht-form-field__label">
            <label className="utrecht-form-label" htmlFor="vb-import-bestand">
              {T.import.bestand}
            </label>
          </div>
          <div className="utrecht-form-field__description utrecht-form-field-description" id="vb-import-bestand-omschrijving">
            {T.import.bestandUitleg}
          </div>
          {bestandFout ? (
            <div className="utrecht-form-field__error-message utrecht-form-field-error-message" id={foutId}>
              {bestandFout}
            </div>
          ) : null}
          <div className="utrecht-form-field__input">
            <input
              ref={invoer}
              id="vb-import-bestand"
              type="file"
              accept=".csv,.json,.txt,text/csv,application/json"
              className="vb-bestand"
              aria-describedby={`vb-import-bestand-omschrijving${bestandFout ? ` ${foutId}` : ''}`}
              aria-invalid={bestandFout ? true : undefined}
              onChange={(e) => setBestand(e.currentTarget.files?.[0] ?? null)}
            />
          </div>
        </div>
        <SelectField
          id="vb-import-formaat"
          label={T.import.formaat}
          description={T.import.formaatUitleg}
          value={formaat}
          onChange={(e) => setFormaat(e.currentTarget.value)}
          options={[{ value: '', label: T.import.automatisch }, ...Object.entries(T.import.formaten).map(([value, label]) => ({ value, label }))]}
        />
        <SubmitButton busy={bezig}>{T.import.knop}</SubmitButton>
      </form>

      {status.soort === 'bezig' ? (
        <div ref={voortgangRef} tabIndex={-1} className="vb-voortgang" data-testid="import-voortgang-balk">
          {/* De zichtbare tekst loopt met de balk mee; schermlezers krijgen de balk (naam en waarde) en de live-regio. */}
          <p className="utrecht-paragraph vb-voortgang__tekst" aria-hidden="true">
            {status.fase === 'verwerken' ? T.import.fase.verwerken : T.import.voortgang(T.import.fase[status.fase], status.procent)}{' '}
            <span className="vb-voortgang__bestand">({status.bestand})</span>
          </p>
          {status.fase === 'verwerken' ? (
            <progress key="verwerken" className="vb-progress" aria-label={T.import.voortgangLabel(T.import.fase.verwerken, status.bestand)} />
          ) : (
            <progress key={status.fase} className="vb-progress" aria-label={T.import.voortgangLabel(T.import.fase[status.fase], status.bestand)} value={status.procent} max={100}>
              {status.procent} %
            </progress>
          )}
          {status.fase === 'verwerken' ? (
            <Paragraph>{T.import.verwerkenUitleg}</Paragraph>
          ) : (
            <Button onClick={() => afbreker.current?.abort()}>{T.import.annuleren}</Button>
          )}
        </div>
      ) : null}
      <div role="status" className="knooppunt-status-region knooppunt-visually-hidden" data-testid="import-voortgang">
        {aankondiging(status)}
      </div>

      <div ref={resultaatRef} tabIndex={-1} className="vb-resultaat" data-testid="import-resultaat">
        {status.soort === 'klaar' ? <Resultaat r={status.resultaat} /> : null}
        {status.soort === 'geannuleerd' ? (
          <Alert type={status.naVerzenden ? 'warning' : 'info'} data-testid="import-geannuleerd">
            <p className="utrecht-paragraph">{status.naVerzenden ? T.import.geannuleerdNaVerzenden : T.import.geannuleerd}</p>
          </Alert>
        ) : null}
        {status.soort === 'fout' ? (
          <Alert type="error" role="alert" data-testid="import-fout">
            <p className="utrecht-paragraph knooppunt-alert__title">{status.titel}</p>
            {status.detail ? <p className="utrecht-paragraph">{status.detail}</p> : null}
            {status.regels.length > 0 ? (
              <>
                <p className="utrecht-paragraph">{T.import.foutUitleg}</p>
                <ul className="utrecht-unordered-list">
                  {status.regels.map((r, i) => (
                    <li key={i} className="utrecht-unordered-list__item">
                      <strong>{r.veld}</strong>: {r.melding}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </Alert>
        ) : null}
      </div>

      <Heading2>{T.import.datasets}</Heading2>
      {datasets.error ? <LoadError error={datasets.error} /> : null}
      <ListTable loading={datasets.loading} items={datasets.data?.datasets ?? null} empty={T.geenCijfers} caption={T.import.datasetsTabel} columns={T.import.kolommen}>
        {(datasets.data?.datasets ?? []).map((d) => (
          <TableRow key={d.id}>
            <TableCell>{d.titel}</TableCell>
            <TableCell>{d.bestandsnaam}</TableCell>
            <TableCell>{d.bron}</TableCell>
            <TableCell>{d.licentie}</TableCell>
            <TableCell className="utrecht-table__cell utrecht-table__cell--numeric">{getal(d.waarden + d.bevolking)}</TableCell>
            <TableCell>{formatDateTime(d.geimporteerdOp)}</TableCell>
          </TableRow>
        ))}
      </ListTable>
    </VbPage>
  );
}

function Resultaat({ r }: { r: ImportResultaat }) {
  return (
    <Alert type={r.ongewijzigd ? 'info' : 'ok'}>
      <p className="utrecht-paragraph knooppunt-alert__title">{r.ongewijzigd ? T.import.ongewijzigd : T.import.klaar}</p>
      <FactList
        testId="import-aantallen"
        items={[
          [T.import.r.formaat, T.import.formaten[r.formaat] ?? r.formaat],
          [T.import.r.regels, getal(r.regels)],
          [T.import.r.overgeslagen, getal(r.overgeslagen)],
          [T.import.r.nieuw, getal(r.waarden.nieuw)],
          [T.import.r.gewijzigd, getal(r.waarden.gewijzigd)],
          [T.import.r.gelijk, getal(r.waarden.gelijk)],
          [T.import.r.bevolking, r.bevolking.totaal > 0 ? `${getal(r.bevolking.nieuw)} / ${getal(r.bevolking.gewijzigd)} / ${getal(r.bevolking.gelijk)}` : null],
        ]}
      />
    </Alert>
  );
}
