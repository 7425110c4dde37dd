// SPDX-License-Identifier: EUPL-1.2
// Structured JSON logs with request ids; never personal data or secrets. Request logs carry method,
// path (no query string) and id only: no IP address, user agent, cookies or headers.
import pino, { type DestinationStream, type Logger } from 'pino';

export const REDACT_PATHS = [
  'req.headers',
  'headers',
  '*.headers',
  '*.wachtwoord',
  '*.nieuwWachtwoord',
  '*.huidigWachtwoord',
  '*.totpCode',
  '*.herstelcode',
  '*.installatiecode',
  '*.sleutel',
  '*.token',
  '*.cookie',
  '*.authorization',
  'body',
  '*.body',
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'knooppunt' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACT_PATHS, censor: '[verwijderd]' },
      serializers: {
        req: (req: { method?: string; url?: string; id?: string }) => ({ method: req.method, path: (req.url ?? '').split('?')[0], id: req.id }),
        res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
        err: pino.stdSerializers.err,
      },
    },
    destination,
  );
}
