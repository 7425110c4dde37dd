// SPDX-License-Identifier: EUPL-1.2
// De indeling van codes in de Kernbeleid-velden: iedereen met het veiligheidsbeeld ziet welke versie
// vandaag geldt; de beleidsadviseur legt per code een nieuwe versie vast vanaf een datum (of vervangt
// de versie van die datum) en verwijdert een versie die een persoon vastlegde.
import { useMemo, useState } from 'react';
import { useParams } from 'react-router-dom';
import { StatusMessage } from '../components/Alert.js';
import { Button, SubmitButton } from '../components/Button.js';
import { ConfirmRow } from '../components/Confirm.js';
import { ErrorSummary, useFormErrors, type FieldDefinition } from '../components/FormErrors.js';
import { SelectField, TextareaField, TextField } from '../components/FormField.js';
import { Link } from '../components/Link.js';
import { ListTable } from '../components/ListTable.js';
import { LoadError } from '../components/LoadError.js';
import { TableCell, TableHeaderCell, TableRow } from '../components/Table.js';
import { Heading2, Paragraph, VisuallyHidden } from '../components/Typography.js';
import { useConfirmedAction } from '../components/useConfirmedAction.js';
import { useFieldValues, useFormSubmit } from '../components/useForm.js';
import { formatDate } from '../format.js';
import { FactList } from '../meldingen/ui.js';
import { useSession } from '../session/SessionContext.js';
import { vbApi, type Indeling, type IndelingCode, type IndelingVersie } from './api.js';
import { T } from './texts.js';
import { useLoad } from './useLoad.js';
import { VbPage } from './VbPage.js';

export const INDELING_WIJZIGEN = 'veiligheidsbeeld:indeling-wijzigen';

const BRON_NAMEN: Record<string, string> = {
  politie: 'Politie',
  cbs: 'CBS',
  'politie-incidenten': 'Politie, incidenten (E-codes)',
  meldpunt: 'Meldpunt',
};
const bronNaam = (bron: string) => BRON_NAMEN[bron] ?? bron;
const veldTekst = (v: { veld: number | null; veldNaam: string | null }) => (v.veld === null ? T.indeling.geenVeld : `${v.veld}. ${v.veldNaam ?? ''}`);
const codePad = (c: { bron: string; code: string }) => `/veiligheidsbeeld/indeling/${encodeURIComponent(c.bron)}/${encodeURIComponent(c.code)}`;

/** Het overzicht: per code de versie die vandaag geldt. */
export function IndelingPagina() {
  const { hasRecht } = useSession();
  const magWijzigen = hasRecht(INDELING_WIJZIGEN);
  const indeling = useLoad(() => vbApi.indeling(), []);
  const [bron, setBron] = useState('');
  const bronnen = useMemo(() => [...new Set((indeling.data?.codes ?? []).map((c) => c.bron))], [indeling.data]);
  const codes = (indeling.data?.codes ?? []).filter((c) => !bron || c.bron === bron);

  return (
    <VbPage title={T.indeling.titel}>
      <Paragraph>{T.indeling.intro}</Paragraph>
      <LoadError error={indeling.error} />
      <SelectField
        id="vb-indeling-bron"
        label={T.indeling.filter}
        value={bron}
        onChange={(e) => setBron(e.currentTarget.value)}
        options={[{ value: '', label: T.indeling.alleBronnen }, ...bronnen.map((b) => ({ value: b, label: bronNaam(b) }))]}
      />
      <ListTable loading={indeling.loading} items={indeling.data ? codes : null} empty={T.geenCijfers} caption={T.indeling.tabel(codes.length)} columns={T.indeling.kolommen}>
        {codes.map((c) => (
          <TableRow key={`${c.bron}|${c.code}`}>
            <TableHeaderCell scope="row">
              {c.code}
              {bron ? null : <span className="vb-indeling__bron"> ({bronNaam(c.bron)})</span>}
            </TableHeaderCell>
            <TableCell>{c.naam ?? '–'}</TableCell>
            <TableCell>{c.huidig ? veldTekst(c.huidig) : T.indeling.geenIndeling}</TableCell>
            <TableCell>{c.huidig?.tags.join(', ') || '–'}</TableCell>
            <TableCell>{c.huidig ? (c.versies.find((v) => v.geldigVan === c.huidig?.geldigVan)?.standaard ? T.indeling.standaard : formatDate(c.huidig.geldigVan)) : '–'}</TableCell>
            <TableCell>
              <Link to={codePad(c)}>
                {magWijzigen ? T.indeling.wijzigen : T.indeling.bekijken}
                <VisuallyHidden>{`: ${c.code}${c.naam ? ` ${c.naam}` : ''}`}</VisuallyHidden>
              </Link>
            </TableCell>
          </TableRow>
        ))}
      </ListTable>
    </VbPage>
  );
}

