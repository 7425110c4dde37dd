// SPDX-License-Identifier: EUPL-1.2
import { Link as RouterLink, NavLink as RouterNavLink } from 'react-router-dom';
import type { AnchorHTMLAttributes, ReactNode } from 'react';

/** Interne link (react-router) met utrecht-link opmaak. */
export function Link({ to, children, className }: { to: string; children: ReactNode; className?: string }) {
  return (
    <RouterLink to={to} className={`utrecht-link utrecht-link--html-a ${className ?? ''}`.trim()}>
      {children}
    </RouterLink>
  );
}

/** Navigatielink die aria-current="page" zet op de actieve pagina. */
export function NavLink({ to, children, end = false }: { to: string; children: ReactNode; end?: boolean }) {
  return (
    <RouterNavLink
      to={to}
      end={end}
      className={({ isActive }) =>
        `utrecht-link utrecht-link--html-a knooppunt-nav__link${isActive ? ' utrecht-link--current knooppunt-nav__link--current' : ''}`
      }
    >
      {children}
    </RouterNavLink>
  );
}

/** Externe of server-link (volledige paginalading), bijv. naar de SSO-koppeling. */
export function ExternalLink({ className, children, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement>) {
  return (
    <a className={`utrecht-link utrecht-link--html-a ${className ?? ''}`.trim()} {...rest}>
      {children}
    </a>
  );
}

/** Link in de vorm van een knop (utrecht-button-link). */
export function ButtonLink({
  href,
  children,
  appearance = 'secondary-action-button',
}: {
  href: string;
  children: ReactNode;
  appearance?: 'primary-action-button' | 'secondary-action-button';
}) {
  const variant = appearance === 'primary-action-button' ? 'primary-action' : 'secondary-action';
  return (
    <a href={href} className={`utrecht-button-link utrecht-button-link--html-a utrecht-button-link--${variant}`}>
      {children}
    </a>
  );
}
