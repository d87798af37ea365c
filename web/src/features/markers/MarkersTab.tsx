import { useMemo, useState } from 'react';
import {
  Alert,
  Button,
  Grid,
  Group,
  List,
  NativeSelect,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconFlask } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  MARKER_KEYS,
  usePlanMarkers,
  useSurveys,
  type MarkerMeasure,
  type MarkerRow,
  type PlanMarkers,
} from '../../api/markers';
import { Chart } from '../../components/Chart';
import { Section } from '../../components/Section';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { formatDate, formatNumber } from '../../lib/format';
import { useListParams } from '../../lib/useListParams';
import { useLocale } from '../../lib/useLocale';
import { usePlanContext } from '../plans/planTabs';
import { defaultYear, LevelBadge, levelScore, yearOptions } from './parts';
import { SurveysSection } from './Surveys';

/** Pejlemærker: the five markers of a year, data and questionnaire side by side, over the years. */
export default function MarkersTab() {
  const { plan } = usePlanContext();
  const { t } = useTranslation();
  const { params, set } = useListParams('');
  const chosen = params.get('period');
  const year =
    chosen && /^\d{4}$/.test(chosen) ? chosen : String(defaultYear(plan.periodStart, plan.periodEnd));
  const markers = usePlanMarkers(plan.id, year);
  const surveys = useSurveys(plan.id);
  const years = yearOptions(plan.periodStart, plan.periodEnd, [
    year,
    ...(surveys.data?.items.map((s) => s.period) ?? []),
  ]);

  const body = () => {
    if (markers.isPending) return <LoadingState />;
    if (markers.isError) return <ErrorState error={markers.error} onRetry={() => void markers.refetch()} />;
    const d = markers.data;
    return (
      <Stack gap="lg" aria-busy={markers.isFetching}>
        <Current data={d} canEdit={plan.canEdit} planId={plan.id} />
        {d.survey && <Groups data={d} />}
        <History data={d} />
      </Stack>
    );
  };

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Text maw="70ch">{t('markers.intro')}</Text>
        <NativeSelect
          label={t('markers.period')}
          value={year}
          onChange={(e) => set({ period: e.currentTarget.value })}
          data={years.map((y) => String(y))}
          w={140}
        />
      </Group>
      {body()}
      <SurveysSection plan={plan} surveys={surveys} year={Number(year)} />
    </Stack>
  );
}

function Current({ data: d, canEdit, planId }: { data: PlanMarkers; canEdit: boolean; planId: string }) {
  const { t } = useTranslation();
  // An empty plan: nothing to count anywhere (a missing agreement alone reads as weak, not as no data).
  const noData = d.markers
    .flatMap((m) => m.evidence.measures)
    .every((x) => x.level === 'no_data' || x.key === 'agreement_signed_current');
  return (
    <Section title={t('markers.markersTitle', { year: d.period })} id="markers-current">
      <Text size="sm" c="dimmed" mt={-8}>
        {t('markers.periodHelp', { date: formatDate(d.asOf) })}
      </Text>
      {noData && (
        <EmptyState
          title={t('markers.noDataTitle')}
          headingOrder={3}
          action={
            <Group gap="sm">
              <Button component={Link} to={`/plans/${planId}/organisation`} variant="default">
                {t('markers.toOrganisation')}
              </Button>
              <Button component={Link} to={`/plans/${planId}/goals`} variant="default">
                {t('markers.toGoals')}
              </Button>
              <Button component={Link} to={`/plans/${planId}/activities`} variant="default">
                {t('markers.toActivities')}
              </Button>
            </Group>
          }
        >
          {t('markers.noDataText')}
        </EmptyState>
      )}
      {!d.survey && (
        <EmptyState title={t('markers.noSurveyTitle', { year: d.period })} headingOrder={3}>
          {t('markers.noSurveyText')} {!canEdit && t('markers.noSurveyReadOnly')}
        </EmptyState>
      )}
      {d.survey?.isExample && (
        <Alert color="orange" variant="light" icon={<IconFlask aria-hidden="true" />}>
          {t('markers.exampleSurvey')}
        </Alert>
      )}
      <Stack gap="md">
        {d.markers.map((m) => (
          <MarkerCard key={m.key} marker={m} />
        ))}
      </Stack>
    </Section>
  );
}

