import { Anchor, Button, Group, List, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { IconArrowRight, IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/auth';
import { usePlans } from '../../api/plans';
import { ExampleBadge, StatusBadge } from '../../components/badges';
import { Page } from '../../components/Page';
import { Section } from '../../components/Section';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { formatMoney, formatNumber } from '../../lib/format';
import { useLocale } from '../../lib/useLocale';
import { AgendaSection } from './AgendaSection';

const SHOWN = 10;

export default function OverviewPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useMe();
  const plans = usePlans({ sort: 'updatedAt', dir: 'desc' });
  const name = me.data?.user.name ?? '';
  const canCreate = !!me.data?.can.createPlan;

  const items = plans.data?.items ?? [];
  const active = items.filter((p) => p.status === 'active').length;
  const dwellings = items.reduce((s, p) => s + p.dwellings, 0);
  const grants = items.reduce((s, p) => s + p.grantTotalOre, 0);

  return (
    <Page title={t('overview.title')} intro={t('overview.intro')}>
      <Title order={2} size="h3">
        {t('overview.welcome', { name })}
      </Title>
      {plans.isPending ? (
        <LoadingState />
      ) : plans.isError ? (
        <ErrorState error={plans.error} onRetry={() => void plans.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState
          title={t('overview.noPlans')}
          action={
            canCreate && (
              <Button
                component={Link}
                to="/plans/new"
                leftSection={<IconPlus size={18} aria-hidden="true" />}
              >
                {t('plans.create')}
              </Button>
            )
          }
        >
          {canCreate ? t('overview.noPlansCreate') : t('overview.noPlansAsk')}
        </EmptyState>
      ) : (
        <>
          <AgendaSection />
          <section aria-labelledby="figures">
            <Title order={2} size="h4" id="figures" mb="sm">
              {t('overview.figures')}
            </Title>
            <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} component="dl" m={0}>
              {[
                { label: t('overview.plansCount'), value: formatNumber(plans.data.total, locale) },
                { label: t('overview.activeCount'), value: formatNumber(active, locale) },
                { label: t('overview.dwellingsCount'), value: formatNumber(dwellings, locale) },
                { label: t('overview.grantTotal'), value: formatMoney(grants, locale) },
              ].map((f) => (
                <Paper withBorder p="md" radius="md" key={f.label}>
                  <Text component="dt" size="sm" c="dimmed" fw={600}>
                    {f.label}
                  </Text>
                  <Text component="dd" m={0} fz={26} fw={700}>
                    {f.value}
                  </Text>
                </Paper>
              ))}
            </SimpleGrid>
          </section>

          <Section
            title={t('overview.yourPlans')}
            id="your-plans"
            actions={
              <Group gap="sm">
                {canCreate && (
                  <Button
                    component={Link}
                    to="/plans/new"
                    size="sm"
                    variant="default"
                    leftSection={<IconPlus size={16} aria-hidden="true" />}
                  >
                    {t('plans.create')}
                  </Button>
                )}
                <Button
                  component={Link}
                  to="/plans"
                  size="sm"
                  rightSection={<IconArrowRight size={16} aria-hidden="true" />}
                >
                  {t('overview.allPlans')}
                </Button>
              </Group>
            }
          >
            <List spacing="sm" listStyleType="none" p={0}>
              {items.slice(0, SHOWN).map((p) => (
                <List.Item key={p.id}>
                  <Group gap="sm">
                    <Anchor component={Link} to={`/plans/${p.id}`} fw={600}>
                      {p.name}
                    </Anchor>
                    <StatusBadge status={p.status} />
                    {p.isExample && <ExampleBadge />}
                    <Text size="sm" c="dimmed">
                      {p.municipalityName} · {p.poolName}
                    </Text>
                  </Group>
                </List.Item>
              ))}
            </List>
            {items.length > SHOWN && (
              <Text size="sm">
                <Anchor component={Link} to="/plans">
                  {t('overview.morePlans', { count: items.length - SHOWN })}
                </Anchor>
              </Text>
            )}
          </Section>
        </>
      )}
    </Page>
  );
}
