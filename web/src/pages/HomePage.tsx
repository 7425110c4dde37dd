// SPDX-License-Identifier: EUPL-1.2
import { Link as RouterLink } from 'react-router-dom';
import { Page } from '../components/Page.js';
import { Heading2, Paragraph } from '../components/Typography.js';
import { t, tMaybe } from '../i18n/t.js';
import { visibleNavItems } from '../navigation.js';
import { useActiveSession } from '../session/SessionContext.js';

export function HomePage() {
  const session = useActiveSession();
  const items = visibleNavItems(session.rechten);
  return (
    <Page title={t('home.title')} heading={t('home.welcome', { naam: session.gebruiker.naam })}>
      <dl className="utrecht-data-list knooppunt-facts">
        <div className="utrecht-data-list__item knooppunt-facts__item">
          <dt className="utrecht-data-list__item-key">{t('home.organisation')}</dt>
          <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd" data-testid="organisatie">
            {session.organisatie.naam}
          </dd>
        </div>
        <div className="utrecht-data-list__item knooppunt-facts__item">
          <dt className="utrecht-data-list__item-key">{t('home.roles')}</dt>
          <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">
            {session.rollen.length > 0 ? (
              <ul className="knooppunt-inline-list" data-testid="rollen">
                {session.rollen.map((rol) => (
                  <li key={rol} className="knooppunt-inline-list__item">
                    <span className="utrecht-status-badge utrecht-status-badge--neutral">{tMaybe(`role.${rol}`, rol)}</span>
                  </li>
                ))}
              </ul>
            ) : (
              t('home.noRoles')
            )}
          </dd>
        </div>
      </dl>
      <Heading2>{t('home.whatCanIDo')}</Heading2>
      <ul className="knooppunt-cards">
        {items.map((item) => (
          <li key={item.to} className="knooppunt-card">
            <RouterLink to={item.to} className="knooppunt-card__link">
              <span className="knooppunt-card__title">{t(item.label)}</span>
              <span className="knooppunt-card__text">{t(item.description)}</span>
            </RouterLink>
          </li>
        ))}
      </ul>
      <Paragraph small>{session.gebruiker.email}</Paragraph>
    </Page>
  );
}