function MarkerCard({ marker: m }: { marker: MarkerRow }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const id = `marker-${m.key}`;
  const q = m.questionnaire;
  return (
    <Paper withBorder p="md" radius="md" component="article" aria-labelledby={id} data-marker={m.key}>
      <Stack gap="sm">
        <Title order={3} size="h5" id={id}>
          {m.number}. {m.label[locale]}
        </Title>
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Stack gap="xs" data-testid={`evidence-${m.key}`}>
              <Group gap="xs">
                <Text fw={700}>{t('markers.evidence')}</Text>
                <LevelBadge level={m.evidence.level} />
              </Group>
              {m.evidence.measures.length === 0 ? (
                <Reasons reasons={m.evidence.reasons} />
              ) : (
                <Stack gap="xs">
                  {m.evidence.measures.map((x) => (
                    <Measure key={x.key} measure={x} />
                  ))}
                </Stack>
              )}
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Stack gap="xs" data-testid={`questionnaire-${m.key}`}>
              <Group gap="xs">
                <Text fw={700}>{t('markers.questionnaire')}</Text>
                <LevelBadge level={q.level} />
              </Group>
              {q.mean !== null && (
                <Text size="sm" fw={600}>
                  {t('markers.mean', { mean: formatNumber(q.mean, locale, 2) })}
                  {' · '}
                  {t('markers.answersCounted', {
                    count: q.answers,
                    formatted: formatNumber(q.answers, locale),
                  })}
                </Text>
              )}
              <Reasons reasons={q.reasons} />
            </Stack>
          </Grid.Col>
        </Grid>
      </Stack>
    </Paper>
  );
}

function Reasons({ reasons }: { reasons: { da: string; en: string }[] }) {
  const locale = useLocale();
  if (reasons.length === 0) return null;
  if (reasons.length === 1) return <Text size="sm">{reasons[0]![locale]}</Text>;
  return (
    <List size="sm" spacing={2}>
      {reasons.map((r, i) => (
        <List.Item key={i}>{r[locale]}</List.Item>
      ))}
    </List>
  );
}

function measureValue(m: MarkerMeasure, locale: 'da' | 'en', valueOf: (n: string, d: string) => string) {
  if (
    m.numerator !== null &&
    m.denominator !== null &&
    m.value !== null &&
    m.denominator > 0 &&
    Math.abs(m.value - m.numerator / m.denominator) < 1e-9
  )
    return `${formatNumber(m.value * 100, locale, 0)} % (${valueOf(
      formatNumber(m.numerator, locale),
      formatNumber(m.denominator, locale),
    )})`;
  if (m.numerator !== null && m.denominator !== null)
    return valueOf(formatNumber(m.numerator, locale), formatNumber(m.denominator, locale));
  if (m.value !== null) return formatNumber(m.value, locale);
  return null;
}

function Measure({ measure: m }: { measure: MarkerMeasure }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const value = measureValue(m, locale, (n, d) => t('markers.valueOf', { n, d }));
  return (
    <Paper p="xs" radius="sm" bg="gray.0">
      <Stack gap={4}>
        <Group gap="xs" justify="space-between" wrap="nowrap" align="flex-start">
          <Text size="sm" fw={600}>
            {m.label[locale]}
            {value && (
              <Text span size="sm" fw={400}>
                {': '}
                {value}
              </Text>
            )}
          </Text>
          <LevelBadge level={m.level} size="sm" />
        </Group>
        <Reasons reasons={m.reasons} />
      </Stack>
    </Paper>
  );
}

