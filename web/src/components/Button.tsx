// SPDX-License-Identifier: EUPL-1.2
import type { ButtonHTMLAttributes, ReactNode } from 'react';

export type ButtonAppearance = 'primary-action-button' | 'secondary-action-button' | 'subtle-button';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  appearance?: ButtonAppearance;
  hint?: 'danger' | 'warning';
  busy?: boolean;
}

const appearanceClass: Record<ButtonAppearance, string> = {
  'primary-action-button': 'utrecht-button--primary-action',
  'secondary-action-button': 'utrecht-button--secondary-action',
  'subtle-button': 'utrecht-button--subtle',
};

/** Knop volgens NL Design System (utrecht-button). */
export function Button({
  appearance = 'secondary-action-button',
  hint,
  busy = false,
  type = 'button',
  className,
  disabled,
  children,
  ...rest
}: ButtonProps) {
  const classes = [
    'utrecht-button',
    appearanceClass[appearance],
    type === 'submit' ? 'utrecht-button--submit' : '',
    hint ? `utrecht-button--${hint}` : '',
    busy ? 'utrecht-button--busy' : '',
    disabled ? 'utrecht-button--disabled' : '',
    className ?? '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <button type={type} className={classes} disabled={disabled} aria-busy={busy || undefined} {...rest}>
      {children}
    </button>
  );
}

export function ButtonGroup({ children }: { children: ReactNode }) {
  return <div className="utrecht-button-group knooppunt-button-group">{children}</div>;
}

/** Verzendknop van een formulier; uitgeschakeld en als bezig gemarkeerd tijdens het verzenden. */
export function SubmitButton({ busy, children }: { busy: boolean; children: ReactNode }) {
  return (
    <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
      {children}
    </Button>
  );
}
