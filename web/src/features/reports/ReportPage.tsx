import { useState } from 'react';
import { Alert, Anchor, Button, Group, List, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import {
  IconArrowLeft,
  IconFileTypeDocx,
  IconFileTypePdf,
  IconLock,
  IconPencil,
  IconTrash,
} from '@tabler/icons-react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  useDeleteReport,
  useReport,
  useReportTransition,
  type Report,
  type ReportTransition,
} from '../../api/reports';
import { DeleteDialog } from '../../components/ConfirmDialog';
import { Section } from '../../components/Section';
import { ErrorState, LoadingState } from '../../components/states';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format';
import { notifySuccess } from '../../lib/notify';
import { useLocale } from '../../lib/useLocale';
import { FormModal } from '../admin/FormModal';
import { NotFoundPage } from '../errors/ErrorPages';
import { ApiError } from '../../api/client';
import { usePlanContext } from '../plans/planTabs';
import { formatIndicatorNumber, periodText } from '../results/numbers';
import { ActivityStatusBadge, TargetStatusBadge } from '../results/shared';
import { ReportForm } from './ReportForm';
import { ReportStatusBadge } from './ReportsTab';

const NARRATIVE = ['summary', 'progress', 'deviations', 'nextSteps'] as const;

/** Rapporter › one report: its texts and figures, the approval flow, and PDF and Word. */
export default function ReportPage() {
  const { plan } = usePlanContext();
  const { reportId = '' } = useParams();
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const query = useReport(plan.id, reportId);
  const move = useReportTransition(plan.id);
  const [dialog, setDialog] = useState<'edit' | 'delete' | ReportTransition | null>(null);

  if (query.isPending) return <LoadingState />;
  if (query.isError) {
    if (query.error instanceof ApiError && query.error.status === 404) return <NotFoundPage />;
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  const r = query.data;
  const n = (v: number) => formatNumber(v, locale);
  const run = (transition: ReportTransition, note?: string) =>
    move.mutate(
      { id: r.id, transition, input: { version: r.version, note: note ?? null } },
      {
        onSuccess: () => {
          notifySuccess(t(`reports.done.${transition}`));
          setDialog(null);
          void query.refetch();
        },
      },
    );
  const exportUrl = (format: 'pdf' | 'docx') =>
    `/api/plans/${plan.id}/reports/${r.id}/export?format=${format}`;

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/plans/${plan.id}/reports`}>
        <Group gap={4} component="span">
          <IconArrowLeft size={16} aria-hidden="true" />
          {t('reports.back')}
        </Group>
      </Anchor>
      <Section
        title={r.title}
        id="report"
        actions={
          <Group gap="xs">
            <Button
              component="a"
              href={exportUrl('pdf')}
              download
              variant="default"
              leftSection={<IconFileTypePdf size={18} aria-hidden="true" />}
            >
              {t('reports.pdf')}
            </Button>
            <Button
              component="a"
              href={exportUrl('docx')}
              download
              variant="default"
              leftSection={<IconFileTypeDocx size={18} aria-hidden="true" />}
            >
              {t('reports.word')}
            </Button>
          </Group>
        }
      >
        <Group gap="md">
          <ReportStatusBadge status={r.status} />
          <Text>
            {periodText(r.period, locale)} · {t('reports.audience')}: {t(`reports.audiences.${r.audience}`)}
          </Text>
        </Group>
        {r.approvedAt && (
          <Text>
            {t('reports.approved', {
              name: r.approvedByName ?? '',
              date: formatDate(r.approvedAt.slice(0, 10)),
            })}
            {r.sentAt &&
              ` · ${t('reports.sentTo', { date: formatDate(r.sentAt.slice(0, 10)), to: r.sentTo ?? '' })}`}
          </Text>
        )}
        <Alert
          color={r.frozen ? 'green' : 'gray'}
          icon={r.frozen ? <IconLock aria-hidden="true" /> : undefined}
        >
          {r.frozen
            ? t('reports.figuresFrozen', { date: formatDate(r.figures.computedAt.slice(0, 10)) })
            : t('reports.figuresLive')}
        </Alert>
        {r.status === 'submitted' && !r.canApprove && <Text>{t('reports.waitingApproval')}</Text>}
        <Group gap="xs">
          {r.status === 'draft' && plan.canEdit && (
            <>
              <Button
                onClick={() => run('submit')}
                loading={move.isPending && move.variables?.transition === 'submit'}
              >
                {t('reports.submit')}
              </Button>
              <Button
                variant="default"
                leftSection={<IconPencil size={18} aria-hidden="true" />}
                onClick={() => setDialog('edit')}
              >
                {t('common.edit')}
              </Button>
              <Button
                variant="default"
                c="red.9"
                leftSection={<IconTrash size={18} aria-hidden="true" />}
                onClick={() => setDialog('delete')}
              >
                {t('common.delete')}
              </Button>
            </>
          )}
          {r.status === 'submitted' && r.canApprove && (
            <Button onClick={() => setDialog('approve')}>{t('reports.approve')}</Button>
          )}
          {r.status === 'submitted' && (r.canApprove || plan.canEdit) && (
            <Button variant="default" onClick={() => setDialog('return')}>
              {t('reports.return')}
            </Button>
          )}
          {r.status === 'approved' && plan.canEdit && (
            <Button onClick={() => setDialog('send')}>{t('reports.send')}</Button>
          )}
        </Group>
        {move.error != null && dialog === null && (
          <Alert color="red" role="alert">
            {move.error.message}
          </Alert>
        )}
      </Section>

      <Section title={t('reports.texts')} id="report-texts">
        {NARRATIVE.map((f) => (
          <Stack gap={2} key={f}>
            <Title order={3} size="h5">
              {t(`reports.narrative.${f}`)}
            </Title>
            <Text style={{ whiteSpace: 'pre-wrap' }} c={r.narrative[f] ? undefined : 'dimmed'}>
              {r.narrative[f] ?? t('reports.narrative.empty')}
            </Text>
          </Stack>
        ))}
      </Section>

      <GoalsSection report={r} />

      <Section title={t('reports.activities')} id="report-activities">
        <Table.ScrollContainer minWidth={600}>
          <Table withTableBorder striped verticalSpacing={4}>
            <caption className="visually-hidden">{t('reports.activitiesCaption')}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('reports.activity')}</Table.Th>
                <Table.Th>{t('reports.status')}</Table.Th>
                <Table.Th ta="right">{t('reports.registrations')}</Table.Th>
                <Table.Th ta="right">{t('reports.participants')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {r.figures.activities.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Th scope="row">
                    {a.name}
                    {a.overdueSince && (
                      <Text size="xs" fw={400}>
                        {t('reports.overdue', { date: formatDate(a.overdueSince) })}
                      </Text>
                    )}
                  </Table.Th>
                  <Table.Td>
                    <ActivityStatusBadge status={a.status} />
                  </Table.Td>
                  <Table.Td ta="right">{n(a.registrations)}</Table.Td>
                  <Table.Td ta="right">{n(a.participants)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Section>

      <Section title={t('reports.flags')} id="report-flags">
        <Text>
          {t('reports.measured', {
            measured: r.figures.coherence.outcomeGoalsMeasured,
            total: r.figures.coherence.outcomeGoals,
          })}
        </Text>
        {r.figures.coherence.flags.length === 0 ? (
          <Text>{t('reports.noFlags')}</Text>
        ) : (
          <List size="sm">
            {r.figures.coherence.flags.map((f) => (
              <List.Item key={`${f.kind}-${f.entityId}`}>
                {t(`results.coherence.kinds.${f.kind}`)}
                {f.name ? `: ${f.name}` : ''}
              </List.Item>
            ))}
          </List>
        )}
      </Section>

      <Section title={t('reports.history')} id="report-history">
        <Table withTableBorder verticalSpacing={4}>
          <caption className="visually-hidden">{t('reports.historyCaption')}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('reports.status')}</Table.Th>
              <Table.Th>{t('reports.by')}</Table.Th>
              <Table.Th>{t('reports.when')}</Table.Th>
              <Table.Th>{t('reports.note')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.history.map((h, i) => (
              <Table.Tr key={i}>
                <Table.Th scope="row">{t(`reports.statuses.${h.status}`)}</Table.Th>
                <Table.Td>{h.byName}</Table.Td>
                <Table.Td>{formatDateTime(h.at)}</Table.Td>
                <Table.Td>{h.note}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Section>

      {dialog === 'edit' && <ReportForm planId={plan.id} report={r} onClose={() => setDialog(null)} />}
      {dialog === 'delete' && (
        <DeleteReport
          report={r}
          planId={plan.id}
          onClose={() => setDialog(null)}
          onDeleted={() => void navigate(`/plans/${plan.id}/reports`)}
        />
      )}
      {(dialog === 'approve' || dialog === 'return' || dialog === 'send') && (
        <TransitionDialog
          transition={dialog}
          saving={move.isPending}
          error={move.error}
          onClose={() => setDialog(null)}
          onConfirm={(note) => run(dialog, note)}
        />
      )}
    </Stack>
  );
}

function GoalsSection({ report: r }: { report: Report }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const show = (i: Report['figures']['goals'][number]['indicators'][number], v: number | null) =>
    formatIndicatorNumber(i, v, locale, t('common.yes'), t('common.no'));
  return (
    <Section title={t('reports.goals')} id="report-goals">
      <Table.ScrollContainer minWidth={700}>
        <Table withTableBorder verticalSpacing={4}>
          <caption className="visually-hidden">{t('reports.goalsCaption')}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('reports.indicator')}</Table.Th>
              <Table.Th ta="right">{t('reports.baseline')}</Table.Th>
              <Table.Th ta="right">{t('reports.value')}</Table.Th>
              <Table.Th ta="right">{t('reports.target')}</Table.Th>
              <Table.Th>{t('reports.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          {r.figures.goals.map((g) => (
            <Table.Tbody key={g.id}>
              <Table.Tr bg="gray.1">
                <Table.Th colSpan={5} scope="colgroup">
                  {t(`results.level.${g.level}`)}: {g.title}
                </Table.Th>
              </Table.Tr>
              {g.indicators.length === 0 ? (
                <Table.Tr>
                  <Table.Td colSpan={5}>
                    <Text size="sm">{t('reports.noIndicators')}</Text>
                  </Table.Td>
                </Table.Tr>
              ) : (
                g.indicators.map((i) => (
                  <Table.Tr key={i.id}>
                    <Table.Th scope="row" fw={400}>
                      {i.name}
                    </Table.Th>
                    <Table.Td ta="right">{i.baseline === null ? '' : show(i, i.baseline)}</Table.Td>
                    <Table.Td ta="right">
                      {i.state === 'value'
                        ? `${show(i, i.value)}${i.complete ? '' : ` (${t('reports.partial')})`}`
                        : i.state === 'suppressed'
                          ? t('reports.suppressed')
                          : t('reports.noData')}
                    </Table.Td>
                    <Table.Td ta="right">{i.target === null ? '' : show(i, i.target)}</Table.Td>
                    <Table.Td>
                      <TargetStatusBadge status={i.status} />
                    </Table.Td>
                  </Table.Tr>
                ))
              )}
            </Table.Tbody>
          ))}
        </Table>
      </Table.ScrollContainer>
    </Section>
  );
}

function TransitionDialog({
  transition,
  saving,
  error,
  onClose,
  onConfirm,
}: {
  transition: 'approve' | 'return' | 'send';
  saving: boolean;
  error: unknown;
  onClose: () => void;
  onConfirm: (note: string) => void;
}) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  return (
    <FormModal
      opened
      title={t(`reports.${transition}Title`)}
      onClose={onClose}
      onSubmit={() => onConfirm(note.trim())}
      saving={saving}
      error={error}
      submitLabel={t(`reports.${transition}`)}
      isPlaced={(p) => p === 'note'}
    >
      {transition === 'approve' ? (
        <Text>{t('reports.approveText')}</Text>
      ) : (
        <Textarea
          label={t(transition === 'send' ? 'reports.sendNote' : 'reports.returnNote')}
          description={transition === 'send' ? t('reports.sendHelp') : undefined}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          required={transition === 'send'}
          autosize
          minRows={2}
          data-autofocus
        />
      )}
    </FormModal>
  );
}

function DeleteReport({
  report,
  planId,
  onClose,
  onDeleted,
}: {
  report: Report;
  planId: string;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const { t } = useTranslation();
  const del = useDeleteReport(planId);
  return (
    <DeleteDialog
      title={t('reports.deleteTitle', { name: report.title })}
      name={report.title}
      id={report.id}
      remove={del}
      onClose={onClose}
      onDeleted={onDeleted}
    />
  );
}
