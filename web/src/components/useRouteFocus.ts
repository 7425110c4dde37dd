// SPDX-License-Identifier: EUPL-1.2
import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router-dom';

/** Verplaatst de focus naar de h1 na elke routewissel (niet bij de eerste paginalading). */
export function useRouteFocus(): void {
  const location = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const frame = requestAnimationFrame(() => document.querySelector<HTMLElement>('main [data-page-heading]')?.focus());
    return () => cancelAnimationFrame(frame);
  }, [location.pathname]);
}
