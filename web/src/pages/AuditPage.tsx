// SPDX-License-Identifier: EUPL-1.2
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { api } from '../api/client.js';
import type { AuditFilter, AuditRegel } from '../api/types.js';
import { StatusMessage } from '../components/Alert.js';
import { Button, SubmitButton } from '../components/Button.js';
import { ErrorSummary, useFormErrors } from '../components/FormErrors.js';
import type { FieldDefinition } from '../components/FormErrors.js';
import { TextField } from '../components/FormField.js';
import { Page } from '../components/Page.js';
import { Pagination } from '../components/Pagination.js';
import { StatusBadge } from '../components/StatusBadge.js';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../components/Table.js';
import { Heading2, Paragraph } from '../components/Typography.js';
import { useFieldValues } from '../components/useForm.js';
import { formatDateTime } from '../format.js';
import { t } from '../i18n/t.js';

const PAGE_SIZE = 25;

const FIELDS: readonly FieldDefinition[] = [
  { name: 'actor', label: t('audit.actor') },
  { name: 'objectType', label: t('audit.objectType') },
  { name: 'objectId', label: t('audit.objectId') },
  { name: 'betrokkene', label: t('audit.betrokkene') },
  { name: 'van', label: t('audit.from') },
  { name: 'tot', label: t('audit.to') },
];

type FilterValues = Record<'actor' | 'objectType' | 'objectId' | 'betrokkene' | 'van' | 'tot', string>;

const EMPTY: FilterValues = { actor: '', objectType: '', objectId: '', betrokkene: '', van: '', tot: '' };

/** Zet een datum (jjjj-mm-dd) om naar een ISO-tijdstip: begin of einde van die dag in lokale tijd. */
function dayBoundary(value: string, end: boolean): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  const date = end
    ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 23, 59, 59, 999)
    : new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 0, 0, 0, 0);
  return date.toISOString();
}

function toFilter(values: FilterValues): AuditFilter {
  const filter: AuditFilter = {};
  if (values.actor.trim()) filter.actor = values.actor.trim();
  if (values.objectType.trim()) filter.objectType = values.objectType.trim();
  if (values.objectId.trim()) filter.objectId = values.objectId.trim();
  if (values.betrokkene.trim()) filter.betrokkene = values.betrokkene.trim();
  const van = dayBoundary(values.van, false);
  const tot = dayBoundary(values.tot, true);
  if (van) filter.van = van;
  if (tot) filter.tot = tot;
  return filter;
}

function resultBadge(resultaat: string) {
  const lower = resultaat.toLowerCase();
  const status = /geweigerd|mislukt|fout|error|denied|fail/.test(lower) ? 'danger' : /succes|ok|gelukt/.test(lower) ? 'success' : 'neutral';
  return <StatusBadge status={status}>{resultaat}</StatusBadge>;
}

function actorLabel(regel: AuditRegel): string {
  const actor = regel.actor;
  if (!actor) return t('audit.system');
  const name = actor.gebruikersnaam ?? actor.naam ?? actor.gebruikerId ?? actor.id ?? t('audit.system');
  return actor.organisatieCode ? `${name} (${actor.organisatieCode})` : name;
}

