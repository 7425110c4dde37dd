// SPDX-License-Identifier: EUPL-1.2
// Werkvoorraad van het meldpunt: filters (in de URL, zodat terug-navigeren werkt), sorteerbare
// tabel en paginering.
import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useApiGet } from '../api/useApi.js';
import { Button, SubmitButton } from '../components/Button.js';
import { CheckboxGroup, SelectField, TextField } from '../components/FormField.js';
import { Link } from '../components/Link.js';
import { LoadError } from '../components/LoadError.js';
import { Page } from '../components/Page.js';
import { Pagination } from '../components/Pagination.js';
import { Heading2, Paragraph } from '../components/Typography.js';
import type { Categorie, Notificatie, Werkvoorraad } from '../meldingen/shared.js';
import { GEMEENTEN, KANAAL_LABELS, STATUS_LABELS } from '../meldingen/shared.js';
import { t } from '../i18n/t.js';
import { CategorySelectField } from '../meldingen/ui.js';
import type { SortKey } from './WorklistTable.js';
import { WorklistTable } from './WorklistTable.js';

const PAGE_SIZE = 25;
const FORM_ID = 'werkvoorraad-filter';

const FILTER_KEYS = ['gemeente', 'kanaal', 'categorie', 'termijn', 'toegewezen', 'van', 'tot', 'zoek'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];
type Filters = Record<FilterKey, string>;

function filtersFrom(params: URLSearchParams): Filters {
  return Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? ''])) as Filters;
}

/** Telt de ongelezen notificaties voor de link boven de werkvoorraad. */
export function useUnreadCount(): number | null {
  const notes = useApiGet<{ notificaties: Notificatie[] }>('/notificaties');
  return notes.data ? notes.data.notificaties.filter((n) => !n.gelezenOp).length : null;
}

