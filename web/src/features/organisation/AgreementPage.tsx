import { useState } from 'react';
import {
  ActionIcon,
  Alert,
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
  Textarea,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft, IconCircleCheck, IconPlus, IconTrash } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/auth';
import { useAgreement, useSaveAgreement } from '../../api/organisation';
import type { Agreement, AgreementStatus, MatrixRole, PartyKind } from '../../api/organisation';
import { DateField } from '../../components/DateField';
import { FormErrorAlert } from '../../components/FormErrorAlert';
import { Section } from '../../components/Section';
import { ErrorState, LoadingState } from '../../components/states';
import { fieldErrors } from '../../lib/errors';
import { formatDate, parseDateInput } from '../../lib/format';
import { notifySuccess } from '../../lib/notify';
import { useLocale } from '../../lib/useLocale';
import { usePlanContext } from '../plans/planTabs';

const STATUSES = ['draft', 'signed', 'fundApproved', 'revised'] as const satisfies readonly AgreementStatus[];
const KINDS = [
  'municipality',
  'housingOrganisation',
  'residentBoard',
  'school',
  'association',
  'police',
  'other',
] as const satisfies readonly PartyKind[];
const ROLES = ['responsible', 'carriesOut', 'consulted', 'informed'] as const satisfies readonly MatrixRole[];

interface PartyRow {
  ref: string;
  name: string;
  kind: PartyKind;
  contactPerson: string;
}
interface ServiceRow {
  key: string;
  focusAreaId: string;
  /** A catalogue service's id, or NEW for a new service. */
  serviceId: string;
  name: string;
  department: string;
  targetGroup: string;
  relation: 'overlap' | 'synergy';
  note: string;
}
const NEW = 'new';

interface CommitmentRow {
  key: string;
  focusAreaId: string;
  partyRef: string;
  text: string;
}

let counter = 0;
const newKey = () => `ny-${++counter}`;

/** Organisering › Samarbejdsaftale: parties, responsibility matrix, commitments per focus area. */
export default function AgreementPage() {
  const { plan } = usePlanContext();
  const query = useAgreement(plan.id);
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <AgreementForm key={query.data.version} agreement={query.data} canEdit={plan.canEdit} planId={plan.id} />
  );
}

