import { useEffect, useId, useRef, useState } from 'react';
import { Alert, Anchor, Button, Group, Input, Progress, Stack, Table, Text } from '@mantine/core';
import {
  IconAlertTriangle,
  IconCircleCheck,
  IconFileSpreadsheet,
  IconFileTypeCsv,
  IconUpload,
} from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import {
  IMPORT_KINDS,
  ImportRefused,
  importProgress,
  newProgressId,
  templateUrl,
  uploadImport,
  type ImportKind,
  type ImportProblem,
  type ImportResult,
} from '../../api/imports';
import { useResults } from '../../api/results';
import { Section } from '../../components/Section';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { formatNumber } from '../../lib/format';
import { useLocale } from '../../lib/useLocale';
import { usePlanContext } from '../plans/planTabs';

/** Data: imports of registrations, participants and indicator values, one card per kind. */
export default function DataTab() {
  const { plan } = usePlanContext();
  const { t } = useTranslation();
  const results = useResults(plan.id);

  if (results.isPending) return <LoadingState />;
  if (results.isError) return <ErrorState error={results.error} onRetry={() => void results.refetch()} />;
  const f = results.data;

  return (
    <Stack gap="lg">
      <Text maw="70ch">{t('data.intro')}</Text>
      {!plan.canEdit ? (
        <Alert color="gray" icon={<IconAlertTriangle aria-hidden="true" />}>
          {t('data.readOnly')}
        </Alert>
      ) : f.activities.length === 0 && f.indicators.length === 0 ? (
        <EmptyState
          title={t('data.emptyTitle')}
          action={
            <Group gap="sm">
              <Button component={Link} to={`/plans/${plan.id}/activities`} variant="default">
                {t('data.toActivities')}
              </Button>
              <Button component={Link} to={`/plans/${plan.id}/goals`} variant="default">
                {t('data.toGoals')}
              </Button>
            </Group>
          }
        >
          {t('data.emptyText')}
        </EmptyState>
      ) : (
        IMPORT_KINDS.map((kind) => <ImportCard key={kind} planId={plan.id} kind={kind} />)
      )}
    </Stack>
  );
}

type Phase = 'uploading' | 'waiting' | 'reading' | 'validating' | 'writing' | 'done';
const PHASE_SPAN: Record<Phase, [number, number]> = {
  uploading: [0, 50],
  waiting: [50, 50],
  reading: [50, 60],
  validating: [60, 90],
  writing: [90, 100],
  done: [100, 100],
};

type State =
  | { step: 'idle' }
  | { step: 'running'; dryRun: boolean; phase: Phase; fraction: number }
  | { step: 'checked'; result: ImportResult }
  | { step: 'done'; result: ImportResult; file: string }
  | { step: 'refused'; message: string; problems: ImportProblem[] };

