// SPDX-License-Identifier: EUPL-1.2
// Bevestiging na het versturen: referentie en de ontvangstcode (één keer getoond).
import type { RefObject } from 'react';
import { Alert } from '../components/Alert.js';
import { Link } from '../components/Link.js';
import { Paragraph } from '../components/Typography.js';
import type { Receipt } from './api.js';
import { formatDate, T } from './texts.js';

export function Confirmation({ receipt, headingRef }: { receipt: Receipt; headingRef: RefObject<HTMLHeadingElement | null> }) {
  return (
    <div className="meldpunt-confirmation">
      <h1 ref={headingRef} className="utrecht-heading-1 knooppunt-page__heading" tabIndex={-1} data-page-heading="">
        {T.bevestiging.titel}
      </h1>
      <Alert type="ok">
        <p className="utrecht-paragraph" data-testid="bericht">
          {receipt.bericht}
        </p>
      </Alert>
      <div className="knooppunt-secret meldpunt-code">
        <p className="utrecht-paragraph knooppunt-secret__label">
          {T.bevestiging.code}
        </p>
        <p className="utrecht-paragraph knooppunt-secret__value meldpunt-code__value" data-testid="ontvangstcode">
          {receipt.ontvangstcode}
        </p>
        <p className="utrecht-paragraph">{T.bevestiging.codeUitleg}</p>
      </div>
      <dl className="utrecht-data-list utrecht-data-list--rows">
        <div className="utrecht-data-list__item">
          <dt className="utrecht-data-list__item-key">{T.bevestiging.referentie}</dt>
          <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd" data-testid="referentie">
            {receipt.referentie}
          </dd>
        </div>
        <div className="utrecht-data-list__item">
          <dt className="utrecht-data-list__item-key">{T.bevestiging.gemeente}</dt>
          <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd" data-testid="bevestiging-gemeente">
            {receipt.gemeente.naam}
          </dd>
        </div>
        {receipt.afhandeltermijn ? (
          <div className="utrecht-data-list__item">
            <dt className="utrecht-data-list__item-key">{T.bevestiging.termijn}</dt>
            <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{formatDate(receipt.afhandeltermijn)}</dd>
          </div>
        ) : null}
      </dl>
      <Paragraph>
        <Link to="/melden/status">{T.bevestiging.statusLink}</Link>
      </Paragraph>
      <Paragraph>
        <Link to="/melden">{T.bevestiging.nieuw}</Link>
      </Paragraph>
    </div>
  );
}
