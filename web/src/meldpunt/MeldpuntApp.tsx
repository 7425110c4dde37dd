// SPDX-License-Identifier: EUPL-1.2
// Het publieke meldpunt (/melden/*): zonder account, zonder cookies, zonder verzoeken aan derden.
import { Route, Routes } from 'react-router-dom';
import { Link } from '../components/Link.js';
import { Heading2, Paragraph } from '../components/Typography.js';
import { MeldpuntChrome, useMeldpuntTitle } from './chrome.js';
import { StatusPage } from './StatusPage.js';
import { OndermijningNotice } from './steps.js';
import { T } from './texts.js';
import { Wizard } from './Wizard.js';

export function MeldpuntApp() {
  return (
    <MeldpuntChrome>
      <Routes>
        <Route index element={<StartPage />} />
        <Route path="overlast" element={<Wizard key="overlast" kanaal="overlast" />} />
        <Route path="ondermijning" element={<Wizard key="ondermijning" kanaal="ondermijning" />} />
        <Route path="status" element={<StatusPage />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </MeldpuntChrome>
  );
}

function ChannelCard({ to, title, text, testId }: { to: string; title: string; text: string; testId: string }) {
  return (
    <li className="knooppunt-card meldpunt-card" data-testid={testId}>
      <Link to={to} className="knooppunt-card__link">
        <span className="knooppunt-card__title">{title}</span>
        <span className="knooppunt-card__text">{text}</span>
      </Link>
    </li>
  );
}

function StartPage() {
  useMeldpuntTitle(T.start.titel);
  return (
    <div className="meldpunt-start">
      <h1 className="utrecht-heading-1 knooppunt-page__heading" tabIndex={-1} data-page-heading="">
        {T.start.titel}
      </h1>
      <Paragraph lead>{T.start.intro}</Paragraph>
      <div className="utrecht-alert utrecht-alert--warning knooppunt-alert meldpunt-spoed">
        <div className="utrecht-alert__content">
          <div className="utrecht-alert__message">
            <p className="utrecht-paragraph knooppunt-alert__title">{T.start.spoedTitel}</p>
            <p className="utrecht-paragraph">{T.start.spoed}</p>
          </div>
        </div>
      </div>
      <Heading2>{T.start.kies}</Heading2>
      <ul className="knooppunt-cards meldpunt-cards">
        <ChannelCard to="/melden/overlast" title={T.start.overlast} text={T.start.overlastTekst} testId="kanaal-overlast" />
        <ChannelCard to="/melden/ondermijning" title={T.start.ondermijning} text={T.start.ondermijningTekst} testId="kanaal-ondermijning" />
      </ul>
      <OndermijningNotice />
      <Heading2>{T.start.statusTitel}</Heading2>
      <Paragraph>
        <Link to="/melden/status">{T.start.statusLink}</Link>
      </Paragraph>
    </div>
  );
}

function NotFound() {
  useMeldpuntTitle(T.app.nietGevonden);
  return (
    <div>
      <h1 className="utrecht-heading-1 knooppunt-page__heading" tabIndex={-1} data-page-heading="">
        {T.app.nietGevonden}
      </h1>
      <Paragraph>
        <Link to="/melden">{T.app.naarStart}</Link>
      </Paragraph>
    </div>
  );
}
