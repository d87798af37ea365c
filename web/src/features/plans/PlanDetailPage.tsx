import { lazy, Suspense, useState } from 'react';
import { Anchor, Badge, Button, Group, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { IconCheck, IconHelpCircle, IconPencil, IconTrash, IconX } from '@tabler/icons-react';
import { Link, Outlet, useLocation, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../lib/notify';
import { useDeletePlan, usePlan } from '../../api/plans';
import type { PlanDetail, SecretariatSupport } from '../../api/types';
import { ExampleBadge, StatusBadge } from '../../components/badges';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Facts } from '../../components/Facts';
import { Page } from '../../components/Page';
import { Section } from '../../components/Section';
import { ErrorState, LoadingState } from '../../components/states';
import {
  formatDateTime,
  formatMoney,
  formatNumber,
  formatPeriod,
  formatKroner,
  sortBy,
} from '../../lib/format';
import { useLocale } from '../../lib/useLocale';
import { NotFoundPage } from '../errors/ErrorPages';
import { ApiError } from '../../api/client';
import { PLAN_TABS, usePlanContext, type PlanTabKey } from './planTabs';
import { CoherenceSummary } from '../results/CoherenceSummary';
import { ExpendituresSection } from './ExpendituresSection';

// The dashboard's charts load with their own chunk, after the plan's facts.
const PlanDashboard = lazy(() => import('../results/PlanDashboard'));

export default function PlanDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const plan = usePlan(id);
  const navigate = useNavigate();
  const del = useDeletePlan();
  const [confirming, setConfirming] = useState(false);
  const { pathname } = useLocation();

  if (plan.isPending) return <LoadingState />;
  if (plan.isError) {
    if (plan.error instanceof ApiError && plan.error.status === 404) return <NotFoundPage />;
    return <ErrorState error={plan.error} onRetry={() => void plan.refetch()} />;
  }
  const p = plan.data;

  const onDelete = () =>
    del.mutate(p.id, {
      onSuccess: () => {
        notifySuccess(t('common.deleted', { name: p.name }));
        void navigate('/plans');
      },
    });

  return (
    <Page
      title={p.name}
      crumbs={[
        { label: t('nav.overview'), to: '/' },
        { label: t('plans.title'), to: '/plans' },
      ]}
      badges={
        <>
          <StatusBadge status={p.status} />
          {p.isExample && <ExampleBadge />}
        </>
      }
      actions={
        p.canEdit && (
          <>
            <Button
              component={Link}
              to={`/plans/${p.id}/edit`}
              leftSection={<IconPencil size={18} aria-hidden="true" />}
            >
              {t('common.edit')}
            </Button>
            <Button
              variant="default"
              c="red.9"
              leftSection={<IconTrash size={18} aria-hidden="true" />}
              onClick={() => {
                del.reset();
                setConfirming(true);
              }}
            >
              {t('common.delete')}
            </Button>
          </>
        )
      }
    >
      <Tabs
        value={currentTab(pathname, p.id)}
        onChange={(v) => {
          const tab = PLAN_TABS.find((x) => x.key === v);
          if (tab) void navigate(`/plans/${p.id}${tab.path ? `/${tab.path}` : ''}`);
        }}
        keepMounted={false}
      >
        <Tabs.List aria-label={t('plans.tabs.label')}>
          {PLAN_TABS.map((tab) =>
            tab.enabled ? (
              <Tabs.Tab value={tab.key} key={tab.key}>
                {t(`plans.tabs.${tab.key}`)}
              </Tabs.Tab>
            ) : (
              <Tabs.Tab value={tab.key} key={tab.key} disabled title={t('plans.tabs.comingSoon')}>
                {t(`plans.tabs.${tab.key}`)}
                <span className="visually-hidden"> ({t('plans.tabs.comingSoon')})</span>
              </Tabs.Tab>
            ),
          )}
        </Tabs.List>
      </Tabs>
      <div
        style={{ paddingTop: 'var(--mantine-spacing-lg)' }}
        role="tabpanel"
        aria-label={t(`plans.tabs.${currentTab(pathname, p.id)}`)}
      >
        <Outlet context={{ plan: p }} />
      </div>

      <ConfirmDialog
        opened={confirming}
        title={t('plans.detail.deleteTitle', { name: p.name })}
        onClose={() => setConfirming(false)}
        onConfirm={onDelete}
        loading={del.isPending}
        error={del.error}
      >
        {t('plans.detail.deleteText')}
      </ConfirmDialog>
    </Page>
  );
}

function SupportValue({ value }: { value: SecretariatSupport | null }) {
  const { t } = useTranslation();
  if (!value) return <>{t('common.notSet')}</>;
  const Icon = value === 'yes' ? IconCheck : value === 'no' ? IconX : IconHelpCircle;
  return (
    <Group gap={4} component="span" wrap="nowrap">
      <Icon size={16} aria-hidden="true" />
      <span>{t(`plans.support.${value}`)}</span>
    </Group>
  );
}

