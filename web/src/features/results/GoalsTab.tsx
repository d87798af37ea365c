import { useEffect, useState, type ReactNode } from 'react';
import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Group,
  List,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconChartBar, IconPlus, IconAlertTriangle, IconLink } from '@tabler/icons-react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PlanDetail } from '../../api/types';
import {
  useDeleteGoal,
  useDeleteIndicator,
  useResults,
  type Activity,
  type Goal,
  type GoalLevel,
  type Indicator,
  type ResultsFramework,
} from '../../api/results';
import { DeleteDialog } from '../../components/ConfirmDialog';
import { ExportButtons } from '../../components/ExportButtons';
import { RowActions } from '../../components/RowButtons';
import { Section } from '../../components/Section';
import { SortableTh } from '../../components/SortableTh';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { formatDate, formatNumber, sortBy } from '../../lib/format';
import { useListParams } from '../../lib/useListParams';
import { useLocale } from '../../lib/useLocale';
import { usePlanContext } from '../plans/planTabs';
import { CoherenceView } from './CoherenceSummary';
import { GoalForm } from './GoalForm';
import { IndicatorForm } from './IndicatorForm';
import { ValuesForm } from './ValuesForm';
import { GoalLevelBadge, TargetStatusBadge, formatIndicatorNumber, periodText } from './shared';

const LEVEL_RANK: Record<GoalLevel, number> = { impact: 0, result: 1, activity: 2 };

type Dialog =
  | { kind: 'goal'; goal?: Goal; preset?: { level?: GoalLevel; focusAreaId?: string; parentId?: string } }
  | { kind: 'deleteGoal'; goal: Goal }
  | { kind: 'deleteIndicator'; indicator: Indicator };

