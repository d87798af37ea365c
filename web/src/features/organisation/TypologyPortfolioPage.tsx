import { Fragment, useState } from 'react';
import { Anchor, Box, Button, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useTypologyPortfolio, type TypologyPortfolioRow } from '../../api/organisation';
import { ExampleBadge } from '../../components/badges';
import { Page } from '../../components/Page';
import { Section } from '../../components/Section';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { collator, formatNumber } from '../../lib/format';
import { useLocale } from '../../lib/useLocale';
import { PortfolioTabs } from '../portfolio/PortfolioShell';
import { DIMENSIONS, DimensionDetails, TypeText } from './TypologyPanel';

const COUNTED = ['organisation', 'secretariat', 'residentInvolvement'] as const;
const TYPES: Record<(typeof COUNTED)[number], string[]> = {
  organisation: [
    'centrally_anchored_professional',
    'locally_anchored_professional',
    'locally_anchored_semi_professional',
    'not_determined',
  ],
  secretariat: [
    'large_housing_team',
    'cross_organisational_team',
    'split_team',
    'one_person',
    'not_determined',
  ],
  residentInvolvement: ['formal_decisions', 'activity_carrying_only', 'none', 'not_determined'],
};

/** Portefølje › Typologier: types across the visible plans, like the report's mapping of its cases. */
export default function TypologyPortfolioPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const query = useTypologyPortfolio();
  const [open, setOpen] = useState<Set<string>>(new Set());

  const body = () => {
    if (query.isPending) return <LoadingState />;
    if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
    const rows = [...query.data.items].sort((a, b) => collator().compare(a.planName, b.planName));
    if (rows.length === 0)
      return (
        <EmptyState title={t('organisation.portfolio.emptyTitle')}>
          {t('organisation.portfolio.emptyText')}
        </EmptyState>
      );
    const toggle = (id: string) =>
      setOpen((s) => {
        const n = new Set(s);
        if (n.has(id)) n.delete(id);
        else n.add(id);
        return n;
      });
    return (
      <Stack gap="lg">
        <Section title={t('organisation.portfolio.countsTitle')} id="counts">
          <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
            {COUNTED.map((d) => (
              <CountTable key={d} dimension={d} rows={rows} />
            ))}
          </SimpleGrid>
        </Section>
        <Section title={t('organisation.portfolio.plansTitle')} id="plans">
          <Text size="sm">
            {t('organisation.portfolio.count', {
              count: rows.length,
              formatted: formatNumber(rows.length, locale),
            })}
          </Text>
          <Table.ScrollContainer minWidth={900}>
            <Table withTableBorder verticalSpacing="xs" fz="sm">
              <caption className="visually-hidden">{t('organisation.portfolio.plansCaption')}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('organisation.portfolio.plan')}</Table.Th>
                  {DIMENSIONS.map((d) => (
                    <Table.Th key={d}>{t(`organisation.typology.dimensions.${d}`)}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <PlanRow
                    key={r.planId}
                    row={r}
                    open={open.has(r.planId)}
                    onToggle={() => toggle(r.planId)}
                  />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Section>
      </Stack>
    );
  };

  return (
    <Page
      title={t('organisation.portfolio.title')}
      crumbs={[
        { label: t('nav.overview'), to: '/' },
        { label: t('nav.portfolio'), to: '/portfolio' },
      ]}
      intro={t('organisation.portfolio.intro')}
    >
      <PortfolioTabs />
      {body()}
    </Page>
  );
}

function CountTable({
  dimension,
  rows,
}: {
  dimension: (typeof COUNTED)[number];
  rows: TypologyPortfolioRow[];
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const counts = TYPES[dimension].map((type) => ({
    type,
    n: rows.filter((r) => r.typology[dimension].type === type).length,
  }));
  const max = Math.max(1, ...counts.map((c) => c.n));
  const title = t(`organisation.typology.dimensions.${dimension}`);
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {title}
      </Title>
      <Table verticalSpacing={6} fz="sm">
        <caption className="visually-hidden">
          {t('organisation.portfolio.countsCaption', { dimension: title })}
        </caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('organisation.portfolio.type')}</Table.Th>
            <Table.Th ta="right">{t('organisation.portfolio.plans')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {counts.map(({ type, n }) => (
            <Table.Tr key={type}>
              <Table.Th scope="row" fw={400}>
                {t(
                  `organisation.types.${dimension}.${type}` as 'organisation.types.organisation.not_determined',
                )}
                <Box
                  aria-hidden="true"
                  mt={4}
                  h={8}
                  w={`${(n / max) * 100}%`}
                  bg={type === 'not_determined' ? 'gray.5' : 'petrol.7'}
                  style={{ borderRadius: 2, minWidth: n > 0 ? 4 : 0 }}
                />
              </Table.Th>
              <Table.Td ta="right" fw={600}>
                {formatNumber(n, locale)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function PlanRow({
  row: r,
  open,
  onToggle,
}: {
  row: TypologyPortfolioRow;
  open: boolean;
  onToggle: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const Icon = open ? IconChevronDown : IconChevronRight;
  const detailsId = `reasons-${r.planId}`;
  return (
    <Fragment>
      <Table.Tr>
        <Table.Th scope="row" fw={500}>
          <Stack gap={4} align="flex-start">
            <Group gap={6}>
              <Anchor component={Link} to={`/plans/${r.planId}/organisation`}>
                {r.planName}
              </Anchor>
              {r.isExample && <ExampleBadge />}
            </Group>
            <Text size="xs" c="dimmed">
              {r.municipalityName}
              {r.forumCount === 0 ? ` · ${t('organisation.portfolio.noForums')}` : ''}
            </Text>
            <Button
              variant="subtle"
              size="compact-xs"
              leftSection={<Icon size={14} aria-hidden="true" />}
              aria-expanded={open}
              aria-controls={detailsId}
              onClick={onToggle}
            >
              {t(
                open ? 'organisation.portfolio.hideReasonsShort' : 'organisation.portfolio.showReasonsShort',
              )}
              <span className="visually-hidden"> ({r.planName})</span>
            </Button>
          </Stack>
        </Table.Th>
        {DIMENSIONS.map((d) => (
          <Table.Td key={d}>
            <TypeText dimension={r.typology[d]} />
          </Table.Td>
        ))}
      </Table.Tr>
      <Table.Tr id={detailsId} hidden={!open}>
        {open && (
          <Table.Td colSpan={DIMENSIONS.length + 1}>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
              {DIMENSIONS.map((d) => (
                <Stack key={d} gap={4}>
                  <Text fw={700} size="sm">
                    {t(`organisation.typology.dimensions.${d}`)}: {r.typology[d].label[locale]}
                  </Text>
                  <DimensionDetails dimension={r.typology[d]} />
                </Stack>
              ))}
            </SimpleGrid>
          </Table.Td>
        )}
      </Table.Tr>
    </Fragment>
  );
}
