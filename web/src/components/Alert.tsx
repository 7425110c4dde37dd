// SPDX-License-Identifier: EUPL-1.2
import { forwardRef } from 'react';
import type { ReactNode } from 'react';

export type AlertType = 'info' | 'ok' | 'warning' | 'error';

export interface AlertProps {
  type?: AlertType;
  children: ReactNode;
  role?: 'alert' | 'status';
  focusable?: boolean;
  id?: string;
  className?: string;
  'data-testid'?: string;
}

/** Melding volgens utrecht-alert. Met `focusable` kan de focus ernaartoe worden verplaatst. */
export const Alert = forwardRef<HTMLDivElement, AlertProps>(function Alert(
  { type = 'info', children, role, focusable = false, id, className, 'data-testid': testId },
  ref,
) {
  return (
    <div
      ref={ref}
      id={id}
      role={role}
      tabIndex={focusable ? -1 : undefined}
      data-testid={testId}
      className={`utrecht-alert utrecht-alert--${type} knooppunt-alert ${className ?? ''}`.trim()}
    >
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">{children}</div>
      </div>
    </div>
  );
});

/**
 * Altijd aanwezige live-regio (role="status") zodat schermlezers succesmeldingen voorlezen.
 * De inhoud verschijnt pas als er een bericht is.
 */
export function StatusMessage({ message, testId }: { message: string | null; testId?: string }) {
  return (
    <div role="status" className="knooppunt-status-region" data-testid={testId}>
      {message ? (
        <div className="utrecht-alert utrecht-alert--ok knooppunt-alert">
          <div className="utrecht-alert__content">
            <div className="utrecht-alert__message">
              <p className="utrecht-paragraph">{message}</p>
            </div>
          </div>
        </div>
      ) : null}
    </div>
  );
}