/** Mål og indikatorer: the purpose, coherence, and the goal hierarchy as a tree or a table. */
export default function GoalsTab() {
  const { plan } = usePlanContext();
  const { t } = useTranslation();
  const results = useResults(plan.id);
  const [params, setParams] = useSearchParams();
  const { hash } = useLocation();
  const view = params.get('view') === 'table' ? 'table' : 'tree';
  const [dialog, setDialog] = useState<Dialog | null>(null);

  const setParam = (patch: Record<string, string | null>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch)) {
          if (v === null) next.delete(k);
          else next.set(k, v);
        }
        return next;
      },
      { replace: true },
    );

  useEffect(() => {
    if (!results.data || !hash) return;
    const el = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (el) {
      el.scrollIntoView({ block: 'start' });
      el.focus({ preventScroll: true });
    }
  }, [results.data, hash]);

  if (results.isPending) return <LoadingState />;
  if (results.isError) return <ErrorState error={results.error} onRetry={() => void results.refetch()} />;
  const f = results.data;
  const canEdit = plan.canEdit;
  const addIndicatorFor = params.get('addIndicator');
  const editIndicator = f.indicators.find((i) => i.id === params.get('editIndicator'));
  const valuesFor = f.indicators.find((i) => i.id === params.get('values'));

  const actions: GoalActions = {
    canEdit,
    editGoal: (goal) => setDialog({ kind: 'goal', goal }),
    addChild: (goal) =>
      setDialog({
        kind: 'goal',
        preset: {
          level: goal.level === 'impact' ? 'result' : 'activity',
          focusAreaId: goal.focusAreaId,
          parentId: goal.id,
        },
      }),
    deleteGoal: (goal) => setDialog({ kind: 'deleteGoal', goal }),
    addIndicator: (goal) => setParam({ addIndicator: goal.id }),
    editIndicator: (i) => setParam({ editIndicator: i.id }),
    enterValues: (i) => setParam({ values: i.id }),
    deleteIndicator: (indicator) => setDialog({ kind: 'deleteIndicator', indicator }),
  };

  return (
    <Stack gap="lg">
      <Section
        title={t('results.purpose')}
        id="purpose-section"
        actions={
          canEdit && (
            <Button component={Link} to={`/plans/${plan.id}/edit`} variant="default" size="xs">
              {t('results.editPurpose')}
            </Button>
          )
        }
      >
        <Text className="pre-wrap">{plan.purpose || t('results.noPurpose')}</Text>
      </Section>

      <Section title={t('results.coherence.title')} id="coherence">
        <CoherenceView planId={plan.id} coherence={f.coherence} />
      </Section>

      <Section
        title={t('results.goals.title')}
        id="goals"
        actions={
          <Group gap="sm">
            <SegmentedControl
              aria-label={t('results.goals.viewLabel')}
              value={view}
              onChange={(v) => setParam({ view: v === 'table' ? 'table' : null })}
              data={[
                { value: 'tree', label: t('results.goals.tree') },
                { value: 'table', label: t('results.goals.table') },
              ]}
            />
            {canEdit && plan.focusAreas.length > 0 && (
              <Button
                leftSection={<IconPlus size={18} aria-hidden="true" />}
                onClick={() => setDialog({ kind: 'goal' })}
              >
                {t('results.goals.add')}
              </Button>
            )}
          </Group>
        }
      >
        {plan.focusAreas.length === 0 ? (
          <EmptyState title={t('results.goals.noFocusAreasTitle')} headingOrder={3}>
            {t('results.goals.noFocusAreasText')}
          </EmptyState>
        ) : f.goals.length === 0 ? (
          <EmptyState
            title={t('results.goals.emptyTitle')}
            headingOrder={3}
            action={
              canEdit && (
                <Button onClick={() => setDialog({ kind: 'goal', preset: { level: 'impact' } })}>
                  {t('results.goals.add')}
                </Button>
              )
            }
          >
            {t('results.goals.emptyText')}
          </EmptyState>
        ) : view === 'tree' ? (
          <GoalTree plan={plan} f={f} actions={actions} />
        ) : (
          <GoalTable plan={plan} f={f} />
        )}
      </Section>

      {dialog?.kind === 'goal' && (
        <GoalForm
          plan={plan}
          goals={f.goals}
          goal={dialog.goal}
          preset={dialog.preset}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'deleteGoal' && (
        <DeleteGoal planId={plan.id} goal={dialog.goal} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'deleteIndicator' && (
        <DeleteIndicator planId={plan.id} indicator={dialog.indicator} onClose={() => setDialog(null)} />
      )}
      {canEdit && addIndicatorFor && f.goals.some((g) => g.id === addIndicatorFor) && (
        <IndicatorForm
          planId={plan.id}
          goals={f.goals}
          goalId={addIndicatorFor}
          onClose={() => setParam({ addIndicator: null })}
        />
      )}
      {canEdit && editIndicator && (
        <IndicatorForm
          key={editIndicator.id}
          planId={plan.id}
          goals={f.goals}
          indicator={editIndicator}
          onClose={() => setParam({ editIndicator: null })}
        />
      )}
      {canEdit && valuesFor && (
        <ValuesForm planId={plan.id} indicator={valuesFor} onClose={() => setParam({ values: null })} />
      )}
    </Stack>
  );
}

interface GoalActions {
  canEdit: boolean;
  editGoal: (g: Goal) => void;
  addChild: (g: Goal) => void;
  deleteGoal: (g: Goal) => void;
  addIndicator: (g: Goal) => void;
  editIndicator: (i: Indicator) => void;
  enterValues: (i: Indicator) => void;
  deleteIndicator: (i: Indicator) => void;
}

function GoalTree({ plan, f, actions }: { plan: PlanDetail; f: ResultsFramework; actions: GoalActions }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const ids = new Set(f.goals.map((g) => g.id));
  const ordered = [...f.goals].sort(
    (a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level] || a.sortOrder - b.sortOrder,
  );
  const childrenOf = (id: string) => ordered.filter((g) => g.parentId === id);
  const focusAreas = sortBy(plan.focusAreas, (x) => x.sortOrder, 'asc');

  return (
    <Stack gap="xl" aria-label={t('results.goals.treeLabel')} role="group">
      {focusAreas.map((fa) => {
        const roots = ordered.filter((g) => g.focusAreaId === fa.id && (!g.parentId || !ids.has(g.parentId)));
        return (
          <Stack gap="sm" key={fa.id}>
            <Title order={3} size="h4">
              {locale === 'en' ? fa.nameEn : fa.nameDa}
            </Title>
            {roots.length === 0 ? (
              <Text size="sm">{t('results.goals.focusAreaEmpty')}</Text>
            ) : (
              <GoalList goals={roots} childrenOf={childrenOf} f={f} planId={plan.id} actions={actions} />
            )}
          </Stack>
        );
      })}
    </Stack>
  );
}

function GoalList({
  goals,
  childrenOf,
  f,
  planId,
  actions,
}: {
  goals: Goal[];
  childrenOf: (id: string) => Goal[];
  f: ResultsFramework;
  planId: string;
  actions: GoalActions;
}) {
  return (
    <Stack component="ul" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {goals.map((g) => (
        <li key={g.id}>
          <GoalCard goal={g} f={f} planId={planId} actions={actions}>
            {childrenOf(g.id).length > 0 && (
              <GoalList
                goals={childrenOf(g.id)}
                childrenOf={childrenOf}
                f={f}
                planId={planId}
                actions={actions}
              />
            )}
          </GoalCard>
        </li>
      ))}
    </Stack>
  );
}

function GoalCard({
  goal,
  f,
  planId,
  actions,
  children,
}: {
  goal: Goal;
  f: ResultsFramework;
  planId: string;
  actions: GoalActions;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const indicators = f.indicators.filter((i) => i.goalId === goal.id);
  const activities = f.activities.filter((a) => a.goalIds.includes(goal.id));
  const headingId = `goal-${goal.id}-title`;
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      id={`goal-${goal.id}`}
      tabIndex={-1}
      aria-labelledby={headingId}
      component="article"
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Group gap="sm" align="center">
            <GoalLevelBadge level={goal.level} />
            <Title order={4} size="h5" id={headingId}>
              {goal.title}
            </Title>
          </Group>
          {actions.canEdit && (
            <RowActions
              name={goal.title}
              onEdit={() => actions.editGoal(goal)}
              onDelete={() => actions.deleteGoal(goal)}
            >
              {goal.level !== 'activity' && (
                <ActionIcon
                  variant="subtle"
                  size="lg"
                  aria-label={t('results.goals.addUnder', { name: goal.title })}
                  title={t('results.goals.addUnder', { name: goal.title })}
                  onClick={() => actions.addChild(goal)}
                >
                  <IconPlus size={18} aria-hidden="true" />
                </ActionIcon>
              )}
            </RowActions>
          )}
        </Group>
        {goal.description && <Text className="pre-wrap">{goal.description}</Text>}

        <Stack gap={6}>
          <Group justify="space-between">
            <Text fw={700} size="sm">
              {t('results.goals.indicators')}
            </Text>
            {actions.canEdit && (
              <Button
                variant="subtle"
                size="compact-sm"
                leftSection={<IconPlus size={16} aria-hidden="true" />}
                onClick={() => actions.addIndicator(goal)}
              >
                {t('results.indicators.addTo', { name: goal.title })}
              </Button>
            )}
          </Group>
          {indicators.length === 0 ? (
            <Gap>{t('results.goals.noIndicators')}</Gap>
          ) : (
            indicators.map((i) => <IndicatorBlock key={i.id} indicator={i} actions={actions} />)
          )}
        </Stack>

        <Stack gap={4}>
          <Text fw={700} size="sm">
            {t('results.goals.servedBy')}
          </Text>
          {activities.length === 0 ? (
            unserved(f, goal.id) ? (
              <Gap>{t('results.goals.noActivities')}</Gap>
            ) : (
              <Text size="sm">{t('results.goals.viaSubGoals')}</Text>
            )
          ) : (
            <List size="sm">
              {activities.map((a) => (
                <List.Item key={a.id}>
                  <Anchor component={Link} to={`/plans/${planId}/activities#activity-${a.id}`}>
                    {a.name}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          )}
        </Stack>
        {children}
      </Stack>
    </Paper>
  );
}

/** The coherence rule's answer: no activity serves the goal, nor any goal below it. */
function unserved(f: ResultsFramework, goalId: string): boolean {
  return f.coherence.flags.some((x) => x.kind === 'goal_without_activity' && x.entityId === goalId);
}

function Gap({ children }: { children: ReactNode }) {
  return (
    <Group gap={6} wrap="nowrap">
      <IconAlertTriangle size={16} aria-hidden="true" color="var(--mantine-color-orange-9)" />
      <Text size="sm">{children}</Text>
    </Group>
  );
}

function IndicatorBlock({ indicator: i, actions }: { indicator: Indicator; actions: GoalActions }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const yes = t('common.yes');
  const no = t('common.no');
  const show = (v: number | null) => formatIndicatorNumber(i, v, locale, yes, no);
  // Periods with a target; periods with values only show when no period has a target.
  const withTarget = i.statuses.filter((s) => s.target !== null);
  const statuses = withTarget.length > 0 ? withTarget : i.statuses;
  return (
    <Paper withBorder p="sm" radius="sm" bg="gray.0" id={`indicator-${i.id}`} tabIndex={-1}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2}>
            <Text fw={700}>{i.name}</Text>
            <Text size="sm">
              {[
                t(`results.indicators.kinds.${i.kind}`),
                t(`results.indicators.directions.${i.direction}`),
                t(`results.indicators.dataSources.${i.dataSource}`) +
                  (i.registrationMeasure
                    ? ` (${t(`results.registrations.measures.${i.registrationMeasure}`)}${
                        i.outcomeKind ? `: ${t(`results.registrations.outcomes.${i.outcomeKind}`)}` : ''
                      })`
                    : ''),
                t(`results.indicators.combines.${i.combine}`),
                ...i.breakdowns.map((b) => `${b.label} (${b.categories.join(', ')})`),
              ].join(' · ')}
            </Text>
            {i.definition && <Text size="sm">{i.definition}</Text>}
            {i.sharedIndicatorId && (
              <Group gap={4} wrap="nowrap">
                <IconLink size={16} aria-hidden="true" />
                <Text size="sm">
                  {t('sharedGoals.link.card', { name: i.sharedIndicatorName ?? i.sharedIndicatorId })}
                </Text>
              </Group>
            )}
            {i.dataSource === 'registrations' && (
              <Text size="sm">{t('results.registrations.computedNote')}</Text>
            )}
            <Text size="sm">
              {t('results.indicators.baseline')}:{' '}
              {i.baselineValue === null ? (
                <Badge color="orange" variant="light" style={{ textTransform: 'none' }}>
                  {t('results.indicators.noBaseline')}
                </Badge>
              ) : (
                `${show(i.baselineValue)}${i.baselineDate ? ` (${formatDate(i.baselineDate)})` : ''}${i.baselineSource ? `, ${i.baselineSource}` : ''}`
              )}
            </Text>
          </Stack>
          {actions.canEdit && (
            <RowActions
              name={i.name}
              onEdit={() => actions.editIndicator(i)}
              onDelete={() => actions.deleteIndicator(i)}
            >
              {i.dataSource !== 'registrations' && (
                <ActionIcon
                  variant="subtle"
                  size="lg"
                  aria-label={`${t('results.indicators.enterValues')}: ${i.name}`}
                  title={t('results.indicators.enterValues')}
                  onClick={() => actions.enterValues(i)}
                >
                  <IconChartBar size={18} aria-hidden="true" />
                </ActionIcon>
              )}
            </RowActions>
          )}
        </Group>
        {statuses.length === 0 ? (
          <Badge color="orange" variant="light" style={{ textTransform: 'none' }} w="fit-content">
            {t('results.indicators.noTargets')}
          </Badge>
        ) : (
          <Table verticalSpacing={2} withTableBorder bg="white">
            <caption className="visually-hidden">
              {t('results.indicators.statusCaption', { name: i.name })}
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('results.indicators.period')}</Table.Th>
                <Table.Th ta="right">{t('results.indicators.targetShort')}</Table.Th>
                <Table.Th ta="right">{t('results.indicators.valueShort')}</Table.Th>
                <Table.Th>{t('results.values.state')}</Table.Th>
                {i.breakdowns.length > 0 && <Table.Th>{t('results.indicators.byCategory')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {statuses.map((s) => (
                <Table.Tr key={s.period}>
                  <Table.Td>{periodText(s.period, locale)}</Table.Td>
                  <Table.Td ta="right">{s.target === null ? '–' : show(s.target)}</Table.Td>
                  <Table.Td ta="right">
                    {s.state === 'value' ? (
                      <>
                        {show(s.value)}
                        {!s.complete && ` (${t('results.indicators.partial')})`}
                      </>
                    ) : (
                      t(`results.values.states.${s.state}`)
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <TargetStatusBadge status={s.status} />
                      {s.reason && (
                        <Text size="xs" component="span">
                          {t(`results.noDataReason.${s.reason as 'missing'}`)}
                        </Text>
                      )}
                    </Group>
                  </Table.Td>
                  {i.breakdowns.length > 0 && (
                    <Table.Td>
                      {s.categories.length === 0 ? (
                        '–'
                      ) : (
                        <Stack gap={2}>
                          {s.categories.map((c) => (
                            <Group key={`${c.breakdown}-${c.category}`} gap={6} wrap="nowrap">
                              <Text size="xs" component="span">
                                {c.category}:{' '}
                                {c.state === 'value' ? show(c.value) : t(`results.values.states.${c.state}`)}
                                {c.target !== null &&
                                  ` (${t('results.indicators.targetShort')} ${show(c.target)})`}
                              </Text>
                              {c.target !== null && <TargetStatusBadge status={c.status} />}
                            </Group>
                          ))}
                        </Stack>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {i.earlierVersions.length > 0 && (
          <Stack gap={2}>
            <Text size="sm" fw={700}>
              {t('results.indicators.earlier')}
            </Text>
            <List size="sm">
              {i.earlierVersions.map((v) => (
                <List.Item key={v.definitionVersion}>
                  {t('results.indicators.earlierItem', {
                    version: v.definitionVersion,
                    date: formatDate(v.replacedAt.slice(0, 10)),
                    reason: v.reason ?? '',
                    count: v.valueCount,
                  })}
                </List.Item>
              ))}
            </List>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

function GoalTable({ plan, f }: { plan: PlanDetail; f: ResultsFramework }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { sort, dir, toggleSort } = useListParams('level');
  const faName = (id: string) => {
    const fa = plan.focusAreas.find((x) => x.id === id);
    return fa ? (locale === 'en' ? fa.nameEn : fa.nameDa) : '';
  };
  const byId = new Map(f.goals.map((g) => [g.id, g]));
  const activitiesOf = (g: Goal): Activity[] => f.activities.filter((a) => a.goalIds.includes(g.id));
  const keys: Record<string, (g: Goal) => string | number> = {
    title: (g) => g.title,
    level: (g) => LEVEL_RANK[g.level] * 1000 + g.sortOrder,
    focusArea: (g) => faName(g.focusAreaId),
    indicators: (g) => f.indicators.filter((i) => i.goalId === g.id).length,
    activities: (g) => activitiesOf(g).length,
  };
  const rows = sortBy(f.goals, keys[sort] ?? keys.level!, dir);
  const th = (key: string, label: string, align?: 'right') => (
    <SortableTh sortKey={key} sort={sort} dir={dir} onSort={toggleSort} align={align}>
      {label}
    </SortableTh>
  );
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text size="sm">
          {t('results.goals.count', { count: rows.length, formatted: formatNumber(rows.length, locale) })}
        </Text>
        <ExportButtons path={`/api/plans/${plan.id}/goals/export`} />
      </Group>
      <Table.ScrollContainer minWidth={720}>
        <Table withTableBorder striped verticalSpacing="xs">
          <caption className="visually-hidden">{t('results.goals.caption')}</caption>
          <Table.Thead>
            <Table.Tr>
              {th('title', t('results.goals.titleField'))}
              {th('level', t('results.goals.level'))}
              {th('focusArea', t('results.goals.focusArea'))}
              <Table.Th>{t('results.goals.parent')}</Table.Th>
              {th('indicators', t('results.goals.indicators'), 'right')}
              {th('activities', t('results.goals.activities'))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((g) => {
              const acts = activitiesOf(g);
              const nInd = f.indicators.filter((i) => i.goalId === g.id).length;
              return (
                <Table.Tr key={g.id}>
                  <Table.Th scope="row" fw={400}>
                    <Anchor component={Link} to={`/plans/${plan.id}/goals#goal-${g.id}`}>
                      {g.title}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>{t(`results.level.${g.level}`)}</Table.Td>
                  <Table.Td>{faName(g.focusAreaId)}</Table.Td>
                  <Table.Td>{g.parentId ? (byId.get(g.parentId)?.title ?? '') : ''}</Table.Td>
                  <Table.Td ta="right">
                    {nInd === 0 ? <GapWord>{t('common.none')}</GapWord> : formatNumber(nInd, locale)}
                  </Table.Td>
                  <Table.Td>
                    {acts.length === 0 ? (
                      unserved(f, g.id) ? (
                        <GapWord>{t('common.none')}</GapWord>
                      ) : (
                        t('results.goals.viaSubGoals')
                      )
                    ) : (
                      acts.map((a, k) => (
                        <span key={a.id}>
                          {k > 0 && ', '}
                          <Anchor component={Link} to={`/plans/${plan.id}/activities#activity-${a.id}`}>
                            {a.name}
                          </Anchor>
                        </span>
                      ))
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function GapWord({ children }: { children: ReactNode }) {
  return (
    <Group gap={4} wrap="nowrap" component="span" justify="inherit">
      <IconAlertTriangle size={14} aria-hidden="true" color="var(--mantine-color-orange-9)" />
      <span>{children}</span>
    </Group>
  );
}

function DeleteGoal({ planId, goal, onClose }: { planId: string; goal: Goal; onClose: () => void }) {
  const { t } = useTranslation();
  const del = useDeleteGoal(planId);
  return (
    <DeleteDialog
      title={t('results.goals.deleteTitle', { name: goal.title })}
      name={goal.title}
      id={goal.id}
      remove={del}
      onClose={onClose}
    >
      {t('results.goals.deleteText')}
    </DeleteDialog>
  );
}

function DeleteIndicator({
  planId,
  indicator,
  onClose,
}: {
  planId: string;
  indicator: Indicator;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const del = useDeleteIndicator(planId);
  return (
    <DeleteDialog
      title={t('results.indicators.deleteTitle', { name: indicator.name })}
      name={indicator.name}
      id={indicator.id}
      remove={del}
      onClose={onClose}
    />
  );
}
