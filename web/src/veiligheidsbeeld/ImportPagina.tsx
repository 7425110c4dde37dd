// SPDX-License-Identifier: EUPL-1.2
// Upload van cijferbestanden (iv-coördinator, beleidsadviseur): voortgang, resultaat, fouten per regel.
import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { ApiError } from '../api/client.js';
import { Alert } from '../components/Alert.js';
import { SubmitButton } from '../components/Button.js';
import { SelectField } from '../components/FormField.js';
import { LoadError } from '../components/LoadError.js';
import { ListTable } from '../components/ListTable.js';
import { TableCell, TableRow } from '../components/Table.js';
import { Heading2, Paragraph } from '../components/Typography.js';
import { formatDateTime } from '../format.js';
import { FactList } from '../meldingen/ui.js';
import { vbApi, type ImportResultaat } from './api.js';
import { getal } from './format.js';
import { T } from './texts.js';
import { useLoad } from './useLoad.js';
import { VbPage } from './VbPage.js';

type Status =
  | { soort: 'rust' }
  | { soort: 'bezig'; bestand: string }
  | { soort: 'klaar'; resultaat: ImportResultaat }
  | { soort: 'fout'; titel: string; detail: string | null; regels: { veld: string; melding: string }[] };

export function ImportPagina() {
  const [bestand, setBestand] = useState<File | null>(null);
  const [formaat, setFormaat] = useState('');
  const [status, setStatus] = useState<Status>({ soort: 'rust' });
  const [bestandFout, setBestandFout] = useState<string | null>(null);
  const [versie, setVersie] = useState(0);
  const invoer = useRef<HTMLInputElement>(null);
  const resultaatRef = useRef<HTMLDivElement>(null);
  const datasets = useLoad(() => vbApi.datasets(), [versie]);

  const verstuur = async (event: FormEvent) => {
    event.preventDefault();
    if (!bestand) {
      setBestandFout(T.import.kiesBestand);
      invoer.current?.focus();
      return;
    }
    setBestandFout(null);
    setStatus({ soort: 'bezig', bestand: bestand.name });
    let inhoud: string;
    try {
      inhoud = await bestand.text();
    } catch {
      setStatus({ soort: 'fout', titel: T.import.foutTitel, detail: T.import.leesFout, regels: [] });
      return;
    }
    try {
      const resultaat = await vbApi.importeer({ bestandsnaam: bestand.name, inhoud, ...(formaat ? { formaat } : {}) });
      setStatus({ soort: 'klaar', resultaat });
      setVersie((v) => v + 1);
    } catch (error) {
      if (error instanceof ApiError) setStatus({ soort: 'fout', titel: error.title, detail: error.detail ?? null, regels: error.errors });
      else setStatus({ soort: 'fout', titel: T.import.foutTitel, detail: null, regels: [] });
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

      <div role="status" className="knooppunt-status-region" data-testid="import-voortgang">
        {bezig ? (
          <Paragraph>
            <progress className="vb-progress" aria-label={T.import.bezig} /> {T.import.bezig} ({status.bestand})
          </Paragraph>
        ) : null}
      </div>

      <div ref={resultaatRef} tabIndex={-1} className="vb-resultaat" data-testid="import-resultaat">
        {status.soort === 'klaar' ? <Resultaat r={status.resultaat} /> : null}
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
