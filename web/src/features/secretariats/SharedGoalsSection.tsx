import { useEffect, useState } from 'react';
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconChartBar, IconPlus } from '@tabler/icons-react';
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  useSharedGoals,
  useSharedIndicators,
  type SharedGoal,
  type SharedGoalList,
  type SharedIndicator,
} from '../../api/sharedGoals';
import { ExampleBadge } from '../../components/badges';
import { RowActions } from '../../components/RowButtons';
import { Section } from '../../components/Section';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { sortBy } from '../../lib/format';
import { DeleteSharedGoal, DeleteSharedIndicator, SharedGoalForm, SharedIndicatorForm } from './SharedForms';
import { SharedIndicatorTable } from './SharedIndicatorTable';

type Dialog =
  | { kind: 'goal'; goal?: SharedGoal }
  | { kind: 'deleteGoal'; goal: SharedGoal }
  | { kind: 'indicator'; indicator?: SharedIndicator; goalId?: string | null }
  | { kind: 'deleteIndicator'; indicator: SharedIndicator };

/** Fælles mål on an area secretariat's page: its shared goals, their indicators, and the roll-ups. */
export function SharedGoalsSection({ secretariatId }: { secretariatId: string }) {
  const { t } = useTranslation();
  const goals = useSharedGoals(secretariatId);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);
  const data = goals.data;
  const canEdit = data?.canEdit ?? false;
  const { hash } = useLocation();

  // A link to one goal (#shared-goal-…, e.g. back from its roll-up) scrolls to it once loaded.
  useEffect(() => {
    if (!data || !hash.startsWith('#shared-goal-')) return;
    const el = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (el) {
      el.scrollIntoView({ block: 'start' });
      el.focus({ preventScroll: true });
    }
  }, [data, hash]);

  return (
    <Section
      title={t('sharedGoals.title')}
      id="shared-goals"
      actions={
        canEdit && (
          <Button
            leftSection={<IconPlus size={18} aria-hidden="true" />}
            onClick={() => setDialog({ kind: 'goal' })}
          >
            {t('sharedGoals.add')}
          </Button>
        )
      }
    >
      {goals.isPending ? (
        <LoadingState />
      ) : goals.isError ? (
        <ErrorState error={goals.error} onRetry={() => void goals.refetch()} />
      ) : (
        <Stack gap="md">
          <Text size="sm">{t('sharedGoals.intro')}</Text>
          <PlansServed list={goals.data} />
          {goals.data.items.length === 0 ? (
            <EmptyState
              title={t('sharedGoals.emptyTitle')}
              headingOrder={3}
              action={
                canEdit && <Button onClick={() => setDialog({ kind: 'goal' })}>{t('sharedGoals.add')}</Button>
              }
            >
              {canEdit ? t('sharedGoals.emptyText') : t('sharedGoals.emptyTextReadOnly')}
            </EmptyState>
          ) : (
            <Stack component="ul" gap="md" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {goals.data.items.map((g) => (
                <li key={g.id}>
                  <GoalCard goal={g} secretariatId={secretariatId} canEdit={canEdit} onDialog={setDialog} />
                </li>
              ))}
            </Stack>
          )}
          <LooseIndicators secretariatId={secretariatId} onDialog={setDialog} />
        </Stack>
      )}

      {dialog?.kind === 'goal' && (
        <SharedGoalForm secretariatId={secretariatId} goal={dialog.goal} onClose={close} />
      )}
      {dialog?.kind === 'deleteGoal' && (
        <DeleteSharedGoal secretariatId={secretariatId} goal={dialog.goal} onClose={close} />
      )}
      {dialog?.kind === 'indicator' && (
        <SharedIndicatorForm
          key={dialog.indicator?.id ?? 'new'}
          indicator={dialog.indicator}
          areaSecretariatId={secretariatId}
          goals={data?.items ?? []}
          goalId={dialog.goalId}
          onClose={close}
        />
      )}
      {dialog?.kind === 'deleteIndicator' && (
        <DeleteSharedIndicator indicator={dialog.indicator} onClose={close} />
      )}
    </Section>
  );
}

