// SPDX-License-Identifier: EUPL-1.2
import { useEffect, useId, useState } from 'react';
import type { ReactNode } from 'react';
import { Link as RouterLink, useLocation, useNavigate } from 'react-router-dom';
import { useSession } from '../session/SessionContext.js';
import { t } from '../i18n/t.js';
import { NAV_GROUP_LABELS, visibleNavItems } from '../navigation.js';
import type { NavGroup } from '../navigation.js';
import { Button } from './Button.js';
import { NavLink } from './Link.js';
import { Alert } from './Alert.js';
import { SkipLink } from './SkipLink.js';
import { useRouteFocus } from './useRouteFocus.js';

function MainNavigation({ rechten }: { rechten: readonly string[] }) {
  const [open, setOpen] = useState(false);
  const location = useLocation();
  const listId = useId();
  const items = visibleNavItems(rechten);
  const groups: NavGroup[] = ['modules', 'beheer', 'privacy', 'account'];

  useEffect(() => {
    setOpen(false);
  }, [location.pathname]);

  return (
    <nav aria-label={t('nav.label')} className="knooppunt-nav">
      <div className="knooppunt-nav__toggle">
        <Button appearance="secondary-action-button" aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)}>
          {t('nav.toggle')}
        </Button>
      </div>
      <div id={listId} className={`knooppunt-nav__content${open ? ' knooppunt-nav__content--open' : ''}`}>
        <ul className="knooppunt-nav__list">
          <li className="knooppunt-nav__item">
            <NavLink to="/" end>
              {t('nav.home')}
            </NavLink>
          </li>
        </ul>
        {groups.map((group) => {
          const groupItems = items.filter((item) => item.group === group);
          if (groupItems.length === 0) return null;
          const labelId = `${listId}-${group}`;
          return (
            <div key={group} className="knooppunt-nav__group">
              <span id={labelId} className="knooppunt-nav__group-label">
                {t(NAV_GROUP_LABELS[group])}
              </span>
              <ul className="knooppunt-nav__list" aria-labelledby={labelId}>
                {groupItems.map((item) => (
                  <li key={item.to} className="knooppunt-nav__item">
                    <NavLink to={item.to}>{t(item.label)}</NavLink>
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </div>
    </nav>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const { session, omgeving, logout } = useSession();
  const navigate = useNavigate();
  const [logoutError, setLogoutError] = useState<string | null>(null);
  const active = session?.status === 'actief' ? session : null;
  useRouteFocus();

  const onLogout = async () => {
    setLogoutError(null);
    try {
      await logout();
      void navigate('/inloggen');
    } catch {
      setLogoutError(t('app.logoutFailed'));
    }
  };

  return (
    <div className="knooppunt-app">
      <SkipLink label={t('app.skipLink')} />
      <header className="utrecht-page-header knooppunt-header">
        {omgeving?.demo ? (
          <div role="status" className="knooppunt-demo-banner" data-testid="demo-banner">
            <p className="knooppunt-demo-banner__text">{t('app.demoBanner')}</p>
          </div>
        ) : null}
        <div className="utrecht-page-header__content knooppunt-header__content">
          <RouterLink to="/" className="knooppunt-logo">
            <span className="knooppunt-logo__name">{t('app.name')}</span>
            <span className="knooppunt-logo__tagline">{t('app.tagline')}</span>
          </RouterLink>
          {session ? (
            <div className="knooppunt-header__user">
              <p className="knooppunt-header__user-text">
                {t('app.loggedInAs', { naam: session.gebruiker.naam, organisatie: session.organisatie.naam })}
              </p>
              <Button appearance="secondary-action-button" onClick={() => void onLogout()}>
                {t('app.logout')}
              </Button>
            </div>
          ) : null}
        </div>
      </header>
      <div className={`knooppunt-body${active ? ' knooppunt-body--with-nav' : ''}`}>
        {active ? <MainNavigation rechten={active.rechten} /> : null}
        <main id="inhoud" tabIndex={-1} className="utrecht-page-body knooppunt-main">
          <div className="utrecht-page-body__content knooppunt-main__content">
            {logoutError ? (
              <Alert type="error" role="alert">
                <p className="utrecht-paragraph">{logoutError}</p>
              </Alert>
            ) : null}
            {children}
          </div>
        </main>
      </div>
      <footer className="utrecht-page-footer knooppunt-footer">
        <div className="utrecht-page-footer__content">
          <p className="knooppunt-footer__text">{t('app.footer')}</p>
          {omgeving ? <p className="knooppunt-footer__text">{t('app.version', { versie: omgeving.versie })}</p> : null}
        </div>
      </footer>
    </div>
  );
}