export function AuditPage() {
  const form = useFormErrors('audit', FIELDS);
  const { setError } = form;
  const { values, field } = useFieldValues(form, EMPTY);
  const [activeFilter, setActiveFilter] = useState<AuditFilter>({});
  const [page, setPage] = useState(1);
  const [result, setResult] = useState<{ regels: AuditRegel[]; totaal: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const resultsRef = useRef<HTMLHeadingElement>(null);
  const moveFocus = useRef(false);

  const search = useCallback(
    async (filter: AuditFilter, pagina: number) => {
      setBusy(true);
      try {
        const data = await api.post<{ regels: AuditRegel[]; totaal: number }>('/audit-regels/zoeken', {
          ...filter,
          pagina,
          paginaGrootte: PAGE_SIZE,
        });
        setResult(data);
        setActiveFilter(filter);
        setPage(pagina);
        if (moveFocus.current) {
          moveFocus.current = false;
          requestAnimationFrame(() => resultsRef.current?.focus());
        }
      } catch (error) {
        setError(error);
      } finally {
        setBusy(false);
      }
    },
    [setError],
  );

  useEffect(() => {
    void search({}, 1);
  }, [search]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setMessage(null);
    form.clear();
    moveFocus.current = true;
    void search(toFilter(values), 1);
  };

  const goTo = (pagina: number) => {
    moveFocus.current = true;
    void search(activeFilter, pagina);
  };

  const onExport = async () => {
    setMessage(null);
    form.clear();
    setExporting(true);
    try {
      const { blob, filename } = await api.postForBlob('/audit-regels/export', toFilter(values), 'text/csv');
      const url = URL.createObjectURL(blob);
      const anchor = document.createElement('a');
      anchor.href = url;
      anchor.download = filename ?? `auditregels-${new Date().toISOString().slice(0, 10)}.csv`;
      document.body.append(anchor);
      anchor.click();
      anchor.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setMessage(t('audit.exported'));
    } catch (error) {
      form.setError(error);
    } finally {
      setExporting(false);
    }
  };

  const totalPages = result ? Math.max(1, Math.ceil(result.totaal / PAGE_SIZE)) : 1;

  return (
    <Page title={t('audit.title')}>
      <Paragraph>{t('audit.intro')}</Paragraph>
      <section aria-labelledby="audit-zoeken-titel" className="knooppunt-section">
        <Heading2 id="audit-zoeken-titel">{t('audit.searchTitle')}</Heading2>
        <ErrorSummary form={form} />
        <form noValidate onSubmit={onSubmit} className="knooppunt-filter-form">
          <div className="knooppunt-filter-grid">
            <TextField
              {...field('actor')}
              label={t('audit.actor')}
              autoComplete="off"
              spellCheck={false}
            />
            <TextField
              {...field('objectType')}
              label={t('audit.objectType')}
              autoComplete="off"
              spellCheck={false}
            />
            <TextField
              {...field('objectId')}
              label={t('audit.objectId')}
              autoComplete="off"
              spellCheck={false}
            />
            <TextField
              {...field('betrokkene')}
              label={t('audit.betrokkene')}
              description={t('audit.betrokkeneHint')}
              autoComplete="off"
              spellCheck={false}
            />
            <TextField
              {...field('van')}
              type="date"
              label={t('audit.from')}
            />
            <TextField
              {...field('tot')}
              type="date"
              label={t('audit.to')}
            />
          </div>
          <div className="knooppunt-button-group">
            <SubmitButton busy={busy}>{t('audit.search')}</SubmitButton>
            <Button appearance="secondary-action-button" busy={exporting} disabled={exporting} onClick={() => void onExport()}>
              {t('audit.export')}
            </Button>
          </div>
        </form>
      </section>
      <StatusMessage message={message} />
      <section aria-labelledby="audit-resultaten-titel" className="knooppunt-section">
        <Heading2 id="audit-resultaten-titel" ref={resultsRef} tabIndex={-1}>
          {t('audit.resultsTitle')}
        </Heading2>
        <div role="status" className="knooppunt-status-region">
          {result ? <Paragraph>{result.totaal === 0 ? t('audit.noResults') : t('audit.results', { totaal: result.totaal })}</Paragraph> : null}
        </div>
        {result && result.regels.length > 0 ? (
          <>
            <Table caption={t('audit.caption')}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t('audit.time')}</TableHeaderCell>
                  <TableHeaderCell>{t('audit.actorColumn')}</TableHeaderCell>
                  <TableHeaderCell>{t('audit.action')}</TableHeaderCell>
                  <TableHeaderCell>{t('audit.object')}</TableHeaderCell>
                  <TableHeaderCell>{t('audit.result')}</TableHeaderCell>
                  <TableHeaderCell>{t('audit.purpose')}</TableHeaderCell>
                  <TableHeaderCell>{t('audit.ip')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {result.regels.map((regel) => (
                  <TableRow key={regel.id}>
                    <TableHeaderCell scope="row">{formatDateTime(regel.tijdstip)}</TableHeaderCell>
                    <TableCell>
                      {actorLabel(regel)}
                    </TableCell>
                    <TableCell>{regel.actie}</TableCell>
                    <TableCell>
                      {regel.objectType}
                      {regel.objectId ? ` ${regel.objectId}` : ''}
                    </TableCell>
                    <TableCell>{resultBadge(regel.resultaat)}</TableCell>
                    <TableCell>{regel.doel ?? ''}</TableCell>
                    <TableCell>{regel.ipAdres ?? ''}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            <Pagination
              label={t('audit.pagination')}
              page={page}
              totalPages={totalPages}
              busy={busy}
              onPage={goTo}
              previous={t('audit.previous')}
              next={t('audit.next')}
              current={t('audit.page', { pagina: page, totaal: totalPages })}
            />
          </>
        ) : null}
      </section>
    </Page>
  );
}