const VELDEN_FORM: readonly FieldDefinition[] = [
  { name: 'geldigVan', label: T.indeling.veld.geldigVan },
  { name: 'veld', label: T.indeling.veld.veld },
  { name: 'tags', label: T.indeling.veld.tags },
  { name: 'opmerking', label: T.indeling.veld.opmerking },
];

/** Eén code: de versies en, voor de beleidsadviseur, vastleggen en verwijderen. */
export function IndelingCodePagina() {
  const { bron = '', code = '' } = useParams();
  const { hasRecht } = useSession();
  const magWijzigen = hasRecht(INDELING_WIJZIGEN);
  const [versie, setVersie] = useState(0);
  const indeling = useLoad(() => vbApi.indeling(), [versie]);
  const [melding, setMelding] = useState<string | null>(null);
  const item: IndelingCode | null = indeling.data?.codes.find((c) => c.bron === bron && c.code === code) ?? null;
  const herlaad = () => setVersie((v) => v + 1);
  const rijId = (v: IndelingVersie) => `vb-indeling-versie-${v.geldigVan}`;

  const verwijder = useConfirmedAction<IndelingVersie>('vb-indeling-verwijderen', {
    returnFocusId: (v) => `${rijId(v)}-verwijderen`,
    successFocusId: () => 'vb-indeling-versies',
    perform: async (v) => {
      await vbApi.verwijderIndeling(bron, code, v.geldigVan);
      herlaad();
      return T.indeling.verwijderd(formatDate(v.geldigVan));
    },
  });

  return (
    <VbPage title={T.indeling.codeTitel(code)}>
      <Paragraph>
        <Link to="/veiligheidsbeeld/indeling">{T.indeling.terug}</Link>
      </Paragraph>
      <LoadError error={indeling.error} />
      <StatusMessage message={melding ?? verwijder.message} testId="indeling-resultaat" />
      {indeling.data && !item ? <Paragraph>{T.indeling.onbekend}</Paragraph> : null}
      {item ? (
        <FactList
          testId="indeling-huidig"
          items={[
            [T.indeling.filter, bronNaam(item.bron)],
            [T.indeling.kolommen[1]!, item.naam],
            [T.indeling.huidig, item.huidig ? `${veldTekst(item.huidig)}${item.huidig.tags.length ? ` — ${item.huidig.tags.join(', ')}` : ''}` : T.indeling.geenIndeling],
          ]}
        />
      ) : null}

      <Heading2 id="vb-indeling-versies" tabIndex={-1}>
        {T.indeling.versies}
      </Heading2>
      <ErrorSummary form={verwijder.errors} />
      <ListTable loading={indeling.loading} items={indeling.data ? (item?.versies ?? []) : null} empty={T.indeling.geenIndeling} caption={T.indeling.versiesTabel(code)} columns={T.indeling.versieKolommen}>
        {(item?.versies ?? []).map((v) => (
          <VersieRij key={v.geldigVan} v={v} id={rijId(v)} peildatum={indeling.data?.peildatum ?? ''} magWijzigen={magWijzigen} verwijder={verwijder} />
        ))}
      </ListTable>

      {magWijzigen && indeling.data ? (
        <VersieFormulier
          bron={bron}
          code={code}
          data={indeling.data}
          huidig={item?.huidig ?? null}
          onOpgeslagen={(tekst) => {
            setMelding(tekst);
            herlaad();
          }}
          onBegin={() => setMelding(null)}
        />
      ) : null}
    </VbPage>
  );
}

