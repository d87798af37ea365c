import { Badge, Button, List, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconCircleCheck, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { GrantBand, SizeBand } from '../../../api/types';
import { Section } from '../../../components/Section';
import { formatNumber } from '../../../lib/format';
import { useLocale } from '../../../lib/useLocale';
import type { CaseCandidates, StudyCaseOut } from '../api';

const SIZE_BANDS: SizeBand[] = ['small', 'medium', 'large'];
const GRANT_BANDS: GrantBand[] = ['under5', 'from5to15', 'over15'];

type Plan = CaseCandidates['plans'][number];

/**
 * Where the study's cases fall in the case matrix (size × grant, report table 2.1), which cells
 * have no case, and a way to add a plan from a cell. The grid has a table of the chosen cases
 * beside it, so nothing is told by colour or position alone.
 */
export function CaseSelectionHelper({
  candidates,
  cases,
  onAddFromCell,
}: {
  candidates: CaseCandidates;
  cases: StudyCaseOut[];
  onAddFromCell: (planIds: string[]) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const inCell = (s: SizeBand, g: GrantBand) =>
    candidates.plans.filter((p) => p.sizeBand === s && p.grantBand === g);
  const cellName = (s: SizeBand, g: GrantBand) => `${t(`plans.sizeBand.${s}`)}, ${t(`plans.grantBand.${g}`)}`;
  const emptyCells = SIZE_BANDS.flatMap((s) =>
    GRANT_BANDS.filter((g) => {
      const plans = inCell(s, g);
      return plans.length > 0 && !plans.some((p) => p.caseId);
    }).map((g) => cellName(s, g)),
  );
  const chosen = cases
    .map((k) => ({ k, plan: candidates.plans.find((p) => p.id === k.planId) }))
    .filter((x): x is { k: StudyCaseOut; plan: Plan } => !!x.plan);

  return (
    <Section title={t('evalStudies.helper.title')} id="case-helper">
      <Text size="sm" c="dimmed">
        {t('evalStudies.helper.intro')}
      </Text>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <Paper withBorder radius="md" style={{ overflowX: 'auto' }}>
          <Table withColumnBorders layout="fixed" miw={520} verticalSpacing="sm">
            <caption style={{ captionSide: 'top', textAlign: 'left', padding: 8, fontWeight: 700 }}>
              {t('evalStudies.helper.caption')}
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" w={120}>
                  {t('evalStudies.helper.corner')}
                </Table.Th>
                {GRANT_BANDS.map((g) => (
                  <Table.Th scope="col" key={g}>
                    {t(`plans.grantBand.${g}`)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {SIZE_BANDS.map((s) => (
                <Table.Tr key={s}>
                  <Table.Th scope="row" style={{ verticalAlign: 'top' }}>
                    {t(`plans.sizeBand.${s}`)}
                  </Table.Th>
                  {GRANT_BANDS.map((g) => {
                    const plans = inCell(s, g);
                    const picked = plans.filter((p) => p.caseId);
                    const open = plans.filter((p) => !p.caseId);
                    const has = picked.length > 0;
                    return (
                      <Table.Td
                        key={g}
                        data-testid={`cell-${s}-${g}`}
                        style={{
                          verticalAlign: 'top',
                          background: has ? 'var(--mantine-color-green-0)' : undefined,
                        }}
                      >
                        <Stack gap={6} align="flex-start">
                          {plans.length === 0 ? (
                            <Text size="sm" c="dimmed">
                              {t('evalStudies.helper.noPlans')}
                            </Text>
                          ) : (
                            <Text size="sm" fw={700}>
                              {t('evalStudies.helper.chosen', { count: picked.length })}{' '}
                              <Text span size="sm" fw={400}>
                                {t('evalStudies.helper.plans', {
                                  count: plans.length,
                                  formatted: formatNumber(plans.length, locale),
                                })}
                              </Text>
                            </Text>
                          )}
                          {has ? (
                            <List size="sm" spacing={2} listStyleType="none" p={0}>
                              {picked.map((p) => (
                                <List.Item
                                  key={p.id}
                                  icon={
                                    <IconCircleCheck
                                      size={14}
                                      aria-hidden="true"
                                      color="var(--mantine-color-green-8)"
                                    />
                                  }
                                >
                                  {p.name}
                                </List.Item>
                              ))}
                            </List>
                          ) : (
                            plans.length > 0 && (
                              <Badge color="orange" variant="light" style={{ textTransform: 'none' }}>
                                {t('evalStudies.helper.emptyCell')}
                              </Badge>
                            )
                          )}
                          {open.length > 0 && (
                            <Button
                              size="compact-sm"
                              variant="default"
                              leftSection={<IconPlus size={14} aria-hidden="true" />}
                              aria-label={t('evalStudies.helper.addFromCell', {
                                size: t(`plans.sizeBand.${s}`),
                                grant: t(`plans.grantBand.${g}`),
                              })}
                              onClick={() => onAddFromCell(open.map((p) => p.id))}
                            >
                              {t('common.add')}
                            </Button>
                          )}
                        </Stack>
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
        <Stack gap="sm">
          <Text fw={700}>{t('evalStudies.helper.summaryTitle')}</Text>
          <Text size="sm">
            {emptyCells.length === 0
              ? t('evalStudies.helper.noEmptyCells')
              : t('evalStudies.helper.emptyCells', {
                  count: emptyCells.length,
                  cells: emptyCells.join('; '),
                })}
          </Text>
          <Table verticalSpacing="xs">
            <caption style={{ captionSide: 'top', textAlign: 'left', fontWeight: 700 }}>
              {t('evalStudies.helper.tableCaption')}
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('evalStudies.cases.name')}</Table.Th>
                <Table.Th scope="col">{t('evalStudies.helper.cell')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {chosen.length === 0 ? (
                <Table.Tr>
                  <Table.Td colSpan={2}>{t('evalStudies.cases.emptyTitle')}</Table.Td>
                </Table.Tr>
              ) : (
                chosen.map(({ k, plan }) => (
                  <Table.Tr key={k.id}>
                    <Table.Td>{k.name}</Table.Td>
                    <Table.Td>
                      {plan.sizeBand && plan.grantBand
                        ? cellName(plan.sizeBand, plan.grantBand)
                        : t('evalStudies.cases.unbanded')}
                    </Table.Td>
                  </Table.Tr>
                ))
              )}
            </Table.Tbody>
          </Table>
        </Stack>
      </SimpleGrid>
    </Section>
  );
}
