import { useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Code,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import {
  IconCheck,
  IconCopy,
  IconLink,
  IconLock,
  IconLockOpen,
  IconPlus,
  IconTrash,
} from '@tabler/icons-react';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PlanDetail } from '../../api/types';
import {
  STAKEHOLDER_GROUPS,
  useAddInvitations,
  useCreateSurvey,
  useDeleteSurvey,
  useUpdateSurvey,
  type InvitationLink,
  type StakeholderGroup,
  type Survey,
} from '../../api/markers';
import type { SurveyList } from '@pejling/contracts';
import { AppModal } from '../../components/AppModal';
import { ConfirmDialog, DeleteDialog } from '../../components/ConfirmDialog';
import { Section } from '../../components/Section';
import { ExampleBadge } from '../../components/badges';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { fieldErrors } from '../../lib/errors';
import { formatNumber } from '../../lib/format';
import { notifySuccess } from '../../lib/notify';
import { useLocale } from '../../lib/useLocale';
import { FormModal } from '../admin/FormModal';
import { yearOptions } from './parts';

type Counts = Record<StakeholderGroup, number>;
const zeroCounts = (): Counts => Object.fromEntries(STAKEHOLDER_GROUPS.map((g) => [g, 0])) as Counts;
const chosen = (c: Counts) =>
  STAKEHOLDER_GROUPS.filter((g) => c[g] > 0).map((group) => ({ group, count: c[group] }));

