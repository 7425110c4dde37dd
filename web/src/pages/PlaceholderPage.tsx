// SPDX-License-Identifier: EUPL-1.2
import { Alert } from '../components/Alert.js';
import { Page } from '../components/Page.js';
import { Paragraph } from '../components/Typography.js';
import { t } from '../i18n/t.js';
import type { MessageKey } from '../i18n/t.js';

export function PlaceholderPage({ title, description }: { title: MessageKey; description: MessageKey }) {
  return (
    <Page title={t(title)}>
      <Alert type="info">
        <p className="utrecht-paragraph">
          <strong>{t('placeholder.inDevelopment')}</strong>
        </p>
      </Alert>
      <Paragraph>{t(description)}</Paragraph>
    </Page>
  );
}
