// SPDX-License-Identifier: EUPL-1.2
import { useEffect, useState } from 'react';

/** Laadt gegevens bij elke wijziging van `deps`; `data` is null zolang er nog niets is. */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): { data: T | null; error: unknown; loading: boolean } {
  const [state, setState] = useState<{ data: T | null; error: unknown; loading: boolean }>({ data: null, error: null, loading: true });
  useEffect(() => {
    let actief = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    load().then(
      (data) => actief && setState({ data, error: null, loading: false }),
      (error: unknown) => actief && setState({ data: null, error, loading: false }),
    );
    return () => {
      actief = false;
    };
  }, deps);
  return state;
}