function VersieRij({ v, id, peildatum, magWijzigen, verwijder }: { v: IndelingVersie; id: string; peildatum: string; magWijzigen: boolean; verwijder: ReturnType<typeof useConfirmedAction<IndelingVersie>> }) {
  const datum = formatDate(v.geldigVan);
  return (
    <>
      <TableRow>
        <TableHeaderCell scope="row">
          {v.standaard ? T.indeling.standaard : datum}
          {v.geldigVan > peildatum ? ` (${T.indeling.toekomst})` : null}
        </TableHeaderCell>
        <TableCell>{veldTekst(v)}</TableCell>
        <TableCell>{v.tags.join(', ') || '–'}</TableCell>
        <TableCell>{v.opmerking || '–'}</TableCell>
        <TableCell>{v.vastgesteldOp ? formatDate(v.vastgesteldOp) : '–'}</TableCell>
        <TableCell>
          {magWijzigen && !v.standaard ? (
            <Button id={`${id}-verwijderen`} disabled={verwijder.busy} onClick={() => verwijder.ask(v)}>
              {T.indeling.verwijderen}
              <VisuallyHidden>{`: versie vanaf ${datum}`}</VisuallyHidden>
            </Button>
          ) : null}
        </TableCell>
      </TableRow>
      {verwijder.pending?.geldigVan === v.geldigVan ? (
        <ConfirmRow colSpan={6} id={`${id}-bevestig`} question={T.indeling.verwijderVraag(datum)} confirmLabel={T.indeling.verwijderen} onConfirm={verwijder.confirm} onCancel={verwijder.cancel} busy={verwijder.busy} danger />
      ) : null}
    </>
  );
}

function VersieFormulier({
  bron,
  code,
  data,
  huidig,
  onOpgeslagen,
  onBegin,
}: {
  bron: string;
  code: string;
  data: Indeling;
  huidig: IndelingCode['huidig'];
  onOpgeslagen: (tekst: string) => void;
  onBegin: () => void;
}) {
  const form = useFormErrors('vb-indeling', VELDEN_FORM);
  const { values, field } = useFieldValues(form, {
    geldigVan: data.peildatum,
    veld: huidig ? (huidig.veld === null ? 'geen' : String(huidig.veld)) : '',
    tags: huidig?.tags.join(', ') ?? '',
    opmerking: '',
  });
  const { busy, onSubmit } = useFormSubmit(form, {
    validate: () => {
      const fouten: Record<string, string> = {};
      if (!values.geldigVan) fouten['geldigVan'] = T.indeling.datumVerplicht;
      if (!values.veld) fouten['veld'] = T.indeling.veldVerplicht;
      return fouten;
    },
    submit: async () => {
      onBegin();
      const veld = values.veld === 'geen' ? null : Number(values.veld);
      const tags = values.tags
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean);
      const r = await vbApi.zetIndeling(bron, code, { geldigVan: values.geldigVan, veld, tags, opmerking: values.opmerking });
      onOpgeslagen(T.indeling.opgeslagen(code, formatDate(r.versie.geldigVan), veldTekst(r.versie)));
    },
  });

  return (
    <>
      <Heading2>{T.indeling.nieuweVersie}</Heading2>
      <Paragraph>{T.indeling.nieuweVersieUitleg}</Paragraph>
      <ErrorSummary form={form} />
      <form id="vb-indeling" noValidate onSubmit={onSubmit} aria-label={T.indeling.nieuweVersie}>
        <TextField {...field('geldigVan')} type="date" label={T.indeling.veld.geldigVan} description={T.indeling.geldigVanUitleg} required />
        <SelectField
          {...field('veld')}
          label={T.indeling.veld.veld}
          required
          options={[
            { value: '', label: T.indeling.kiesVeld },
            ...data.velden.map((v) => ({ value: String(v.veld), label: `${v.veld}. ${v.naam}` })),
            { value: 'geen', label: T.indeling.geenVeld },
          ]}
        />
        <TextField {...field('tags')} label={T.indeling.veld.tags} description={T.indeling.tagsUitleg} autoComplete="off" />
        <TextareaField {...field('opmerking')} label={T.indeling.veld.opmerking} description={T.indeling.opmerkingUitleg} maxLength={500} rows={3} />
        <SubmitButton busy={busy}>{T.indeling.opslaan}</SubmitButton>
      </form>
    </>
  );
}