function AgreementForm({
  agreement: a,
  canEdit,
  planId,
}: {
  agreement: Agreement;
  canEdit: boolean;
  planId: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { plan } = usePlanContext();
  const me = useMe();
  const save = useSaveAgreement(planId);
  const [status, setStatus] = useState<AgreementStatus>(a.status);
  const [signedOn, setSignedOn] = useState(a.signedOn ? formatDate(a.signedOn) : '');
  const [attachments, setAttachments] = useState(a.attachments.join('\n'));
  const [parties, setParties] = useState<PartyRow[]>(
    a.parties.map((p) => ({ ref: p.id, name: p.name, kind: p.kind, contactPerson: p.contactPerson ?? '' })),
  );
  const [matrix, setMatrix] = useState<Record<string, MatrixRole | ''>>(
    Object.fromEntries(a.responsibilities.map((r) => [`${r.focusAreaId}|${r.partyId}`, r.role])),
  );
  const [activityMatrix, setActivityMatrix] = useState<Record<string, MatrixRole | ''>>(
    Object.fromEntries(a.activityResponsibilities.map((r) => [`${r.activityId}|${r.partyId}`, r.role])),
  );
  const [commitments, setCommitments] = useState<CommitmentRow[]>(
    a.commitments.map((c) => ({ key: c.id, focusAreaId: c.focusAreaId, partyRef: c.partyId, text: c.text })),
  );
  const [services, setServices] = useState<ServiceRow[]>(
    a.serviceLinks.map((l, i) => ({
      key: `s${i}`,
      focusAreaId: l.focusAreaId,
      serviceId: l.serviceId,
      name: '',
      department: '',
      targetGroup: '',
      relation: l.relation,
      note: l.note ?? '',
    })),
  );
  const [local, setLocal] = useState<Record<string, string>>({});
  const errors = { ...fieldErrors(save.error), ...local };
  const focusName = (id: string) => {
    const f = a.focusAreas.find((x) => x.id === id);
    return f ? (locale === 'en' ? f.nameEn : f.nameDa) : '';
  };
  const partyName = (ref: string) =>
    parties.find((p) => p.ref === ref)?.name || t('organisation.agreement.unnamedParty');
  const disabled = !canEdit;

  const onSubmit = () => {
    const iso = signedOn.trim() ? parseDateInput(signedOn) : null;
    if (signedOn.trim() && !iso) {
      setLocal({ signedOn: t('organisation.agreement.badDate') });
      return;
    }
    setLocal({});
    const refs = new Set(parties.map((p) => p.ref));
    save.mutate(
      {
        status,
        signedOn: iso,
        attachments: attachments
          .split('\n')
          .map((s) => s.trim())
          .filter(Boolean),
        parties: parties.map((p) => ({
          ref: p.ref,
          name: p.name.trim(),
          kind: p.kind,
          contactPerson: p.contactPerson.trim() || null,
        })),
        responsibilities: Object.entries(matrix)
          .filter(([key, role]) => role && refs.has(key.split('|')[1]!))
          .map(([key, role]) => {
            const [focusAreaId, partyRef] = key.split('|') as [string, string];
            return { focusAreaId, partyRef, role: role as MatrixRole };
          }),
        commitments: commitments.map((c) => ({
          focusAreaId: c.focusAreaId,
          partyRef: c.partyRef,
          text: c.text.trim(),
        })),
        activityResponsibilities: Object.entries(activityMatrix)
          .filter(([key, role]) => role && refs.has(key.split('|')[1]!))
          .map(([key, role]) => {
            const [activityId, partyRef] = key.split('|') as [string, string];
            return { activityId, partyRef, role: role as MatrixRole };
          }),
        serviceLinks: services.map((l) => ({
          focusAreaId: l.focusAreaId,
          serviceId: l.serviceId === NEW ? null : l.serviceId,
          newService:
            l.serviceId === NEW
              ? {
                  name: l.name.trim(),
                  department: l.department.trim() || null,
                  targetGroup: l.targetGroup.trim() || null,
                }
              : null,
          relation: l.relation,
          note: l.note.trim() || null,
        })),
        version: a.version,
      },
      { onSuccess: () => notifySuccess(t('organisation.agreement.saved')) },
    );
  };

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <Stack gap="lg">
        <Group justify="space-between">
          <Anchor component={Link} to={`/plans/${planId}/organisation`}>
            <Group gap={4} component="span">
              <IconArrowLeft size={16} aria-hidden="true" />
              {t('organisation.agreement.back')}
            </Group>
          </Anchor>
        </Group>
        <Title order={2} size="h3">
          {t('organisation.agreement.title')}
        </Title>
        <Text c="dimmed" maw={760}>
          {t('organisation.agreement.intro')}
        </Text>

        <Section title={t('organisation.agreement.flagsTitle')} id="agreement-flags">
          {a.flags.length === 0 ? (
            <Group gap="xs">
              <IconCircleCheck size={18} aria-hidden="true" />
              <Text>{t('organisation.agreement.noFlags')}</Text>
            </Group>
          ) : (
            <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden="true" />}>
              <List size="sm" spacing={4}>
                {a.flags.map((f, i) => (
                  <List.Item key={i}>{f.message[locale]}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          <Text size="sm" c="dimmed">
            {t('organisation.agreement.flagsNote')}
          </Text>
        </Section>

        <Section title={t('organisation.agreement.agreementTitle')} id="agreement-facts">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t('organisation.agreement.status')}
              value={status}
              disabled={disabled}
              onChange={(e) => setStatus(e.currentTarget.value as AgreementStatus)}
              data={STATUSES.map((s) => ({ value: s, label: t(`organisation.agreement.statuses.${s}`) }))}
              error={errors.status}
            />
            <DateField
              label={t('organisation.agreement.signedOn')}
              value={signedOn}
              disabled={disabled}
              onChange={setSignedOn}
              error={errors.signedOn}
            />
          </SimpleGrid>
          <Textarea
            label={t('organisation.agreement.attachments')}
            description={t('organisation.agreement.attachmentsHelp')}
            autosize
            minRows={3}
            value={attachments}
            disabled={disabled}
            onChange={(e) => setAttachments(e.currentTarget.value)}
            error={errors.attachments}
          />
        </Section>

        <Section
          title={t('organisation.agreement.partiesTitle')}
          id="agreement-parties"
          actions={
            canEdit && (
              <Button
                variant="default"
                leftSection={<IconPlus size={18} aria-hidden="true" />}
                onClick={() =>
                  setParties((ps) => [...ps, { ref: newKey(), name: '', kind: 'other', contactPerson: '' }])
                }
              >
                {t('organisation.agreement.addParty')}
              </Button>
            )
          }
        >
          {parties.length === 0 ? (
            <Text>{t('organisation.agreement.noParties')}</Text>
          ) : (
            <Stack gap="sm">
              {parties.map((p, i) => (
                <Group
                  key={p.ref}
                  align="flex-end"
                  gap="sm"
                  role="group"
                  aria-label={t('organisation.agreement.partyN', { n: i + 1 })}
                >
                  <TextInput
                    label={t('organisation.agreement.partyName')}
                    value={p.name}
                    disabled={disabled}
                    onChange={(e) => {
                      const v = e.currentTarget.value;
                      setParties((ps) => ps.map((x) => (x.ref === p.ref ? { ...x, name: v } : x)));
                    }}
                    error={errors[`parties.${i}.name`]}
                    style={{ flex: 2, minWidth: 180 }}
                  />
                  <NativeSelect
                    label={t('organisation.agreement.partyKind')}
                    value={p.kind}
                    disabled={disabled}
                    onChange={(e) => {
                      const v = e.currentTarget.value as PartyKind;
                      setParties((ps) => ps.map((x) => (x.ref === p.ref ? { ...x, kind: v } : x)));
                    }}
                    data={KINDS.map((k) => ({ value: k, label: t(`organisation.agreement.kinds.${k}`) }))}
                    style={{ flex: 1, minWidth: 160 }}
                  />
                  <TextInput
                    label={t('organisation.agreement.contactPerson')}
                    value={p.contactPerson}
                    disabled={disabled}
                    onChange={(e) => {
                      const v = e.currentTarget.value;
                      setParties((ps) => ps.map((x) => (x.ref === p.ref ? { ...x, contactPerson: v } : x)));
                    }}
                    style={{ flex: 2, minWidth: 180 }}
                  />
                  {canEdit && (
                    <ActionIcon
                      variant="subtle"
                      c="red.9"
                      size="lg"
                      mb={2}
                      aria-label={t('organisation.agreement.removeParty', { name: partyName(p.ref) })}
                      title={t('organisation.agreement.removeParty', { name: partyName(p.ref) })}
                      onClick={() => {
                        setParties((ps) => ps.filter((x) => x.ref !== p.ref));
                        setCommitments((cs) => cs.filter((c) => c.partyRef !== p.ref));
                      }}
                    >
                      <IconTrash size={18} aria-hidden="true" />
                    </ActionIcon>
                  )}
                </Group>
              ))}
            </Stack>
          )}
        </Section>

        <Section title={t('organisation.agreement.matrixTitle')} id="agreement-matrix">
          <Text size="sm" c="dimmed">
            {t('organisation.agreement.matrixHelp')}
          </Text>
          {a.focusAreas.length === 0 || parties.length === 0 ? (
            <Text>{t('organisation.agreement.matrixEmpty')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={200 + parties.length * 160}>
              <Table withTableBorder withColumnBorders verticalSpacing="xs" fz="sm">
                <caption className="visually-hidden">{t('organisation.agreement.matrixCaption')}</caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('organisation.agreement.focusArea')}</Table.Th>
                    {parties.map((p) => (
                      <Table.Th key={p.ref}>{partyName(p.ref)}</Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {[...a.focusAreas.map((f) => ({ focus: f.id as string | null })), { focus: null }].flatMap(
                    ({ focus }) => {
                      const acts = a.activities.filter((x) => (x.focusAreaId ?? null) === focus);
                      const rows: { id: string; name: string; isActivity: boolean }[] = [
                        ...(focus ? [{ id: focus, name: focusName(focus), isActivity: false }] : []),
                        ...acts.map((x) => ({ id: x.id, name: x.name, isActivity: true })),
                      ];
                      return rows.map((row) => {
                        const flagged = a.flags.some((x) =>
                          row.isActivity ? x.activityId === row.id : x.focusAreaId === row.id,
                        );
                        const cells = row.isActivity ? activityMatrix : matrix;
                        const setCells = row.isActivity ? setActivityMatrix : setMatrix;
                        return (
                          <Table.Tr key={row.id}>
                            <Table.Th
                              scope="row"
                              fw={row.isActivity ? 400 : 500}
                              pl={row.isActivity ? 'xl' : undefined}
                            >
                              <Group gap={4} wrap="nowrap">
                                {flagged && (
                                  <IconAlertTriangle
                                    size={16}
                                    aria-label={t('organisation.agreement.flagged')}
                                    role="img"
                                  />
                                )}
                                {row.isActivity
                                  ? t('organisation.agreement.activity', { name: row.name })
                                  : row.name}
                              </Group>
                            </Table.Th>
                            {parties.map((p) => {
                              const key = `${row.id}|${p.ref}`;
                              return (
                                <Table.Td key={p.ref}>
                                  <NativeSelect
                                    aria-label={t('organisation.agreement.cellLabel', {
                                      focusArea: row.name,
                                      party: partyName(p.ref),
                                    })}
                                    size="xs"
                                    value={cells[key] ?? ''}
                                    disabled={disabled}
                                    onChange={(e) => {
                                      const v = e.currentTarget.value as MatrixRole | '';
                                      setCells((m) => ({ ...m, [key]: v }));
                                    }}
                                    data={[
                                      { value: '', label: '–' },
                                      ...ROLES.map((r) => ({
                                        value: r,
                                        label: t(`organisation.agreement.roles.${r}`),
                                      })),
                                    ]}
                                  />
                                </Table.Td>
                              );
                            })}
                          </Table.Tr>
                        );
                      });
                    },
                  )}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Section>

        <Section title={t('organisation.agreement.commitmentsTitle')} id="agreement-commitments">
          <Text size="sm" c="dimmed">
            {t('organisation.agreement.commitmentsHelp')}
          </Text>
          {a.focusAreas.length === 0 ? (
            <Text>{t('organisation.agreement.matrixEmpty')}</Text>
          ) : (
            <Stack gap="lg">
              {a.focusAreas.map((f) => {
                const rows = commitments.filter((c) => c.focusAreaId === f.id);
                return (
                  <Stack key={f.id} gap="xs">
                    <Title order={3} size="h5">
                      {t('organisation.agreement.subAgreement', { focusArea: focusName(f.id) })}
                    </Title>
                    {rows.length === 0 && (
                      <Text size="sm" c="dimmed">
                        {t('organisation.agreement.noCommitments')}
                      </Text>
                    )}
                    {rows.map((c) => (
                      <Group key={c.key} align="flex-end" gap="sm">
                        <NativeSelect
                          label={t('organisation.agreement.party')}
                          value={c.partyRef}
                          disabled={disabled}
                          onChange={(e) => {
                            const v = e.currentTarget.value;
                            setCommitments((cs) =>
                              cs.map((x) => (x.key === c.key ? { ...x, partyRef: v } : x)),
                            );
                          }}
                          data={parties.map((p) => ({ value: p.ref, label: partyName(p.ref) }))}
                          style={{ flex: 1, minWidth: 160 }}
                        />
                        <TextInput
                          label={t('organisation.agreement.commitment')}
                          value={c.text}
                          disabled={disabled}
                          onChange={(e) => {
                            const v = e.currentTarget.value;
                            setCommitments((cs) => cs.map((x) => (x.key === c.key ? { ...x, text: v } : x)));
                          }}
                          style={{ flex: 3, minWidth: 220 }}
                        />
                        {canEdit && (
                          <ActionIcon
                            variant="subtle"
                            c="red.9"
                            size="lg"
                            mb={2}
                            aria-label={t('organisation.agreement.removeCommitment')}
                            title={t('organisation.agreement.removeCommitment')}
                            onClick={() => setCommitments((cs) => cs.filter((x) => x.key !== c.key))}
                          >
                            <IconTrash size={18} aria-hidden="true" />
                          </ActionIcon>
                        )}
                      </Group>
                    ))}
                    {canEdit && parties.length > 0 && (
                      <div>
                        <Button
                          variant="subtle"
                          size="xs"
                          leftSection={<IconPlus size={16} aria-hidden="true" />}
                          onClick={() =>
                            setCommitments((cs) => [
                              ...cs,
                              { key: newKey(), focusAreaId: f.id, partyRef: parties[0]!.ref, text: '' },
                            ])
                          }
                        >
                          {t('organisation.agreement.addCommitment')}
                          <span className="visually-hidden"> ({focusName(f.id)})</span>
                        </Button>
                      </div>
                    )}
                  </Stack>
                );
              })}
            </Stack>
          )}
        </Section>

        <Section
          title={t('organisation.agreement.servicesTitle')}
          id="agreement-services"
          actions={
            canEdit &&
            a.focusAreas.length > 0 && (
              <Button
                variant="default"
                leftSection={<IconPlus size={18} aria-hidden="true" />}
                onClick={() =>
                  setServices((ss) => [
                    ...ss,
                    {
                      key: newKey(),
                      focusAreaId: a.focusAreas[0]!.id,
                      serviceId: a.municipalServices[0]?.id ?? NEW,
                      name: '',
                      department: '',
                      targetGroup: '',
                      relation: 'synergy',
                      note: '',
                    },
                  ])
                }
              >
                {t('organisation.agreement.addService')}
              </Button>
            )
          }
        >
          <Text size="sm" c="dimmed">
            {t('organisation.agreement.servicesHelp')}
          </Text>
          {me.data?.can.administer && (
            <Anchor
              component={Link}
              to={`/admin/municipal-services?q=${encodeURIComponent(plan.municipalityName)}`}
              size="sm"
            >
              {t('organisation.agreement.editCatalogue', { municipality: plan.municipalityName })}
            </Anchor>
          )}
          {a.serviceLinks.length > 0 && (
            <Table withTableBorder withColumnBorders verticalSpacing="xs" fz="sm">
              <caption className="visually-hidden">{t('organisation.agreement.servicesCaption')}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('organisation.agreement.focusArea')}</Table.Th>
                  <Table.Th>{t('organisation.agreement.relations.overlap')}</Table.Th>
                  <Table.Th>{t('organisation.agreement.relations.synergy')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {a.focusAreas
                  .filter((f) => a.serviceLinks.some((l) => l.focusAreaId === f.id))
                  .map((f) => (
                    <Table.Tr key={f.id}>
                      <Table.Th scope="row" fw={500}>
                        {focusName(f.id)}
                      </Table.Th>
                      {(['overlap', 'synergy'] as const).map((rel) => (
                        <Table.Td key={rel}>
                          {a.serviceLinks
                            .filter((l) => l.focusAreaId === f.id && l.relation === rel)
                            .map((l) => {
                              const svc = a.municipalServices.find((m) => m.id === l.serviceId);
                              return [svc?.name, svc?.department, l.note].filter(Boolean).join(', ');
                            })
                            .join('; ')}
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
              </Table.Tbody>
            </Table>
          )}
          {services.length === 0 ? (
            <Text>{t('organisation.agreement.noServices')}</Text>
          ) : (
            <Stack gap="md">
              {services.map((l, i) => {
                const set = (patch: Partial<ServiceRow>) =>
                  setServices((ss) => ss.map((x) => (x.key === l.key ? { ...x, ...patch } : x)));
                return (
                  <Stack
                    key={l.key}
                    gap="xs"
                    role="group"
                    aria-label={t('organisation.agreement.serviceN', { n: i + 1 })}
                  >
                    <Group align="flex-end" gap="sm">
                      <NativeSelect
                        label={t('organisation.agreement.focusArea')}
                        value={l.focusAreaId}
                        disabled={disabled}
                        onChange={(e) => set({ focusAreaId: e.currentTarget.value })}
                        data={a.focusAreas.map((f) => ({ value: f.id, label: focusName(f.id) }))}
                        style={{ flex: 2, minWidth: 180 }}
                      />
                      <NativeSelect
                        label={t('organisation.agreement.service')}
                        value={l.serviceId}
                        disabled={disabled}
                        onChange={(e) => set({ serviceId: e.currentTarget.value })}
                        data={[
                          ...a.municipalServices.map((m) => ({
                            value: m.id,
                            label: [m.name, m.department].filter(Boolean).join(', '),
                          })),
                          { value: NEW, label: t('organisation.agreement.newService') },
                        ]}
                        error={errors[`serviceLinks.${i}.serviceId`]}
                        style={{ flex: 2, minWidth: 180 }}
                      />
                      <NativeSelect
                        label={t('organisation.agreement.relation')}
                        value={l.relation}
                        disabled={disabled}
                        onChange={(e) => set({ relation: e.currentTarget.value as 'overlap' | 'synergy' })}
                        data={[
                          { value: 'synergy', label: t('organisation.agreement.relations.synergy') },
                          { value: 'overlap', label: t('organisation.agreement.relations.overlap') },
                        ]}
                        style={{ flex: 1, minWidth: 120 }}
                      />
                      {canEdit && (
                        <ActionIcon
                          variant="subtle"
                          c="red.9"
                          size="lg"
                          mb={2}
                          aria-label={t('organisation.agreement.removeService', { n: i + 1 })}
                          title={t('organisation.agreement.removeService', { n: i + 1 })}
                          onClick={() => setServices((ss) => ss.filter((x) => x.key !== l.key))}
                        >
                          <IconTrash size={18} aria-hidden="true" />
                        </ActionIcon>
                      )}
                    </Group>
                    {l.serviceId === NEW && (
                      <SimpleGrid cols={{ base: 1, sm: 3 }}>
                        <TextInput
                          label={t('organisation.agreement.serviceName')}
                          value={l.name}
                          disabled={disabled}
                          onChange={(e) => set({ name: e.currentTarget.value })}
                          error={errors[`serviceLinks.${i}.newService.name`]}
                        />
                        <TextInput
                          label={t('organisation.agreement.department')}
                          value={l.department}
                          disabled={disabled}
                          onChange={(e) => set({ department: e.currentTarget.value })}
                        />
                        <TextInput
                          label={t('organisation.agreement.targetGroup')}
                          value={l.targetGroup}
                          disabled={disabled}
                          onChange={(e) => set({ targetGroup: e.currentTarget.value })}
                        />
                      </SimpleGrid>
                    )}
                    <TextInput
                      label={t('organisation.agreement.note')}
                      value={l.note}
                      disabled={disabled}
                      onChange={(e) => set({ note: e.currentTarget.value })}
                    />
                  </Stack>
                );
              })}
            </Stack>
          )}
        </Section>

        {canEdit && (
          <Stack gap="sm">
            <FormErrorAlert error={save.error} isPlaced={(p) => p === 'signedOn' || p === 'status'} />
            <Group>
              <Button type="submit" loading={save.isPending}>
                {t('organisation.agreement.save')}
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </form>
  );
}
