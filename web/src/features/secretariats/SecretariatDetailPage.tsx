import { Anchor, List, Text } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useRegistryItem } from '../../api/registry';
import { ExampleBadge } from '../../components/badges';
import { Facts } from '../../components/Facts';
import { Page } from '../../components/Page';
import { Section } from '../../components/Section';
import { ErrorState, LoadingState } from '../../components/states';
import { formatNumber, sortBy } from '../../lib/format';
import { useLocale } from '../../lib/useLocale';
import { NotFoundPage } from '../errors/ErrorPages';
import { SecretariatOrganisationSection } from '../organisation/SecretariatOrganisationSection';
import { SharedGoalsSection } from './SharedGoalsSection';

export default function SecretariatDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const locale = useLocale();
  const item = useRegistryItem('area-secretariats', id);
  if (item.isPending) return <LoadingState />;
  if (item.isError) {
    if (item.error instanceof ApiError && item.error.status === 404) return <NotFoundPage />;
    return <ErrorState error={item.error} onRetry={() => void item.refetch()} />;
  }
  const s = item.data;
  return (
    <Page
      title={s.name}
      crumbs={[
        { label: t('nav.overview'), to: '/' },
        { label: t('secretariats.title'), to: '/secretariats' },
      ]}
      badges={s.isExample && <ExampleBadge />}
    >
      <Section title={t('plans.detail.facts')} id="facts">
        <Facts
          items={[
            { label: t('common.municipality'), value: s.municipalityName },
            { label: t('secretariats.planCount'), value: formatNumber(s.plans.length, locale) },
          ]}
        />
        {s.description && <Text className="pre-wrap">{s.description}</Text>}
      </Section>
      <Section title={t('secretariats.plansServed')} id="plans">
        {s.plans.length === 0 ? (
          <Text>{t('secretariats.noPlans')}</Text>
        ) : (
          <List spacing="xs">
            {sortBy(s.plans, (p) => p.name, 'asc').map((p) => (
              <List.Item key={p.id}>
                <Anchor component={Link} to={`/plans/${p.id}`}>
                  {p.name}
                </Anchor>
              </List.Item>
            ))}
          </List>
        )}
      </Section>
      <SharedGoalsSection secretariatId={s.id} />
      <SecretariatOrganisationSection secretariatId={s.id} />
    </Page>
  );
}