function ImportCard({ planId, kind }: { planId: string; kind: ImportKind }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const qc = useQueryClient();
  const inputId = useId();
  const headingId = `import-${kind}`;
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<State>({ step: 'idle' });
  const [missingFile, setMissingFile] = useState(false);
  const poll = useRef<number | null>(null);
  const abort = useRef<AbortController | null>(null);
  const title = t(`data.kinds.${kind}.title`);
  const n = (x: number) => formatNumber(x, locale, 0);

  const stopPolling = () => {
    if (poll.current !== null) window.clearInterval(poll.current);
    poll.current = null;
  };
  useEffect(
    () => () => {
      stopPolling();
      abort.current?.abort();
    },
    [],
  );

  async function run(dryRun: boolean) {
    if (!file) {
      setMissingFile(true);
      return;
    }
    setMissingFile(false);
    const progressId = newProgressId();
    const controller = new AbortController();
    abort.current = controller;
    setState({ step: 'running', dryRun, phase: 'uploading', fraction: 0 });
    const startPolling = () => {
      if (poll.current !== null) return;
      poll.current = window.setInterval(() => {
        importProgress(planId, progressId)
          .then((p) =>
            setState((s) =>
              s.step === 'running' && p.phase !== 'waiting'
                ? { ...s, phase: p.phase, fraction: p.fraction }
                : s,
            ),
          )
          .catch(() => {});
      }, 400);
    };
    try {
      const result = await uploadImport({
        planId,
        kind,
        file,
        dryRun,
        progressId,
        signal: controller.signal,
        onUpload: (fraction) => {
          setState((s) =>
            s.step === 'running' && s.phase === 'uploading'
              ? fraction >= 1
                ? { ...s, phase: 'waiting', fraction: 0 }
                : { ...s, fraction }
              : s,
          );
          if (fraction >= 1) startPolling();
        },
      });
      stopPolling();
      if (!result.ok)
        setState({ step: 'refused', message: t('data.refusedTitle'), problems: result.problems });
      else if (dryRun) setState({ step: 'checked', result });
      else {
        setState({ step: 'done', result, file: file.name });
        await Promise.all([
          qc.invalidateQueries({ queryKey: ['results', planId] }),
          qc.invalidateQueries({ queryKey: ['registrations', planId] }),
          qc.invalidateQueries({ queryKey: ['participants', planId] }),
        ]);
      }
    } catch (e) {
      stopPolling();
      if (e instanceof ImportRefused)
        setState({ step: 'refused', message: e.message, problems: e.problems });
      else if (isApiError(e)) setState({ step: 'refused', message: e.message, problems: [] });
      else throw e;
    }
  }

  const running = state.step === 'running';
  const percent = running
    ? Math.round(
        PHASE_SPAN[state.phase][0] + (PHASE_SPAN[state.phase][1] - PHASE_SPAN[state.phase][0]) * state.fraction,
      )
    : 100;
  const phaseText = running
    ? t(`data.phases.${state.phase}`, { percent: Math.round(state.fraction * 100) })
    : state.step === 'idle'
      ? ''
      : t('data.phases.done');
  const linksAfter = (
    <Group gap="md">
      {kind === 'registrations' && (
        <Anchor component={Link} to={`/plans/${planId}/activities`}>
          {t('data.seeActivities')}
        </Anchor>
      )}
      {kind === 'participants' && (
        <Anchor component={Link} to={`/plans/${planId}/activities/participants`}>
          {t('data.seeParticipants')}
        </Anchor>
      )}
      <Anchor component={Link} to={`/plans/${planId}/goals`}>
        {t('data.seeGoals')}
      </Anchor>
    </Group>
  );

  return (
    <Section
      title={title}
      id={headingId}
      actions={
        <Group gap="xs" role="group" aria-label={`${t('data.template')}: ${title}`}>
          <Button
            component="a"
            href={templateUrl(planId, kind, 'csv', locale)}
            download
            variant="default"
            size="sm"
            leftSection={<IconFileTypeCsv size={18} aria-hidden="true" />}
            aria-label={`${t('data.templateCsv')}: ${title}`}
          >
            {t('data.templateCsv')}
          </Button>
          <Button
            component="a"
            href={templateUrl(planId, kind, 'xlsx', locale)}
            download
            variant="default"
            size="sm"
            leftSection={<IconFileSpreadsheet size={18} aria-hidden="true" />}
            aria-label={`${t('data.templateXlsx')}: ${title}`}
          >
            {t('data.templateXlsx')}
          </Button>
        </Group>
      }
    >
      <Text size="sm" maw="80ch">
        {t(`data.kinds.${kind}.help`)}
      </Text>
      <Input.Wrapper
        id={inputId}
        label={`${t('data.file')}: ${title}`}
        error={missingFile ? t('data.noFile') : undefined}
      >
        <input
          id={inputId}
          type="file"
          accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          disabled={running}
          aria-invalid={missingFile || undefined}
          aria-describedby={missingFile ? `${inputId}-error` : undefined}
          onChange={(e) => {
            setFile(e.currentTarget.files?.[0] ?? null);
            setMissingFile(false);
            setState({ step: 'idle' });
          }}
          style={{ display: 'block', marginTop: 4 }}
        />
      </Input.Wrapper>
      <Group gap="sm">
        <Button
          onClick={() => void run(true)}
          loading={running && state.dryRun}
          disabled={running}
          variant={state.step === 'checked' ? 'default' : 'filled'}
          leftSection={<IconCircleCheck size={18} aria-hidden="true" />}
        >
          {t('data.check')}
        </Button>
        {state.step === 'checked' && (
          <Button
            onClick={() => void run(false)}
            leftSection={<IconUpload size={18} aria-hidden="true" />}
          >
            {t('data.commit', { count: state.result.rows })}
          </Button>
        )}
      </Group>

      {state.step !== 'idle' && (
        <Stack gap={4}>
          <Progress.Root size="lg" aria-hidden="true">
            <Progress.Section value={percent} color={state.step === 'refused' ? 'red.8' : 'petrol.7'} />
          </Progress.Root>
          <div
            role="progressbar"
            aria-label={t('data.progressLabel', { title })}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            aria-valuetext={phaseText}
            style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}
          />
          <Text size="sm" role="status">
            {phaseText}
          </Text>
        </Stack>
      )}

      {state.step === 'checked' && (
        <Alert color="petrol" title={t('data.checkedTitle')} icon={<IconCircleCheck aria-hidden="true" />}>
          {t('data.checked', {
            rows: n(state.result.rows),
            added: n(state.result.added),
            updated: n(state.result.updated),
            unchanged: n(state.result.unchanged),
          })}
        </Alert>
      )}
      {state.step === 'done' && (
        <Alert color="green" title={t('data.importedTitle')} icon={<IconCircleCheck aria-hidden="true" />}>
          <Stack gap="xs">
            <Text size="sm">
              {t('data.imported', {
                file: state.file,
                rows: n(state.result.rows),
                added: n(state.result.added),
                updated: n(state.result.updated),
                unchanged: n(state.result.unchanged),
                seconds: formatNumber(state.result.durationMs / 1000, locale, 2),
              })}
            </Text>
            {linksAfter}
          </Stack>
        </Alert>
      )}
      {state.step === 'refused' && (
        <Stack gap="sm">
          <Alert color="red" title={t('data.refusedTitle')} icon={<IconAlertTriangle aria-hidden="true" />}>
            {state.message}
          </Alert>
          {state.problems.length > 0 && (
            <Table.ScrollContainer minWidth={500}>
              <Table striped withTableBorder>
                <Table.Caption>{t('data.problemsCaption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('data.row')}</Table.Th>
                    <Table.Th scope="col">{t('data.column')}</Table.Th>
                    <Table.Th scope="col">{t('data.problem')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {state.problems.slice(0, 200).map((p, i) => (
                    <Table.Tr key={i}>
                      <Table.Td>{p.row ?? t('data.wholeFile')}</Table.Td>
                      <Table.Td>{p.column ?? '—'}</Table.Td>
                      <Table.Td>{p.message}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      )}
    </Section>
  );
}