/** The tab whose route is showing: the first path segment after /plans/:id. */
function currentTab(pathname: string, planId: string): PlanTabKey {
  const rest = pathname.split(`/plans/${planId}`)[1]?.replace(/^\//, '').split('/')[0] ?? '';
  return PLAN_TABS.find((x) => x.path === rest)?.key ?? 'overview';
}

/** The Overblik tab: the plan's registry facts. */
export function PlanOverviewTab() {
  return <PlanOverview plan={usePlanContext().plan} />;
}

function PlanOverview({ plan: p }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const dash = t('common.notSet');
  const grants = sortBy(p.grants, (g) => g.startDate, 'asc');

  return (
    <Stack gap="lg">
      <CoherenceSummary planId={p.id} />
      <Suspense fallback={<LoadingState />}>
        <PlanDashboard planId={p.id} />
      </Suspense>
      <Section title={t('plans.detail.facts')} id="facts">
        <Facts
          items={[
            { label: t('plans.detail.status'), value: t(`plans.status.${p.status}`) },
            { label: t('plans.detail.pool'), value: p.poolName },
            { label: t('plans.detail.planPeriod'), value: formatPeriod(p.periodStart, p.periodEnd) || dash },
            { label: t('plans.detail.municipality'), value: p.municipalityName },
            { label: t('plans.detail.housingOrganisation'), value: p.housingOrganisationName },
            {
              label: t('plans.detail.dwellingsTotal'),
              value: formatNumber(p.dwellings, locale),
            },
            {
              label: t('plans.detail.sizeBand'),
              value: p.sizeBand ? t(`plans.sizeBand.${p.sizeBand}`) : t('plans.detail.unbanded'),
            },
            {
              label: t('plans.detail.grantTotal'),
              value: p.grantCount > 0 ? formatMoney(p.grantTotalOre, locale) : dash,
            },
            {
              label: t('plans.detail.grantBand'),
              value: p.grantBand ? t(`plans.grantBand.${p.grantBand}`) : t('plans.detail.unbanded'),
            },
            {
              label: t('plans.detail.secretariat'),
              value: p.areaSecretariatId ? (
                <Anchor component={Link} to={`/secretariats/${p.areaSecretariatId}`}>
                  {p.areaSecretariatName}
                </Anchor>
              ) : (
                t('common.none')
              ),
            },
            {
              label: t('plans.detail.secretariatSupport'),
              value: <SupportValue value={p.secretariatSupport} />,
            },
            { label: t('plans.detail.updatedAt'), value: formatDateTime(p.updatedAt) },
          ]}
        />
      </Section>

      <Section title={t('plans.detail.focusAreas')} id="focus-areas">
        {p.focusAreas.length === 0 ? (
          <Text>{t('plans.detail.noFocusAreas')}</Text>
        ) : (
          <Group gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {sortBy(p.focusAreas, (f) => f.sortOrder, 'asc').map((f) => (
              <Badge component="li" key={f.id} variant="light" size="lg" style={{ textTransform: 'none' }}>
                {locale === 'en' ? f.nameEn : f.nameDa}
              </Badge>
            ))}
          </Group>
        )}
      </Section>

      <Section title={t('plans.detail.areas')} id="areas">
        {p.areas.length === 0 ? (
          <Text>{t('plans.detail.noAreas')}</Text>
        ) : (
          <Stack gap="lg">
            {sortBy(p.areas, (a) => a.name, 'asc').map((a) => (
              <Stack gap="xs" key={a.id}>
                <Title order={3} size="h5">
                  {a.name} · {a.municipalityName}
                </Title>
                <Table withTableBorder verticalSpacing="xs">
                  <caption className="visually-hidden">
                    {t('plans.detail.areasCaption', { name: a.name })}
                  </caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('plans.detail.departmentNumber')}</Table.Th>
                      <Table.Th>{t('plans.detail.departmentName')}</Table.Th>
                      <Table.Th>{t('plans.detail.housingOrganisation')}</Table.Th>
                      <Table.Th ta="right">{t('plans.detail.dwellings')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {sortBy(a.departments, (d) => d.departmentNumber, 'asc').map((d) => (
                      <Table.Tr key={d.id}>
                        <Table.Td>{d.departmentNumber}</Table.Td>
                        <Table.Td>{d.name ?? ''}</Table.Td>
                        <Table.Td>{d.housingOrganisationName}</Table.Td>
                        <Table.Td ta="right">{formatNumber(d.dwellings, locale)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                  <Table.Tfoot>
                    <Table.Tr>
                      <Table.Th scope="row" colSpan={3}>
                        {t('plans.detail.total')}
                      </Table.Th>
                      <Table.Td ta="right" fw={700}>
                        {formatNumber(a.dwellings, locale)}
                      </Table.Td>
                    </Table.Tr>
                  </Table.Tfoot>
                </Table>
              </Stack>
            ))}
          </Stack>
        )}
      </Section>

      <Section title={t('plans.detail.grants')} id="grants">
        {grants.length === 0 ? (
          <Text>{t('plans.detail.noGrants')}</Text>
        ) : (
          <Table withTableBorder verticalSpacing="xs">
            <caption className="visually-hidden">{t('plans.detail.grantsCaption')}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('plans.detail.grantPool')}</Table.Th>
                <Table.Th ta="right">{t('plans.detail.amount')}</Table.Th>
                <Table.Th>{t('plans.detail.period')}</Table.Th>
                <Table.Th>{t('plans.detail.reference')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {grants.map((g) => (
                <Table.Tr key={g.id}>
                  <Table.Td>{g.poolName}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {formatKroner(g.amountOre, locale)}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatPeriod(g.startDate, g.endDate)}</Table.Td>
                  <Table.Td>{g.reference ?? ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th scope="row">{t('plans.detail.total')}</Table.Th>
                <Table.Td ta="right" fw={700} style={{ whiteSpace: 'nowrap' }}>
                  {formatMoney(p.grantTotalOre, locale)}
                </Table.Td>
                <Table.Td colSpan={2}>{p.grantBand ? t(`plans.grantBand.${p.grantBand}`) : ''}</Table.Td>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        )}
      </Section>

      <ExpendituresSection planId={p.id} />

      <Section title={t('plans.detail.purpose')} id="purpose">
        <Text className="pre-wrap">{p.purpose || t('plans.detail.noText')}</Text>
      </Section>
      <Section title={t('plans.detail.problems')} id="problems">
        <Text className="pre-wrap">{p.problems || t('plans.detail.noText')}</Text>
      </Section>
    </Stack>
  );
}
