import { useState } from 'react';
import {
  ActionIcon,
  Anchor,
  Button,
  Group,
  List,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconPlus, IconSparkles, IconTrash } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  useCreateTheory,
  useDeleteTheory,
  useDraftTheory,
  useTheories,
  useTheoryComparison,
  type TheoryScope,
  type TheorySummary,
} from '../../api/theories';
import { AppModal } from '../../components/AppModal';
import { DeleteDialog } from '../../components/ConfirmDialog';
import { FormErrorAlert } from '../../components/FormErrorAlert';
import { Section } from '../../components/Section';
import { ExampleBadge } from '../../components/badges';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { fieldErrors } from '../../lib/errors';
import { formatDate, formatNumber } from '../../lib/format';
import { notifySuccess } from '../../lib/notify';
import { useLocale } from '../../lib/useLocale';
import { usePlanContext } from '../plans/planTabs';

/** Forandringsteori: the plan's diagrams, making a new one (empty or drafted), and the comparison. */
export default function TheoryTab() {
  const { plan } = usePlanContext();
  const { t } = useTranslation();
  const locale = useLocale();
  const list = useTheories(plan.id);
  const [dialog, setDialog] = useState<'create' | 'draft' | null>(null);
  const [deleting, setDeleting] = useState<TheorySummary | null>(null);
  const remove = useDeleteTheory(plan.id);

  if (list.isPending) return <LoadingState />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  const items = list.data.items;
  const scopeText = (s: TheorySummary) =>
    s.scope === 'crossCutting' ? t('theory.list.crossCutting') : (s.focusAreaName?.[locale] ?? '');

  const actions = plan.canEdit && (
    <Group gap="xs">
      <Button leftSection={<IconSparkles size={18} aria-hidden="true" />} onClick={() => setDialog('draft')}>
        {t('theory.draft')}
      </Button>
      <Button
        variant="default"
        leftSection={<IconPlus size={18} aria-hidden="true" />}
        onClick={() => setDialog('create')}
      >
        {t('theory.create')}
      </Button>
    </Group>
  );

  return (
    <Stack gap="lg">
      <Section title={t('theory.list.title')} id="theories" actions={actions}>
        <Text>{t('theory.intro')}</Text>
        {items.length === 0 ? (
          <EmptyState title={t('theory.emptyTitle')} headingOrder={3}>
            {plan.canEdit ? t('theory.emptyText') : t('theory.emptyReadOnly')}
          </EmptyState>
        ) : (
          <Stack gap="xs">
            <Text fw={600}>
              {t('theory.list.count', { count: items.length, formatted: formatNumber(items.length, locale) })}
            </Text>
            <Table.ScrollContainer minWidth={640}>
              <Table withTableBorder striped verticalSpacing="xs">
                <caption className="visually-hidden">{t('theory.list.caption')}</caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('theory.list.name')}</Table.Th>
                    <Table.Th>{t('theory.list.scope')}</Table.Th>
                    <Table.Th>{t('theory.list.size')}</Table.Th>
                    <Table.Th>{t('theory.list.updated')}</Table.Th>
                    {plan.canEdit && <Table.Th>{t('common.actions')}</Table.Th>}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((s) => (
                    <Table.Tr key={s.id}>
                      <Table.Th scope="row">
                        <Group gap="xs">
                          <Anchor component={Link} to={`/plans/${plan.id}/theory-of-change/${s.id}`}>
                            {s.title}
                          </Anchor>
                          {s.isExample && <ExampleBadge />}
                        </Group>
                      </Table.Th>
                      <Table.Td>{scopeText(s)}</Table.Td>
                      <Table.Td>
                        {t('theory.list.sizeText', {
                          nodes: formatNumber(s.nodeCount, locale),
                          edges: formatNumber(s.edgeCount, locale),
                        })}
                      </Table.Td>
                      <Table.Td>{formatDate(s.updatedAt.slice(0, 10))}</Table.Td>
                      {plan.canEdit && (
                        <Table.Td>
                          <ActionIcon
                            variant="subtle"
                            color="red.9"
                            aria-label={t('common.deleteItem', { name: s.title })}
                            onClick={() => setDeleting(s)}
                          >
                            <IconTrash size={18} aria-hidden="true" />
                          </ActionIcon>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Stack>
        )}
      </Section>
      {items.length > 0 && <ComparisonSection items={items} />}
      {dialog && <NewTheoryDialog mode={dialog} onClose={() => setDialog(null)} />}
      {deleting && (
        <DeleteDialog
          title={t('theory.deleteTitle', { name: deleting.title })}
          name={deleting.title}
          id={deleting.id}
          remove={remove}
          onClose={() => {
            setDeleting(null);
            remove.reset();
          }}
        >
          {t('theory.deleteText')}
        </DeleteDialog>
      )}
    </Stack>
  );
}

/** Creating an empty diagram, or having the server draft one from the plan's framework. */
function NewTheoryDialog({ mode, onClose }: { mode: 'create' | 'draft'; onClose: () => void }) {
  const { plan } = usePlanContext();
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const create = useCreateTheory(plan.id);
  const draft = useDraftTheory(plan.id);
  const mutation = mode === 'create' ? create : draft;
  const [title, setTitle] = useState('');
  const [scope, setScope] = useState<TheoryScope>('crossCutting');
  const [focusAreaId, setFocusAreaId] = useState(plan.focusAreas[0]?.id ?? '');
  const errors = fieldErrors(mutation.error);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const input = {
      scope,
      focusAreaId: scope === 'focusArea' ? focusAreaId || null : null,
      title: title.trim(),
    };
    const done = (created: { id: string; title: string }) => {
      notifySuccess(t('theory.created', { name: created.title }));
      onClose();
      void navigate(`/plans/${plan.id}/theory-of-change/${created.id}`);
    };
    if (mode === 'create') create.mutate(input, { onSuccess: done });
    else draft.mutate({ ...input, title: input.title || undefined }, { onSuccess: done });
  };

  return (
    <AppModal
      opened
      onClose={onClose}
      title={mode === 'create' ? t('theory.createTitle') : t('theory.draftTitle')}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormErrorAlert error={mutation.error} isPlaced={(p) => p in errors} />
          {mode === 'draft' && <Text size="sm">{t('theory.draftHelp')}</Text>}
          <TextInput
            label={t('theory.titleField')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            required={mode === 'create'}
            description={mode === 'draft' ? t('theory.draftTitleHelp') : undefined}
            error={errors.title}
            data-autofocus
          />
          <NativeSelect
            label={t('theory.scopeField')}
            value={scope}
            onChange={(e) => setScope(e.currentTarget.value as TheoryScope)}
            data={[
              { value: 'crossCutting', label: t('theory.scopes.crossCutting') },
              {
                value: 'focusArea',
                label: t('theory.scopes.focusArea'),
                disabled: plan.focusAreas.length === 0,
              },
            ]}
            description={plan.focusAreas.length === 0 ? t('theory.noFocusAreas') : undefined}
            error={errors.scope}
          />
          {scope === 'focusArea' && (
            <NativeSelect
              label={t('theory.focusAreaField')}
              description={t('theory.focusAreaHelp')}
              value={focusAreaId}
              onChange={(e) => setFocusAreaId(e.currentTarget.value)}
              data={plan.focusAreas.map((f) => ({
                value: f.id,
                label: locale === 'da' ? f.nameDa : f.nameEn,
              }))}
              error={errors.focusAreaId}
            />
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {mode === 'create' ? t('common.create') : t('theory.draft')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

/** What a diagram claims that nothing in the plan backs, and what of the plan it leaves out. */
function ComparisonSection({ items }: { items: TheorySummary[] }) {
  const { plan } = usePlanContext();
  const { t } = useTranslation();
  const locale = useLocale();
  const [chosen, setChosen] = useState(items[0]!.id);
  const theoryId = items.some((i) => i.id === chosen) ? chosen : items[0]!.id;
  const comparison = useTheoryComparison(plan.id, theoryId);
  const c = comparison.data;
  return (
    <Section title={t('theory.comparison.title')} id="theory-comparison">
      <Text>{t('theory.comparison.intro')}</Text>
      {items.length > 1 && (
        <NativeSelect
          label={t('theory.comparison.choose')}
          value={theoryId}
          onChange={(e) => setChosen(e.currentTarget.value)}
          data={items.map((i) => ({ value: i.id, label: i.title }))}
          maw={420}
        />
      )}
      {comparison.isPending ? (
        <LoadingState />
      ) : comparison.isError ? (
        <ErrorState error={comparison.error} onRetry={() => void comparison.refetch()} />
      ) : (
        c && (
          <Stack gap="md">
            <Text>
              {t('theory.comparison.linked', {
                count: c.linkedCount,
                formatted: formatNumber(c.linkedCount, locale),
              })}
            </Text>
            <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
              <Stack gap="xs">
                <Title order={3} size="h5">
                  {t('theory.comparison.unbacked')} ({formatNumber(c.unbacked.length, locale)})
                </Title>
                <Text size="sm" c="dimmed">
                  {t('theory.comparison.unbackedHelp')}
                </Text>
                {c.unbacked.length === 0 ? (
                  <Text size="sm">{t('theory.comparison.unbackedNone')}</Text>
                ) : (
                  <ShortList
                    items={c.unbacked.map((u) => ({
                      key: u.nodeId,
                      node: (
                        <>
                          {u.label}{' '}
                          <Text span c="dimmed" size="xs">
                            ({t(`theory.kinds.${u.kind}`)})
                          </Text>
                        </>
                      ),
                    }))}
                  />
                )}
              </Stack>
              <Stack gap="xs">
                <Title order={3} size="h5">
                  {t('theory.comparison.missingActivities')} (
                  {formatNumber(c.missingActivities.length, locale)})
                </Title>
                {c.missingActivities.length === 0 ? (
                  <Text size="sm">{t('theory.comparison.missingActivitiesNone')}</Text>
                ) : (
                  <ShortList
                    items={c.missingActivities.map((a) => ({
                      key: a.id,
                      node: (
                        <>
                          <Anchor component={Link} to={`/plans/${plan.id}/activities/${a.id}`}>
                            {a.name}
                          </Anchor>
                        </>
                      ),
                    }))}
                  />
                )}
              </Stack>
              <Stack gap="xs">
                <Title order={3} size="h5">
                  {t('theory.comparison.missingGoals')} ({formatNumber(c.missingGoals.length, locale)})
                </Title>
                {c.missingGoals.length === 0 ? (
                  <Text size="sm">{t('theory.comparison.missingGoalsNone')}</Text>
                ) : (
                  <ShortList
                    items={c.missingGoals.map((g) => ({
                      key: g.id,
                      node: (
                        <>
                          {g.title}{' '}
                          <Text span c="dimmed" size="xs">
                            ({t(`theory.levels.${g.level}`)})
                          </Text>
                        </>
                      ),
                    }))}
                  />
                )}
              </Stack>
            </SimpleGrid>
          </Stack>
        )
      )}
    </Section>
  );
}

const SHORT = 10;

/** The first few items of a list, the rest one click away, so a large diagram keeps the page short. */
function ShortList({ items }: { items: { key: string; node: React.ReactNode }[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [all, setAll] = useState(false);
  const shown = all ? items : items.slice(0, SHORT);
  return (
    <Stack gap={4} align="flex-start">
      <List size="sm" spacing={4}>
        {shown.map((i) => (
          <List.Item key={i.key}>{i.node}</List.Item>
        ))}
      </List>
      {items.length > SHORT && (
        <Button variant="subtle" size="compact-sm" onClick={() => setAll(!all)} aria-expanded={all}>
          {all
            ? t('theory.comparison.showFewer')
            : t('theory.comparison.showAll', {
                count: items.length,
                formatted: formatNumber(items.length, locale),
              })}
        </Button>
      )}
    </Stack>
  );
}
