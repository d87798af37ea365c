import { Button, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('errors.notFoundTitle')} crumbs={[{ label: t('nav.overview'), to: '/' }]}>
      <Text>{t('errors.notFoundText')}</Text>
      <div>
        <Button component={Link} to="/">
          {t('errors.goHome')}
        </Button>
      </div>
    </Page>
  );
}

export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('errors.forbiddenTitle')} crumbs={[{ label: t('nav.overview'), to: '/' }]}>
      <Text>{t('errors.forbiddenText')}</Text>
      <div>
        <Button component={Link} to="/">
          {t('errors.goHome')}
        </Button>
      </div>
    </Page>
  );
}
