import { useState } from 'react';
import { Anchor, Button, Group, Select, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { IconBuildingCommunity, IconHomePlus, IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ExampleBadge } from '../../../components/badges';
import { DeleteDialog } from '../../../components/ConfirmDialog';
import { RowActions } from '../../../components/RowButtons';
import { Section } from '../../../components/Section';
import { EmptyState, ErrorState, LoadingState } from '../../../components/states';
import { fieldErrors } from '../../../lib/errors';
import { notifySuccess } from '../../../lib/notify';
import { FormModal } from '../../admin/FormModal';
import {
  useCaseCandidates,
  useCases,
  useDeleteCase,
  useSaveCase,
  type CaseCandidates,
  type StudyCaseOut,
} from '../api';
import { CaseSelectionHelper } from './CaseSelectionHelper';
import { StudyShell } from './StudyShell';

type Mode = { kind: 'plan'; planIds?: string[] } | { kind: 'secretariat' } | { kind: 'free' };

/** /evaluation/studies/:studyId/cases: the cases and the case-selection helper over the case matrix. */
export default function StudyCasesPage() {
  return <StudyShell tab="cases">{(s) => <Cases studyId={s.id} />}</StudyShell>;
}

function Cases({ studyId }: { studyId: string }) {
  const { t } = useTranslation();
  const cases = useCases(studyId);
  const candidates = useCaseCandidates(studyId);
  const remove = useDeleteCase(studyId);
  const [adding, setAdding] = useState<Mode | null>(null);
  const [editing, setEditing] = useState<StudyCaseOut | null>(null);
  const [deleting, setDeleting] = useState<StudyCaseOut | null>(null);
  if (cases.isPending || candidates.isPending) return <LoadingState />;
  if (cases.isError) return <ErrorState error={cases.error} onRetry={() => void cases.refetch()} />;
  if (candidates.isError)
    return <ErrorState error={candidates.error} onRetry={() => void candidates.refetch()} />;
  const c = candidates.data;
  const planOf = (id: string | null) => c.plans.find((p) => p.id === id);
  const secretariatOf = (id: string | null) => c.secretariats.find((s) => s.id === id);

  return (
    <Stack gap="lg">
      <Section
        title={t('evalStudies.cases.title')}
        id="cases"
        actions={
          <Group gap="xs">
            <Button
              size="sm"
              leftSection={<IconHomePlus size={18} aria-hidden="true" />}
              onClick={() => setAdding({ kind: 'plan' })}
            >
              {t('evalStudies.cases.addPlan')}
            </Button>
            <Button
              size="sm"
              variant="default"
              leftSection={<IconBuildingCommunity size={18} aria-hidden="true" />}
              onClick={() => setAdding({ kind: 'secretariat' })}
            >
              {t('evalStudies.cases.addSecretariat')}
            </Button>
            <Button
              size="sm"
              variant="default"
              leftSection={<IconPlus size={18} aria-hidden="true" />}
              onClick={() => setAdding({ kind: 'free' })}
            >
              {t('evalStudies.cases.addFree')}
            </Button>
          </Group>
        }
      >
        <Text size="sm" c="dimmed">
          {t('evalStudies.cases.intro')}
        </Text>
        {cases.data.items.length === 0 ? (
          <EmptyState title={t('evalStudies.cases.emptyTitle')} headingOrder={3}>
            {t('evalStudies.cases.emptyText')}
          </EmptyState>
        ) : (
          <div style={{ overflowX: 'auto' }}>
            <Table verticalSpacing="sm" miw={560}>
              <caption className="visually-hidden">{t('evalStudies.cases.caption')}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('evalStudies.cases.name')}</Table.Th>
                  <Table.Th scope="col">{t('evalStudies.cases.subject')}</Table.Th>
                  <Table.Th scope="col">{t('evalStudies.cases.sizeBand')}</Table.Th>
                  <Table.Th scope="col">{t('evalStudies.cases.grantBand')}</Table.Th>
                  <Table.Th scope="col">
                    <span className="visually-hidden">{t('common.actions')}</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {cases.data.items.map((k) => {
                  const plan = planOf(k.planId);
                  const sec = secretariatOf(k.areaSecretariatId);
                  return (
                    <Table.Tr key={k.id}>
                      <Table.Th scope="row" fw={600}>
                        {k.name}
                        {k.description && (
                          <Text size="xs" c="dimmed" fw={400}>
                            {k.description}
                          </Text>
                        )}
                      </Table.Th>
                      <Table.Td>
                        {plan ? (
                          <Group gap={6}>
                            <Anchor component={Link} to={`/plans/${plan.id}`}>
                              {plan.name}
                            </Anchor>
                            {plan.isExample && <ExampleBadge />}
                          </Group>
                        ) : sec ? (
                          <Anchor component={Link} to={`/secretariats/${sec.id}`}>
                            {sec.name}
                          </Anchor>
                        ) : (
                          t('evalStudies.cases.none')
                        )}
                      </Table.Td>
                      <Table.Td>{plan?.sizeBand ? t(`plans.sizeBand.${plan.sizeBand}`) : '–'}</Table.Td>
                      <Table.Td>{plan?.grantBand ? t(`plans.grantBand.${plan.grantBand}`) : '–'}</Table.Td>
                      <Table.Td>
                        <RowActions
                          name={k.name}
                          onEdit={() => setEditing(k)}
                          onDelete={() => setDeleting(k)}
                        />
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </div>
        )}
      </Section>
      <CaseSelectionHelper
        candidates={c}
        cases={cases.data.items}
        onAddFromCell={(planIds) => setAdding({ kind: 'plan', planIds })}
      />
      {adding && <CaseForm studyId={studyId} mode={adding} candidates={c} onClose={() => setAdding(null)} />}
      {editing && (
        <CaseForm
          studyId={studyId}
          mode={{ kind: 'free' }}
          candidates={c}
          existing={editing}
          onClose={() => setEditing(null)}
        />
      )}
      {deleting && (
        <DeleteDialog
          title={t('common.deleteItem', { name: deleting.name })}
          name={deleting.name}
          id={deleting.id}
          remove={remove}
          onClose={() => setDeleting(null)}
        >
          {t('evalStudies.cases.deleteText')}
        </DeleteDialog>
      )}
    </Stack>
  );
}

/** Add a plan, an area secretariat or another case; or edit a case's name and description. */
function CaseForm({
  studyId,
  mode,
  candidates,
  existing,
  onClose,
}: {
  studyId: string;
  mode: Mode;
  candidates: CaseCandidates;
  existing?: StudyCaseOut;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveCase(studyId);
  const [subject, setSubject] = useState<string | null>(null);
  const [name, setName] = useState(existing?.name ?? '');
  const [description, setDescription] = useState(existing?.description ?? '');
  const [local, setLocal] = useState<Record<string, string>>({});
  const errors = { ...fieldErrors(save.error), ...local };
  const plans = candidates.plans.filter(
    (p) => !p.caseId && (mode.kind !== 'plan' || !mode.planIds || mode.planIds.includes(p.id)),
  );
  const secretariats = candidates.secretariats.filter((s) => !s.caseId);
  const subjectName =
    mode.kind === 'plan'
      ? plans.find((p) => p.id === subject)?.name
      : mode.kind === 'secretariat'
        ? secretariats.find((s) => s.id === subject)?.name
        : undefined;

  const onSubmit = () => {
    const finalName = name.trim() || subjectName || '';
    if (mode.kind !== 'free' && !subject) return setLocal({ subject: t('common.required') });
    if (!finalName) return setLocal({ name: t('common.required') });
    setLocal({});
    const input = {
      name: finalName,
      description: description.trim() || null,
      planId: existing ? existing.planId : mode.kind === 'plan' ? subject : null,
      areaSecretariatId: existing ? existing.areaSecretariatId : mode.kind === 'secretariat' ? subject : null,
    };
    save.mutate(
      { id: existing?.id, input: existing ? { ...input, version: existing.version } : input },
      {
        onSuccess: (saved) => {
          notifySuccess(
            existing
              ? t('common.saved', { name: saved.name })
              : t('evalStudies.cases.added', { name: saved.name }),
          );
          onClose();
        },
      },
    );
  };
  const title = existing
    ? t('evalStudies.cases.editTitle', { name: existing.name })
    : mode.kind === 'plan'
      ? t('evalStudies.cases.addPlan')
      : mode.kind === 'secretariat'
        ? t('evalStudies.cases.addSecretariat')
        : t('evalStudies.cases.addFree');
  return (
    <FormModal
      opened
      title={title}
      onClose={onClose}
      onSubmit={onSubmit}
      saving={save.isPending}
      error={save.error}
      isPlaced={(p) => ['name', 'description', 'planId', 'areaSecretariatId'].includes(p)}
      submitLabel={existing ? undefined : t('common.add')}
    >
      {!existing && mode.kind === 'plan' && (
        <Select
          label={mode.planIds ? t('evalStudies.helper.pick') : t('evalStudies.cases.plan')}
          placeholder={t('evalStudies.cases.planPlaceholder')}
          data={plans.map((p) => ({ value: p.id, label: p.name }))}
          value={subject}
          onChange={setSubject}
          searchable
          required
          error={errors.subject ?? errors.planId}
          data-autofocus
        />
      )}
      {!existing && mode.kind === 'secretariat' && (
        <Select
          label={t('evalStudies.cases.secretariat')}
          placeholder={t('evalStudies.cases.secretariatPlaceholder')}
          data={secretariats.map((s) => ({ value: s.id, label: s.name }))}
          value={subject}
          onChange={setSubject}
          searchable
          required
          error={errors.subject ?? errors.areaSecretariatId}
          data-autofocus
        />
      )}
      <TextInput
        label={t('evalStudies.cases.name')}
        placeholder={subjectName}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={errors.name}
        required={mode.kind === 'free'}
        data-autofocus={mode.kind === 'free' ? true : undefined}
      />
      <Textarea
        label={t('evalStudies.cases.description')}
        value={description}
        onChange={(e) => setDescription(e.currentTarget.value)}
        error={errors.description}
        autosize
        minRows={2}
      />
    </FormModal>
  );
}
