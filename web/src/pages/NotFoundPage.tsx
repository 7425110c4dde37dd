// SPDX-License-Identifier: EUPL-1.2
import { Link } from '../components/Link.js';
import { Page } from '../components/Page.js';
import { Paragraph } from '../components/Typography.js';
import { t } from '../i18n/t.js';

export function NotFoundPage() {
  return (
    <Page title={t('notFound.title')}>
      <Paragraph>{t('notFound.text')}</Paragraph>
      <Paragraph>
        <Link to="/">{t('notFound.home')}</Link>
      </Paragraph>
    </Page>
  );
}

export function ForbiddenPage() {
  return (
    <Page title={t('error.forbidden')}>
      <Paragraph>
        <Link to="/">{t('notFound.home')}</Link>
      </Paragraph>
    </Page>
  );
}
