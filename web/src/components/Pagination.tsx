// SPDX-License-Identifier: EUPL-1.2
import { Button } from './Button.js';

/** Vorige/volgende pagina met "Pagina x van y"; niets bij één pagina. */
export function Pagination({
  label,
  page,
  totalPages,
  busy,
  onPage,
  previous,
  next,
  current,
}: {
  /** Toegankelijke naam van de nav. */
  label: string;
  page: number;
  totalPages: number;
  busy: boolean;
  onPage: (page: number) => void;
  previous: string;
  next: string;
  current: string;
}) {
  if (totalPages <= 1) return null;
  return (
    <nav aria-label={label} className="knooppunt-pagination">
      <Button appearance="secondary-action-button" disabled={page <= 1 || busy} onClick={() => onPage(page - 1)}>
        {previous}
      </Button>
      <span className="knooppunt-pagination__current" aria-current="page">
        {current}
      </span>
      <Button appearance="secondary-action-button" disabled={page >= totalPages || busy} onClick={() => onPage(page + 1)}>
        {next}
      </Button>
    </nav>
  );
}