function PlansServed({ list }: { list: SharedGoalList }) {
  const { t } = useTranslation();
  if (list.plans.length === 0) return <Text size="sm">{t('sharedGoals.noPlansServed')}</Text>;
  const names = sortBy(list.plans, (p) => p.name, 'asc')
    .map((p) => p.name)
    .join(', ');
  return <Text size="sm">{t('sharedGoals.plansServed', { count: list.plans.length, names })}</Text>;
}

function GoalCard({
  goal,
  secretariatId,
  canEdit,
  onDialog,
}: {
  goal: SharedGoal;
  secretariatId: string;
  canEdit: boolean;
  onDialog: (d: Dialog) => void;
}) {
  const { t } = useTranslation();
  const headingId = `shared-goal-${goal.id}-title`;
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="article"
      aria-labelledby={headingId}
      id={`shared-goal-${goal.id}`}
      tabIndex={-1}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Group gap="sm" align="center">
            <Title order={3} size="h5" id={headingId}>
              {goal.title}
            </Title>
            {goal.isExample && <ExampleBadge />}
          </Group>
          {canEdit && (
            <RowActions
              name={goal.title}
              onEdit={() => onDialog({ kind: 'goal', goal })}
              onDelete={() => onDialog({ kind: 'deleteGoal', goal })}
            />
          )}
        </Group>
        {goal.description && <Text className="pre-wrap">{goal.description}</Text>}
        <Group justify="space-between" align="center">
          <Text fw={700} size="sm">
            {t('sharedGoals.indicators')}
          </Text>
          <Group gap="xs">
            {canEdit && (
              <Button
                variant="subtle"
                size="compact-sm"
                leftSection={<IconPlus size={16} aria-hidden="true" />}
                onClick={() => onDialog({ kind: 'indicator', goalId: goal.id })}
                aria-label={t('sharedGoals.addIndicatorTo', { name: goal.title })}
              >
                {t('sharedGoals.addIndicator')}
              </Button>
            )}
            <Button
              component={Link}
              to={`/secretariats/${secretariatId}/shared-goals/${goal.id}`}
              variant="light"
              size="compact-sm"
              leftSection={<IconChartBar size={16} aria-hidden="true" />}
              aria-label={t('sharedGoals.openRollupFor', { name: goal.title })}
            >
              {t('sharedGoals.openRollup')}
            </Button>
          </Group>
        </Group>
        {goal.indicators.length === 0 ? (
          <Text size="sm">{t('sharedGoals.noIndicators')}</Text>
        ) : (
          <SharedIndicatorTable
            items={sortBy(goal.indicators, (i) => i.name, 'asc')}
            caption={t('sharedGoals.indicatorsCaption', { name: goal.title })}
            onEdit={(indicator) => onDialog({ kind: 'indicator', indicator })}
            onDelete={(indicator) => onDialog({ kind: 'deleteIndicator', indicator })}
          />
        )}
      </Stack>
    </Paper>
  );
}

/** The secretariat's shared indicators under no shared goal, when there are any. */
function LooseIndicators({
  secretariatId,
  onDialog,
}: {
  secretariatId: string;
  onDialog: (d: Dialog) => void;
}) {
  const { t } = useTranslation();
  const all = useSharedIndicators();
  if (all.isPending) return null;
  if (all.isError) return <ErrorState error={all.error} onRetry={() => void all.refetch()} />;
  const loose = all.data.items.filter((i) => i.areaSecretariatId === secretariatId && !i.sharedGoalId);
  if (loose.length === 0) return null;
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t('sharedGoals.looseTitle')}
      </Title>
      <SharedIndicatorTable
        items={sortBy(loose, (i) => i.name, 'asc')}
        caption={t('sharedGoals.looseCaption')}
        onEdit={(indicator) => onDialog({ kind: 'indicator', indicator })}
        onDelete={(indicator) => onDialog({ kind: 'deleteIndicator', indicator })}
      />
    </Stack>
  );
}
