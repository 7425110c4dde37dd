// SPDX-License-Identifier: EUPL-1.2
// Domain and application errors carry a closed code; one exhaustive map turns codes into statuses.

export type ErrorCode =
  | 'NIET_INGELOGD'
  | 'INLOGGEN_MISLUKT'
  | 'MFA_VEREIST'
  | 'MFA_ONJUIST'
  | 'MFA_INSCHRIJVING_VEREIST'
  | 'WACHTWOORD_WIJZIGEN_VEREIST'
  | 'TE_VEEL_POGINGEN'
  | 'GEEN_TOEGANG'
  | 'NIET_GEVONDEN'
  | 'CSRF_ONGELDIG'
  | 'ONGELDIGE_INVOER'
  | 'WACHTWOORD_ZWAK'
  | 'WACHTWOORD_ONJUIST'
  | 'CONFLICT'
  | 'INSTALLATIECODE_ONGELDIG'
  | 'OIDC_NIET_GECONFIGUREERD'
  | 'OIDC_MISLUKT'
  | 'UITDAGING_ONGELDIG'
  | 'BUITEN_WERKGEBIED'
  | 'ACUUT_GEVAAR'
  | 'BESTAND_TE_GROOT'
  | 'BESTANDSTYPE_ONGELDIG'
  | 'STATUSOVERGANG_ONGELDIG';

export interface FieldError {
  veld: string;
  melding: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors: FieldError[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export function assertUnreachable(x: never): never {
  throw new Error(`onverwachte waarde: ${String(x)}`);
}

export function errorCodeToStatus(code: ErrorCode): number {
  switch (code) {
    case 'NIET_INGELOGD':
    case 'INLOGGEN_MISLUKT':
    case 'MFA_VEREIST':
    case 'MFA_ONJUIST':
    case 'OIDC_MISLUKT':
      return 401;
    case 'MFA_INSCHRIJVING_VEREIST':
    case 'WACHTWOORD_WIJZIGEN_VEREIST':
    case 'GEEN_TOEGANG':
    case 'CSRF_ONGELDIG':
      return 403;
    case 'NIET_GEVONDEN':
    case 'INSTALLATIECODE_ONGELDIG':
    case 'OIDC_NIET_GECONFIGUREERD':
      return 404;
    case 'CONFLICT':
    case 'STATUSOVERGANG_ONGELDIG':
      return 409;
    case 'BESTAND_TE_GROOT':
      return 413;
    case 'BESTANDSTYPE_ONGELDIG':
      return 415;
    case 'BUITEN_WERKGEBIED':
    case 'ACUUT_GEVAAR':
      return 422;
    case 'TE_VEEL_POGINGEN':
      return 429;
    case 'ONGELDIGE_INVOER':
    case 'WACHTWOORD_ZWAK':
    case 'WACHTWOORD_ONJUIST':
    case 'UITDAGING_ONGELDIG':
      return 400;
    default:
      return assertUnreachable(code);
  }
}

export const notFound = (what = 'De gevraagde bron bestaat niet of u heeft er geen toegang toe.') => new AppError('NIET_GEVONDEN', what);
export const forbidden = (what = 'U heeft geen recht op deze handeling.') => new AppError('GEEN_TOEGANG', what);
export const invalid = (errors: FieldError[]) => new AppError('ONGELDIGE_INVOER', 'Een of meer velden zijn niet goed ingevuld.', errors);