/** The plan's questionnaires: answers per group, and for editors new ones, more links, close and delete. */
export function SurveysSection({
  plan,
  surveys,
  year,
}: {
  plan: PlanDetail;
  surveys: UseQueryResult<SurveyList>;
  year: number;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [creating, setCreating] = useState(false);
  const [links, setLinks] = useState<{ name: string; links: InvitationLink[] } | null>(null);
  const [adding, setAdding] = useState<Survey | null>(null);
  const [closing, setClosing] = useState<Survey | null>(null);
  const [deleting, setDeleting] = useState<Survey | null>(null);
  const update = useUpdateSurvey(plan.id);
  const remove = useDeleteSurvey(plan.id);

  const setStatus = (s: Survey, status: 'open' | 'closed', done?: () => void) =>
    update.mutate(
      { id: s.id, input: { title: s.title, minAnswers: s.minAnswers, status, version: s.version } },
      {
        onSuccess: () => {
          notifySuccess(
            t(status === 'closed' ? 'markers.surveys.closed' : 'markers.surveys.reopened', { name: s.title }),
          );
          done?.();
        },
      },
    );

  const body = () => {
    if (surveys.isPending) return <LoadingState />;
    if (surveys.isError) return <ErrorState error={surveys.error} onRetry={() => void surveys.refetch()} />;
    const items = surveys.data.items;
    if (items.length === 0)
      return (
        <EmptyState title={t('markers.surveys.emptyTitle')} headingOrder={3}>
          {plan.canEdit ? t('markers.surveys.emptyText') : t('markers.noSurveyReadOnly')}
        </EmptyState>
      );
    return (
      <Stack gap="md">
        {items.map((s) => (
          <SurveyCard
            key={s.id}
            survey={s}
            canEdit={plan.canEdit}
            onAdd={() => setAdding(s)}
            onClose={() => {
              update.reset();
              setClosing(s);
            }}
            onReopen={() => setStatus(s, 'open')}
            onDelete={() => {
              remove.reset();
              setDeleting(s);
            }}
            locale={locale}
          />
        ))}
      </Stack>
    );
  };

  return (
    <Section
      title={t('markers.surveys.title')}
      id="markers-surveys"
      actions={
        plan.canEdit && (
          <Button leftSection={<IconPlus size={18} aria-hidden="true" />} onClick={() => setCreating(true)}>
            {t('markers.surveys.add')}
          </Button>
        )
      }
    >
      <Text size="sm" maw="80ch">
        {t('markers.surveys.intro')}
      </Text>
      {body()}
      {creating && (
        <CreateSurveyForm
          plan={plan}
          year={year}
          extraYears={surveys.data?.items.map((s) => s.period) ?? []}
          onClose={() => setCreating(false)}
          onCreated={(name, l) => {
            setCreating(false);
            if (l.length > 0) setLinks({ name, links: l });
          }}
        />
      )}
      {adding && (
        <AddLinksForm
          planId={plan.id}
          survey={adding}
          onClose={() => setAdding(null)}
          onCreated={(l) => {
            setLinks({ name: adding.title, links: l });
            setAdding(null);
          }}
        />
      )}
      {links && <LinksModal name={links.name} links={links.links} onClose={() => setLinks(null)} />}
      <ConfirmDialog
        opened={closing !== null}
        title={t('markers.surveys.closeTitle', { name: closing?.title ?? '' })}
        confirmLabel={t('markers.surveys.closeConfirm')}
        onClose={() => setClosing(null)}
        loading={update.isPending}
        error={update.error}
        errorTitle={t('common.saveFailed')}
        onConfirm={() => closing && setStatus(closing, 'closed', () => setClosing(null))}
      >
        {t('markers.surveys.closeText')}
      </ConfirmDialog>
      {deleting && (
        <DeleteDialog
          title={t('markers.surveys.deleteTitle', { name: deleting.title })}
          name={deleting.title}
          id={deleting.id}
          remove={remove}
          onClose={() => setDeleting(null)}
        >
          {t('markers.surveys.deleteText')}
        </DeleteDialog>
      )}
    </Section>
  );
}

function SurveyCard({
  survey: s,
  canEdit,
  onAdd,
  onClose,
  onReopen,
  onDelete,
  locale,
}: {
  survey: Survey;
  canEdit: boolean;
  onAdd: () => void;
  onClose: () => void;
  onReopen: () => void;
  onDelete: () => void;
  locale: 'da' | 'en';
}) {
  const { t } = useTranslation();
  const id = `survey-${s.id}`;
  const n = (x: number) => formatNumber(x, locale);
  return (
    <Stack
      gap="xs"
      component="article"
      aria-labelledby={id}
      p="md"
      style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}
    >
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="xs">
            <Title order={3} size="h5" id={id}>
              {s.title}
            </Title>
            <Badge
              variant="light"
              color={s.status === 'open' ? 'green' : 'gray'}
              leftSection={
                s.status === 'open' ? (
                  <IconLockOpen size={12} aria-hidden="true" />
                ) : (
                  <IconLock size={12} aria-hidden="true" />
                )
              }
              style={{ textTransform: 'none' }}
            >
              {t(`markers.surveys.statuses.${s.status}`)}
            </Badge>
            {s.isExample && <ExampleBadge />}
          </Group>
          <Text size="sm" c="dimmed">
            {t('markers.surveys.period')} {s.period} · {t('markers.surveys.minAnswers')}: {n(s.minAnswers)} ·{' '}
            {t('markers.answers')}:{' '}
            {t('markers.surveys.answersOf', { answers: n(s.answers), invitations: n(s.invitations) })}
          </Text>
        </Stack>
        {canEdit && (
          <Group gap="xs" role="group" aria-label={t('markers.surveys.actionsFor', { name: s.title })}>
            {s.status === 'open' && (
              <Button
                size="xs"
                variant="default"
                leftSection={<IconLink size={16} aria-hidden="true" />}
                onClick={onAdd}
              >
                {t('markers.surveys.addLinks')}
              </Button>
            )}
            {s.status === 'open' ? (
              <Button
                size="xs"
                variant="default"
                leftSection={<IconLock size={16} aria-hidden="true" />}
                onClick={onClose}
              >
                {t('markers.surveys.close')}
              </Button>
            ) : (
              <Button
                size="xs"
                variant="default"
                leftSection={<IconLockOpen size={16} aria-hidden="true" />}
                onClick={onReopen}
              >
                {t('markers.surveys.reopen')}
              </Button>
            )}
            <Button
              size="xs"
              variant="default"
              c="red.9"
              leftSection={<IconTrash size={16} aria-hidden="true" />}
              onClick={onDelete}
            >
              {t('common.delete')}
            </Button>
          </Group>
        )}
      </Group>
      <Table.ScrollContainer minWidth={520}>
        <Table withTableBorder verticalSpacing={4} fz="sm">
          <caption className="visually-hidden">
            {t('markers.surveys.groupsCaption', { name: s.title })}
          </caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('markers.group')}</Table.Th>
              <Table.Th ta="right">{t('markers.invitations')}</Table.Th>
              <Table.Th ta="right">{t('markers.answers')}</Table.Th>
              <Table.Th>{t('markers.surveys.result')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {s.groups.map((g) => (
              <Table.Tr key={g.group} data-group={g.group}>
                <Table.Th scope="row" fw={500}>
                  {g.label[locale]}
                </Table.Th>
                <Table.Td ta="right">{n(g.invitations)}</Table.Td>
                <Table.Td ta="right">{n(g.answers)}</Table.Td>
                <Table.Td>
                  {g.invitations === 0 && g.answers === 0
                    ? t('markers.surveys.noneYet')
                    : g.shown
                      ? t('markers.surveys.shown')
                      : t('markers.tooFew', { answers: n(g.answers), min: s.minAnswers })}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function CountInputs({
  counts,
  setCounts,
  errors,
}: {
  counts: Counts;
  setCounts: (c: Counts) => void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text fw={600} size="sm" id="links-per-group">
        {t('markers.surveys.linksTitle')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('markers.surveys.linksHelp')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" role="group" aria-labelledby="links-per-group">
        {STAKEHOLDER_GROUPS.map((g, i) => (
          <NumberInput
            key={g}
            label={t(`markers.groups.${g}`)}
            value={counts[g]}
            min={0}
            max={200}
            allowDecimal={false}
            allowNegative={false}
            onChange={(v) => setCounts({ ...counts, [g]: typeof v === 'number' ? v : Number(v) || 0 })}
            error={errors[`invitations.${i}.count`]}
          />
        ))}
      </SimpleGrid>
    </Stack>
  );
}

function CreateSurveyForm({
  plan,
  year,
  extraYears,
  onClose,
  onCreated,
}: {
  plan: PlanDetail;
  year: number;
  extraYears: string[];
  onClose: () => void;
  onCreated: (name: string, links: InvitationLink[]) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateSurvey(plan.id);
  const [period, setPeriod] = useState(String(year));
  const [title, setTitle] = useState(t('markers.surveys.defaultTitle', { year }));
  const [titleTouched, setTitleTouched] = useState(false);
  const [minAnswers, setMinAnswers] = useState<number | string>(5);
  const [counts, setCounts] = useState<Counts>(zeroCounts);
  const errors = fieldErrors(create.error);
  const years = yearOptions(plan.periodStart, plan.periodEnd, [year, ...extraYears]);

  const onSubmit = () =>
    create.mutate(
      {
        title: title.trim(),
        period: Number(period),
        minAnswers: typeof minAnswers === 'number' ? minAnswers : Number(minAnswers),
        invitations: chosen(counts),
      },
      {
        onSuccess: (s) => {
          notifySuccess(t('common.created', { name: s.title }));
          onCreated(s.title, s.links);
        },
      },
    );

  return (
    <FormModal
      opened
      title={t('markers.surveys.add')}
      onClose={onClose}
      onSubmit={onSubmit}
      saving={create.isPending}
      error={create.error}
      submitLabel={t('markers.surveys.create')}
      isPlaced={(p) => ['title', 'period', 'minAnswers'].includes(p) || /^invitations\.\d+\.count$/.test(p)}
    >
      <Text size="sm">{t('markers.surveys.intro')}</Text>
      <Group grow align="flex-start">
        <NativeSelect
          label={t('markers.surveys.period')}
          value={period}
          onChange={(e) => {
            const v = e.currentTarget.value;
            setPeriod(v);
            if (!titleTouched) setTitle(t('markers.surveys.defaultTitle', { year: v }));
          }}
          data={years.map(String)}
          error={errors.period}
          required
        />
        <NumberInput
          label={t('markers.surveys.minAnswers')}
          description={t('markers.surveys.minAnswersHelp')}
          value={minAnswers}
          onChange={setMinAnswers}
          min={2}
          max={50}
          allowDecimal={false}
          error={errors.minAnswers}
          required
        />
      </Group>
      <TextInput
        label={t('markers.surveys.name')}
        value={title}
        onChange={(e) => {
          setTitle(e.currentTarget.value);
          setTitleTouched(true);
        }}
        error={errors.title}
        required
      />
      <CountInputs counts={counts} setCounts={setCounts} errors={errors} />
    </FormModal>
  );
}

function AddLinksForm({
  planId,
  survey,
  onClose,
  onCreated,
}: {
  planId: string;
  survey: Survey;
  onClose: () => void;
  onCreated: (links: InvitationLink[]) => void;
}) {
  const { t } = useTranslation();
  const add = useAddInvitations(planId);
  const [counts, setCounts] = useState<Counts>(zeroCounts);
  const [message, setMessage] = useState<string | undefined>();
  const errors = fieldErrors(add.error);
  const onSubmit = () => {
    const invitations = chosen(counts);
    if (invitations.length === 0) {
      setMessage(t('markers.surveys.noLinksChosen'));
      return;
    }
    setMessage(undefined);
    add.mutate({ id: survey.id, invitations }, { onSuccess: (r) => onCreated(r.links) });
  };
  return (
    <FormModal
      opened
      title={t('markers.surveys.addLinksTitle', { name: survey.title })}
      onClose={onClose}
      onSubmit={onSubmit}
      saving={add.isPending}
      error={add.error}
      message={message}
      submitLabel={t('markers.surveys.addLinksSubmit')}
      isPlaced={(p) => /^invitations\.\d+\.count$/.test(p)}
    >
      <CountInputs counts={counts} setCounts={setCounts} errors={errors} />
    </FormModal>
  );
}

/** Copies text; falls back to a selected text area where the clipboard API is missing (plain http). */
async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    document.execCommand('copy');
    area.remove();
  }
}

function CopyButton({ text, label, ariaLabel }: { text: string; label: string; ariaLabel?: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <Button
      size="xs"
      variant="default"
      aria-label={copied ? undefined : ariaLabel}
      leftSection={
        copied ? <IconCheck size={14} aria-hidden="true" /> : <IconCopy size={14} aria-hidden="true" />
      }
      onClick={() =>
        void copyText(text).then(() => {
          setCopied(true);
          window.setTimeout(() => setCopied(false), 2000);
        })
      }
    >
      {copied ? t('markers.surveys.copied') : label}
    </Button>
  );
}

/** The new links, shown this once: grouped, each with a copy button. */
function LinksModal({
  name,
  links,
  onClose,
}: {
  name: string;
  links: InvitationLink[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const origin = window.location.origin;
  const url = (l: InvitationLink) => origin + l.path;
  const groups = STAKEHOLDER_GROUPS.filter((g) => links.some((l) => l.group === g));
  const lines = (g?: StakeholderGroup) =>
    links
      .filter((l) => !g || l.group === g)
      .map((l) => (g ? url(l) : `${t(`markers.groups.${l.group}`)}: ${url(l)}`))
      .join('\n');
  return (
    <AppModal opened onClose={onClose} title={t('markers.surveys.linksShownTitle', { name })} size="xl">
      <Stack gap="md">
        <Alert color="orange" variant="light" role="status" title={t('markers.surveys.linksOnceTitle')}>
          {t('markers.surveys.linksOnce')}
        </Alert>
        <Group>
          <CopyButton text={lines()} label={t('markers.surveys.copyAll')} />
        </Group>
        {groups.map((g) => {
          const mine = links.filter((l) => l.group === g);
          const group = t(`markers.groups.${g}`);
          return (
            <Stack key={g} gap={4} data-links-group={g}>
              <Group justify="space-between">
                <Title order={3} size="h6">
                  {group} ({mine.length})
                </Title>
                <CopyButton
                  text={lines(g)}
                  label={t('markers.surveys.copyGroup')}
                  ariaLabel={t('markers.surveys.copyGroupLabel', { group })}
                />
              </Group>
              <Table verticalSpacing={2} fz="sm">
                <caption className="visually-hidden">{group}</caption>
                <Table.Tbody>
                  {mine.map((l, i) => (
                    <Table.Tr key={l.token}>
                      <Table.Td style={{ wordBreak: 'break-all' }}>
                        <Code data-link>{url(l)}</Code>
                      </Table.Td>
                      <Table.Td w={110}>
                        <CopyButton
                          text={url(l)}
                          label={t('markers.surveys.copy')}
                          ariaLabel={t('markers.surveys.copyLabel', { n: i + 1, group })}
                        />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Stack>
          );
        })}
        <Group justify="flex-end">
          <Button onClick={onClose}>{t('markers.surveys.linksDone')}</Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