export function WerkvoorraadPage() {
  const [params, setParams] = useSearchParams();
  const categories = useApiGet<{ categorieen: Categorie[] }>('/meldingcategorieen');
  const unread = useUnreadCount();
  const [filters, setFilters] = useState<Filters>(() => filtersFrom(params));
  const [statussen, setStatussen] = useState<string[]>(() => (params.get('status') ?? '').split(',').filter(Boolean));
  const resultsRef = useRef<HTMLHeadingElement>(null);
  const moveFocus = useRef(false);

  const sort = (params.get('sorteer') as SortKey | null) ?? '-aangemaakt';
  const page = Math.max(1, Number(params.get('pagina') ?? '1') || 1);

  // De server gebruikt standaard 25 per pagina; "pagina" gaat alleen mee vanaf pagina 2.
  const query = new URLSearchParams(params);
  if (page <= 1) query.delete('pagina');
  const list = useApiGet<Werkvoorraad>(`/meldingen${query.size > 0 ? `?${query.toString()}` : ''}`);

  // Terug- en vooruitnavigeren: het formulier volgt de filters in de URL.
  const paramString = params.toString();
  useEffect(() => {
    const current = new URLSearchParams(paramString);
    setFilters(filtersFrom(current));
    setStatussen((current.get('status') ?? '').split(',').filter(Boolean));
  }, [paramString]);

  useEffect(() => {
    if (!list.loading && moveFocus.current) {
      moveFocus.current = false;
      resultsRef.current?.focus();
    }
  }, [list.loading]);

  const update = (next: Record<string, string>) => {
    const merged = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) if (v) merged.set(k, v);
    moveFocus.current = true;
    setParams(merged);
  };

  const current = (): Record<string, string> => Object.fromEntries(params.entries());

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    update({ ...filters, status: statussen.join(','), sorteer: params.get('sorteer') ?? '' });
  };

  const onReset = () => {
    setFilters(filtersFrom(new URLSearchParams()));
    setStatussen([]);
    update({});
  };

  const set = (name: FilterKey) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setFilters((prev) => ({ ...prev, [name]: value }));
  };

  const field = (name: FilterKey) => ({ id: `${FORM_ID}-${name}`, value: filters[name], onChange: set(name) });

  const data = list.data;
  const totalPages = data ? Math.max(1, Math.ceil(data.totaal / (data.paginaGrootte || PAGE_SIZE))) : 1;

  return (
    <Page title="Werkvoorraad meldingen">
      <nav aria-label="Informatieknooppunt" className="knooppunt-section">
        <ul className="knooppunt-inline-list">
          <li>
            <Link to="/knooppunt/signalering">Signalering termijnen</Link>
          </li>
          <li aria-hidden="true">·</li>
          <li>
            <Link to="/knooppunt/notificaties">{unread ? `Notificaties (${unread} ongelezen)` : 'Notificaties'}</Link>
          </li>
          <li aria-hidden="true">·</li>
          <li>
            <Link to="/meldingen/niet-pluis">Niet-pluis-melding doen</Link>
          </li>
        </ul>
      </nav>
      <section aria-labelledby={`${FORM_ID}-titel`} className="knooppunt-section">
        <Heading2 id={`${FORM_ID}-titel`}>Filteren</Heading2>
        <LoadError error={categories.error} />
        <form noValidate onSubmit={onSubmit} className="knooppunt-filter-form" role="search" aria-labelledby={`${FORM_ID}-titel`}>
          <div className="knooppunt-filter-grid">
            <TextField {...field('zoek')} label="Referentie" description="Bijvoorbeeld KP-2026-000123" autoComplete="off" spellCheck={false} />
            <SelectField {...field('gemeente')} label="Gemeente" placeholder="Alle gemeenten" options={GEMEENTEN.map((g) => ({ value: g.code, label: g.naam }))} />
            <SelectField
              {...field('kanaal')}
              label="Kanaal"
              placeholder="Alle kanalen"
              options={(['overlast', 'ondermijning'] as const).map((k) => ({ value: k, label: KANAAL_LABELS[k] }))}
            />
            <CategorySelectField
              {...field('categorie')}
              label="Categorie"
              categorieen={categories.data?.categorieen ?? []}
              kanaal={filters.kanaal === 'overlast' || filters.kanaal === 'ondermijning' ? filters.kanaal : ''}
              includeMain
              placeholder="Alle categorieën"
            />
            <SelectField
              {...field('termijn')}
              label="Termijn"
              placeholder="Alle"
              options={[
                { value: 'overschreden', label: 'Termijn overschreden' },
                { value: 'drievoudig-overschreden', label: 'Drie keer de termijn overschreden' },
              ]}
            />
            <SelectField
              {...field('toegewezen')}
              label="Toegewezen aan"
              placeholder="Iedereen"
              options={[
                { value: 'mij', label: 'Mij' },
                { value: 'niemand', label: 'Niemand (nog niet toegewezen)' },
              ]}
            />
            <TextField {...field('van')} type="date" label="Ontvangen vanaf" />
            <TextField {...field('tot')} type="date" label="Ontvangen tot en met" />
          </div>
          <CheckboxGroup
            id={`${FORM_ID}-status`}
            legend="Status"
            description="Niets aangevinkt: alle statussen."
            options={Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label }))}
            value={statussen}
            onChange={setStatussen}
          />
          <div className="knooppunt-button-group">
            <SubmitButton busy={list.loading}>Filteren</SubmitButton>
            <Button appearance="secondary-action-button" onClick={onReset}>
              Filters wissen
            </Button>
          </div>
        </form>
      </section>
      <section aria-labelledby="werkvoorraad-resultaten-titel" className="knooppunt-section">
        <Heading2 id="werkvoorraad-resultaten-titel" ref={resultsRef} tabIndex={-1}>
          Meldingen
        </Heading2>
        <LoadError error={list.error} />
        <div role="status" className="knooppunt-status-region">
          {data ? <Paragraph data-testid="werkvoorraad-totaal">{data.totaal === 1 ? '1 melding gevonden.' : `${data.totaal} meldingen gevonden.`}</Paragraph> : null}
        </div>
        {!data && list.loading ? <Paragraph>{t('app.loading')}</Paragraph> : null}
        {data && data.resultaten.length > 0 ? (
          <>
            <WorklistTable caption="Werkvoorraad" regels={data.resultaten} sort={sort} onSort={(s) => update({ ...current(), sorteer: s, pagina: '' })} />
            <Pagination
              label="Paginering werkvoorraad"
              page={page}
              totalPages={totalPages}
              busy={list.loading}
              onPage={(p) => update({ ...current(), pagina: String(p) })}
              previous="Vorige pagina"
              next="Volgende pagina"
              current={`Pagina ${page} van ${totalPages}`}
            />
          </>
        ) : null}
      </section>
    </Page>
  );
}
