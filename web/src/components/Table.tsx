// SPDX-License-Identifier: EUPL-1.2
import { useEffect, useId, useRef, useState } from 'react';
import type { ReactNode, ThHTMLAttributes, TdHTMLAttributes } from 'react';

/**
 * Tabel met verplicht bijschrift (caption). Als de tabel breder is dan het scherm, wordt de
 * omhullende container een benoemde, met het toetsenbord scrollbare regio.
 */
export function Table({ caption, children }: { caption: ReactNode; children: ReactNode }) {
  const containerRef = useRef<HTMLDivElement>(null);
  const captionId = useId();
  const [scrollable, setScrollable] = useState(false);

  useEffect(() => {
    const element = containerRef.current;
    if (!element) return;
    const measure = () => setScrollable(element.scrollWidth > element.clientWidth + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    const table = element.firstElementChild;
    if (table) observer.observe(table);
    return () => observer.disconnect();
  }, []);

  return (
    <div
      ref={containerRef}
      className="utrecht-table-container knooppunt-table-container"
      role={scrollable ? 'region' : undefined}
      aria-labelledby={scrollable ? captionId : undefined}
      tabIndex={scrollable ? 0 : undefined}
    >
      <table className="utrecht-table utrecht-table--html-table">
        <caption className="utrecht-table__caption" id={captionId}>
          {caption}
        </caption>
        {children}
      </table>
    </div>
  );
}

export function TableHeader({ children }: { children: ReactNode }) {
  return <thead className="utrecht-table__header">{children}</thead>;
}

export function TableBody({ children }: { children: ReactNode }) {
  return <tbody className="utrecht-table__body">{children}</tbody>;
}

export function TableRow({ children }: { children: ReactNode }) {
  return <tr className="utrecht-table__row">{children}</tr>;
}

export function TableHeaderCell({ children, scope = 'col', ...rest }: ThHTMLAttributes<HTMLTableCellElement>) {
  return (
    <th scope={scope} className="utrecht-table__header-cell" {...rest}>
      {children}
    </th>
  );
}

export function TableCell({ children, ...rest }: TdHTMLAttributes<HTMLTableCellElement>) {
  return (
    <td className="utrecht-table__cell" {...rest}>
      {children}
    </td>
  );
}
