import type { ReactNode } from 'react';
import { Button, Group, Paper, SimpleGrid, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PortfolioBucket } from '../../api/portfolio';
import { Chart } from '../../components/Chart';
import { Section } from '../../components/Section';
import { EmptyState } from '../../components/states';
import { formatMoney, formatNumber } from '../../lib/format';
import { useLocale } from '../../lib/useLocale';

/** A key figure: a label over a large number (a group of a description list). */
export function Figure({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Text size="sm" c="dimmed" fw={600} component="dt">
        {label}
      </Text>
      <Text component="dd" m={0}>
        <Text span fz={22} fw={750} lh={1.3} display="block">
          {value}
        </Text>
        {hint && (
          <Text span size="xs" c="dimmed" display="block">
            {hint}
          </Text>
        )}
      </Text>
    </Paper>
  );
}

/** Key figures in a row, as a description list under a heading only screen readers see. */
export function Figures({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className="visually-hidden">
        {label}
      </h2>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 5 }} spacing="md" component="dl" m={0}>
        {children}
      </SimpleGrid>
    </section>
  );
}

/** A share 0-1 as a percentage, `62 %`; empty for null. */
export function shareText(share: number | null | undefined, locale: 'da' | 'en'): string {
  if (share === null || share === undefined) return '';
  return `${formatNumber(share * 100, locale, 0)} %`;
}

/** No plan matches: say so and offer to clear the filters. */
export function NoPlans({ hasFilters, clearFilters }: { hasFilters: boolean; clearFilters: () => void }) {
  const { t } = useTranslation();
  return (
    <EmptyState
      title={t('portfolio.noPlansTitle')}
      action={
        hasFilters && (
          <Button variant="default" onClick={clearFilters}>
            {t('common.clearFilters')}
          </Button>
        )
      }
    >
      {hasFilters ? t('portfolio.noPlansFiltered') : t('portfolio.noPlans')}
    </EmptyState>
  );
}

/** One distribution of the plans (by pool, status, type…): a bar chart with the same numbers as a table. */
export function Distribution({
  id,
  title,
  buckets,
}: {
  id: string;
  title: string;
  buckets: PortfolioBucket[];
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const rows = buckets.filter((b) => b.plans > 0);
  const label = (b: PortfolioBucket) => b.label[locale];
  const shown = [...rows].reverse();
  return (
    <Section title={title} id={id} order={3}>
      {rows.length === 0 ? (
        <Text>{t('portfolio.overview.noBuckets')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Chart
            height={Math.max(160, 36 * rows.length + 48)}
            label={t('portfolio.overview.distributionChart', { name: title })}
            option={{
              grid: { left: 8, right: 24, top: 8, bottom: 24 },
              tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
              xAxis: { type: 'value', minInterval: 1 },
              yAxis: {
                type: 'category',
                data: shown.map(label),
                axisLabel: { width: 170, overflow: 'truncate' },
              },
              series: [
                {
                  type: 'bar',
                  name: t('portfolio.overview.plans'),
                  data: shown.map((b) => b.plans),
                  barMaxWidth: 28,
                  label: { show: true, position: 'right' },
                },
              ],
            }}
          />
          <ScrollTable minWidth={380} label={t('portfolio.overview.distributionCaption', { name: title })}>
            <Table withTableBorder striped verticalSpacing={4} fz="sm">
              <caption className="visually-hidden">
                {t('portfolio.overview.distributionCaption', { name: title })}
              </caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{title}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('portfolio.overview.plans')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('portfolio.overview.dwellings')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('portfolio.overview.grant')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((b) => (
                  <Table.Tr key={b.key}>
                    <Table.Th scope="row" fw={500}>
                      {label(b)}
                    </Table.Th>
                    <Table.Td ta="right">{formatNumber(b.plans, locale)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(b.dwellings, locale)}</Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {formatMoney(b.grantOre, locale)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        </SimpleGrid>
      )}
    </Section>
  );
}

/** The count of a list and its export buttons in one row. */
export function CountBar({ count, children }: { count: string; children?: ReactNode }) {
  return (
    <Group justify="space-between" align="center" gap="md">
      <Text fw={600} role="status" aria-live="polite">
        {count}
      </Text>
      {children}
    </Group>
  );
}

/**
 * A wide table that scrolls sideways on a narrow screen. The scrolling region can take focus, so
 * it can be scrolled from the keyboard, and is named after its table.
 */
export function ScrollTable({
  label,
  minWidth,
  children,
}: {
  label: string;
  minWidth: number;
  children: ReactNode;
}) {
  return (
    <div tabIndex={0} role="region" aria-label={label} style={{ overflowX: 'auto' }}>
      <div style={{ minWidth }}>{children}</div>
    </div>
  );
}
