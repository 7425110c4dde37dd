// SPDX-License-Identifier: EUPL-1.2
import { useEffect } from 'react';
import { t } from '../i18n/t.js';

/** Zet document.title op "<titel> — Knooppunt". */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} — ${t('app.titleSuffix')}`;
  }, [title]);
}