function Groups({ data: d }: { data: PlanMarkers }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const min = d.survey?.minAnswers ?? 5;
  return (
    <Section title={t('markers.groupsTitle')} id="markers-groups">
      <Text size="sm">
        <strong>{d.survey?.title}</strong> · {t('markers.groupsIntro', { min })}
      </Text>
      <Table.ScrollContainer minWidth={860}>
        <Table withTableBorder striped verticalSpacing="xs" fz="sm">
          <caption className="visually-hidden">{t('markers.groupsCaption')}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('markers.group')}</Table.Th>
              <Table.Th ta="right">{t('markers.answers')}</Table.Th>
              {d.markers.map((m) => (
                <Table.Th key={m.key} ta="right" title={m.label[locale]}>
                  {m.number}. {m.label[locale]}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {d.groups.map((g) => (
              <Table.Tr key={g.group} data-group={g.group}>
                <Table.Th scope="row">{g.label[locale]}</Table.Th>
                <Table.Td ta="right">
                  {t('markers.surveys.answersOf', {
                    answers: formatNumber(g.answers, locale),
                    invitations: formatNumber(g.invitations, locale),
                  })}
                </Table.Td>
                {g.shown && g.means ? (
                  MARKER_KEYS.map((k) => (
                    <Table.Td key={k} ta="right">
                      {g.means![k] === null ? '–' : formatNumber(g.means![k]!, locale, 2)}
                    </Table.Td>
                  ))
                ) : (
                  <Table.Td colSpan={MARKER_KEYS.length} c="dimmed">
                    {t('markers.tooFew', { answers: formatNumber(g.answers, locale), min })}
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Section>
  );
}

const SERIES_COLOURS = ['#1f4e79', '#c55a11', '#6b6b6b', '#2e7d32', '#7b1fa2'];

function History({ data: d }: { data: PlanMarkers }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [source, setSource] = useState<'evidence' | 'questionnaire'>('evidence');
  const labels = useMemo(
    () => new Map(d.markers.map((m) => [m.key, `${m.number}. ${m.label[locale]}`])),
    [d, locale],
  );
  const sourceLabel = t(`markers.${source}`);
  const option = useMemo(
    () => ({
      color: SERIES_COLOURS,
      grid: { left: 72, right: 16, top: 56, bottom: 32 },
      legend: { top: 0, type: 'scroll' },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'category', data: d.history.map((h) => h.period) },
      yAxis: {
        type: 'value',
        min: 0,
        max: 3,
        interval: 1,
        axisLabel: {
          formatter: (v: number) =>
            v === 3
              ? t('markers.levels.strong')
              : v === 2
                ? t('markers.levels.partial')
                : v === 1
                  ? t('markers.levels.weak')
                  : '',
        },
      },
      series: MARKER_KEYS.map((k) => ({
        name: labels.get(k),
        type: 'bar',
        barMaxWidth: 18,
        data: d.history.map((h) => {
          const cell = h.markers.find((m) => m.key === k);
          return cell ? levelScore(cell[source]) : null;
        }),
      })),
    }),
    [d, labels, source, t],
  );

  return (
    <Section title={t('markers.historyTitle')} id="markers-history">
      <Text size="sm">{t('markers.historyIntro')}</Text>
      {d.history.length === 0 ? (
        <Text>{t('markers.historyEmpty')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, lg: d.history.length <= 4 ? 2 : 1 }} spacing="lg">
          <Stack gap="xs">
            <Group gap="sm">
              <Text size="sm" fw={600} id="markers-history-source">
                {t('markers.historyShow')}
              </Text>
              <SegmentedControl
                aria-labelledby="markers-history-source"
                value={source}
                onChange={(v) => setSource(v as typeof source)}
                data={[
                  { value: 'evidence', label: t('markers.evidence') },
                  { value: 'questionnaire', label: t('markers.questionnaire') },
                ]}
                size="xs"
              />
            </Group>
            <Chart height={320} label={t('markers.historyChart', { source: sourceLabel })} option={option} />
          </Stack>
          <Table.ScrollContainer minWidth={420}>
            <Table withTableBorder striped verticalSpacing={4} fz="sm">
              <caption className="visually-hidden">{t('markers.historyCaption')}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('markers.marker')}</Table.Th>
                  {d.history.map((h) => (
                    <Table.Th key={h.period}>{h.period}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {MARKER_KEYS.map((k) => (
                  <Table.Tr key={k}>
                    <Table.Th scope="row">{labels.get(k)}</Table.Th>
                    {d.history.map((h) => {
                      const cell = h.markers.find((m) => m.key === k);
                      return (
                        <Table.Td key={h.period} style={{ whiteSpace: 'nowrap' }}>
                          {cell && (
                            <>
                              <div>
                                {t('markers.evidence')}: {t(`markers.levelShort.${cell.evidence}`)}
                              </div>
                              <div>
                                {t('markers.questionnaire')}: {t(`markers.levelShort.${cell.questionnaire}`)}
                              </div>
                            </>
                          )}
                        </Table.Td>
                      );
                    })}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </SimpleGrid>
      )}
    </Section>
  );
}
