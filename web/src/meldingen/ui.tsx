// SPDX-License-Identifier: EUPL-1.2
// Kleine bouwstenen voor de meldingen-schermen die (nog) niet in web/src/components staan:
// een keuzelijst met groepen, een gegevenslijst en een rechtencontrole.
import type { ReactNode } from 'react';
import { SelectField, type SelectFieldProps } from '../components/FormField.js';
import { useSession } from '../session/SessionContext.js';
import { ForbiddenPage } from '../pages/NotFoundPage.js';
import type { Categorie, Kanaal } from './shared.js';
import { groupCategories } from './shared.js';

/** Toont de inhoud alleen als de sessie het recht heeft. */
export function RequireRecht({ recht, children }: { recht: string; children: ReactNode }) {
  const { hasRecht } = useSession();
  return hasRecht(recht) ? <>{children}</> : <ForbiddenPage />;
}

/** Keuzelijst met subcategorieën, gegroepeerd per hoofdcategorie (optgroup). */
export function CategorySelectField({
  categorieen,
  kanaal,
  includeMain = false,
  ...select
}: {
  categorieen: readonly Categorie[];
  kanaal?: Kanaal | '';
  /** Ook de hoofdcategorie zelf kiesbaar maken (filter: alle subcategorieën). */
  includeMain?: boolean;
  placeholder: string;
} & Omit<SelectFieldProps, 'options' | 'children'>) {
  return (
    <SelectField {...select}>
      {groupCategories(categorieen, kanaal).map(({ hoofd, subs }) => (
        <optgroup key={hoofd.id} label={hoofd.naam}>
          {includeMain ? <option value={hoofd.id}>{`${hoofd.naam} (alle)`}</option> : null}
          {subs.map((c) => (
            <option key={c.id} value={c.id}>
              {c.naam}
            </option>
          ))}
        </optgroup>
      ))}
    </SelectField>
  );
}

/** Gegevenslijst (utrecht-data-list) met sleutel-waardeparen; lege waarden vallen weg. */
export function FactList({ items, testId }: { items: ReadonlyArray<[string, ReactNode]>; testId?: string }) {
  const visible = items.filter(([, value]) => value !== null && value !== undefined && value !== '');
  return (
    <dl className="utrecht-data-list knooppunt-facts" data-testid={testId}>
      {visible.map(([key, value]) => (
        <div key={key} className="utrecht-data-list__item knooppunt-facts__item">
          <dt className="utrecht-data-list__item-key">{key}</dt>
          <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
