import { useState } from 'react';
import {
  ActionIcon,
  Anchor,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconCheck, IconPencil, IconPlus, IconTrash, IconX } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/auth';
import {
  useOrganisation,
  useSaveSecretariatOrganisation,
  useSecretariatOrganisation,
} from '../../api/organisation';
import type { SecretariatFunction, SecretariatOrganisation } from '../../api/organisation';
import { FormErrorAlert } from '../../components/FormErrorAlert';
import { Section } from '../../components/Section';
import { ErrorState, LoadingState } from '../../components/states';
import { formatNumber, sortBy } from '../../lib/format';
import { notifySuccess } from '../../lib/notify';
import { useLocale } from '../../lib/useLocale';
import { FORUM_KINDS, FORUM_LEVELS, MEMBER_ROLES, REPRESENTS } from './codes';

const FUNCTIONS = [
  'coordination',
  'experienceExchange',
  'competenceDevelopment',
  'sharedGoalManagement',
  'dataSupport',
] as const satisfies readonly SecretariatFunction[];

type Doc = Omit<SecretariatOrganisation, 'areaSecretariatId' | 'representation' | 'summary' | 'version'>;

let counter = 0;
const newRef = () => `f${Date.now().toString(36)}${++counter}`;

/** On an area secretariat's page: its forums, staff and functions, and which plans steer it. */
export function SecretariatOrganisationSection({ secretariatId }: { secretariatId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const query = useSecretariatOrganisation(secretariatId);
  const [editing, setEditing] = useState(false);
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const o = query.data;
  const canEdit = Boolean(me.data?.can.administer);
  return (
    <Stack gap="lg">
      <SteeringSection o={o} />
      <Section
        title={t('organisation.secretariat.title')}
        id="secretariat-organisation"
        actions={
          canEdit &&
          !editing && (
            <Button
              variant="default"
              leftSection={<IconPencil size={18} aria-hidden="true" />}
              onClick={() => setEditing(true)}
            >
              {t('organisation.secretariat.edit')}
            </Button>
          )
        }
      >
        {editing ? (
          <Editor key={o.version} o={o} secretariatId={secretariatId} onDone={() => setEditing(false)} />
        ) : (
          <View o={o} />
        )}
      </Section>
    </Stack>
  );
}

function SteeringSection({ o }: { o: SecretariatOrganisation }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Section title={t('organisation.secretariat.steeringTitle')} id="secretariat-steering">
      <Text>{o.summary[locale]}</Text>
      {o.representation.length > 0 && (
        <Table withTableBorder verticalSpacing="xs" fz="sm">
          <caption className="visually-hidden">{t('organisation.secretariat.steeringCaption')}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('organisation.secretariat.plan')}</Table.Th>
              <Table.Th>{t('organisation.secretariat.represented')}</Table.Th>
              <Table.Th>{t('organisation.secretariat.representatives')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {o.representation.map((r) => (
              <Table.Tr key={r.planId}>
                <Table.Th scope="row" fw={500}>
                  <Anchor component={Link} to={`/plans/${r.planId}/organisation`}>
                    {r.planName}
                  </Anchor>
                </Table.Th>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    {r.represented ? (
                      <IconCheck size={16} aria-hidden="true" />
                    ) : (
                      <IconX size={16} aria-hidden="true" />
                    )}
                    {r.represented ? t('organisation.forums.yes') : t('organisation.forums.no')}
                  </Group>
                </Table.Td>
                <Table.Td>{r.members.join(', ')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Section>
  );
}

function View({ o }: { o: SecretariatOrganisation }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const plans = new Map(o.representation.map((r) => [r.planId, r.planName]));
  if (o.forums.length + o.staff.length + o.functions.length === 0)
    return <Text>{t('organisation.secretariat.empty')}</Text>;
  return (
    <Stack gap="lg">
      <Title order={3} size="h5">
        {t('organisation.secretariat.functions')}
      </Title>
      {o.functions.length === 0 ? (
        <Text size="sm">{t('organisation.secretariat.noFunctions')}</Text>
      ) : (
        <Table withTableBorder verticalSpacing="xs" fz="sm">
          <caption className="visually-hidden">{t('organisation.secretariat.functions')}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('organisation.secretariat.function')}</Table.Th>
              <Table.Th>{t('organisation.secretariat.who')}</Table.Th>
              <Table.Th>{t('organisation.secretariat.note')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {o.functions.map((f) => (
              <Table.Tr key={f.function}>
                <Table.Th scope="row" fw={500}>
                  {t(`organisation.secretariat.functionNames.${f.function}`)}
                </Table.Th>
                <Table.Td>{f.who}</Table.Td>
                <Table.Td>{f.note ?? ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {o.forums.map((f) => {
        const members = o.members.filter((m) => m.forumRef === f.ref);
        const parent = o.forums.find((x) => x.ref === f.reportsTo);
        return (
          <Stack key={f.ref} gap="xs">
            <Title order={3} size="h5">
              {f.name}
            </Title>
            <Text size="sm">
              {[
                t(`organisation.forums.kinds.${f.kind}`),
                t(`organisation.forums.levels.${f.level}`),
                f.makesDecisions ? t('organisation.chart.decides') : null,
                parent
                  ? t('organisation.chart.reportsTo', { name: parent.name })
                  : t('organisation.chart.top'),
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
            {members.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('organisation.seats.none')}
              </Text>
            ) : (
              <Table withTableBorder verticalSpacing={4} fz="sm">
                <caption className="visually-hidden">
                  {t('organisation.seats.caption', { forum: f.name })}
                </caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('organisation.seats.person')}</Table.Th>
                    <Table.Th>{t('organisation.seats.role')}</Table.Th>
                    <Table.Th>{t('organisation.seats.represents')}</Table.Th>
                    <Table.Th>{t('organisation.secretariat.plan')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {members.map((m, i) => (
                    <Table.Tr key={i}>
                      <Table.Th scope="row" fw={500}>
                        {[m.name, m.organisation].filter(Boolean).join(', ')}
                      </Table.Th>
                      <Table.Td>{t(`organisation.seats.roles.${m.role}`)}</Table.Td>
                      <Table.Td>{t(`organisation.seats.representsValues.${m.represents}`)}</Table.Td>
                      <Table.Td>{m.planId ? (plans.get(m.planId) ?? '') : ''}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Stack>
        );
      })}
      <Title order={3} size="h5">
        {t('organisation.secretariat.staff')}
      </Title>
      {o.staff.length === 0 ? (
        <Text size="sm">{t('organisation.secretariat.noStaff')}</Text>
      ) : (
        <Table withTableBorder verticalSpacing="xs" fz="sm">
          <caption className="visually-hidden">{t('organisation.secretariat.staff')}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('organisation.people.name')}</Table.Th>
              <Table.Th>{t('organisation.people.employer')}</Table.Th>
              <Table.Th ta="right">{t('organisation.people.hoursPerWeek')}</Table.Th>
              <Table.Th>{t('organisation.people.task')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {o.staff.map((s, i) => (
              <Table.Tr key={i}>
                <Table.Th scope="row" fw={500}>
                  {s.name}
                </Table.Th>
                <Table.Td>{s.employer ? t(`organisation.people.employers.${s.employer}`) : ''}</Table.Td>
                <Table.Td ta="right">
                  {s.hoursPerWeek !== null ? formatNumber(s.hoursPerWeek, locale) : ''}
                </Table.Td>
                <Table.Td>{s.task ? t(`organisation.people.tasks.${s.task}`) : ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

function Editor({
  o,
  secretariatId,
  onDone,
}: {
  o: SecretariatOrganisation;
  secretariatId: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveSecretariatOrganisation(secretariatId);
  const [doc, setDoc] = useState<Doc>({
    forums: o.forums,
    members: o.members,
    staff: o.staff,
    functions: o.functions,
  });
  const patch = <K extends keyof Doc>(key: K, i: number, value: Partial<Doc[K][number]>) =>
    setDoc((d) => ({ ...d, [key]: d[key].map((x, j) => (j === i ? { ...x, ...value } : x)) }));
  const remove = <K extends keyof Doc>(key: K, i: number) =>
    setDoc((d) => ({ ...d, [key]: d[key].filter((_, j) => j !== i) }));
  const removeButton = (label: string, onClick: () => void) => (
    <ActionIcon
      variant="subtle"
      c="red.9"
      size="lg"
      mb={2}
      aria-label={label}
      title={label}
      onClick={onClick}
    >
      <IconTrash size={18} aria-hidden="true" />
    </ActionIcon>
  );
  const addButton = (label: string, onClick: () => void) => (
    <div>
      <Button
        variant="subtle"
        size="xs"
        leftSection={<IconPlus size={16} aria-hidden="true" />}
        onClick={onClick}
      >
        {label}
      </Button>
    </div>
  );
  const onSubmit = () =>
    save.mutate(
      {
        forums: doc.forums.map((f) => ({ ...f, reportsTo: f.reportsTo || null })),
        members: doc.members.map((m) => ({
          ...m,
          planId: m.planId || null,
          personId: m.personId || null,
          organisation: m.organisation || null,
        })),
        staff: doc.staff,
        functions: doc.functions.map((f) => ({ ...f, note: f.note || null })),
        version: o.version,
      },
      {
        onSuccess: () => {
          notifySuccess(t('organisation.secretariat.saved'));
          onDone();
        },
      },
    );

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <Stack gap="lg">
        <Title order={3} size="h5">
          {t('organisation.secretariat.functions')}
        </Title>
        {doc.functions.map((f, i) => (
          <Group
            key={i}
            align="flex-end"
            gap="sm"
            role="group"
            aria-label={t('organisation.secretariat.functionN', { n: i + 1 })}
          >
            <NativeSelect
              label={t('organisation.secretariat.function')}
              value={f.function}
              onChange={(e) =>
                patch('functions', i, { function: e.currentTarget.value as SecretariatFunction })
              }
              data={FUNCTIONS.map((x) => ({
                value: x,
                label: t(`organisation.secretariat.functionNames.${x}`),
              }))}
            />
            <TextInput
              label={t('organisation.secretariat.who')}
              value={f.who}
              onChange={(e) => patch('functions', i, { who: e.currentTarget.value })}
              style={{ flex: 1, minWidth: 180 }}
            />
            <TextInput
              label={t('organisation.secretariat.note')}
              value={f.note ?? ''}
              onChange={(e) => patch('functions', i, { note: e.currentTarget.value })}
              style={{ flex: 1, minWidth: 180 }}
            />
            {removeButton(t('organisation.secretariat.removeN', { n: i + 1 }), () => remove('functions', i))}
          </Group>
        ))}
        {addButton(t('organisation.secretariat.addFunction'), () =>
          setDoc((d) => ({
            ...d,
            functions: [
              ...d.functions,
              {
                function: FUNCTIONS.find((x) => !d.functions.some((f) => f.function === x)) ?? 'coordination',
                who: '',
                note: null,
              },
            ],
          })),
        )}

        <Title order={3} size="h5">
          {t('organisation.forums.title')}
        </Title>
        {doc.forums.map((f, i) => (
          <Group
            key={f.ref}
            align="flex-end"
            gap="sm"
            role="group"
            aria-label={t('organisation.secretariat.forumN', { n: i + 1 })}
          >
            <TextInput
              label={t('organisation.forums.name')}
              value={f.name}
              onChange={(e) => patch('forums', i, { name: e.currentTarget.value })}
              style={{ flex: 1, minWidth: 180 }}
            />
            <NativeSelect
              label={t('organisation.forums.kind')}
              value={f.kind}
              onChange={(e) =>
                patch('forums', i, { kind: e.currentTarget.value as (typeof FORUM_KINDS)[number] })
              }
              data={FORUM_KINDS.map((k) => ({ value: k, label: t(`organisation.forums.kinds.${k}`) }))}
            />
            <NativeSelect
              label={t('organisation.forums.level')}
              value={f.level}
              onChange={(e) =>
                patch('forums', i, { level: e.currentTarget.value as (typeof FORUM_LEVELS)[number] })
              }
              data={FORUM_LEVELS.map((k) => ({ value: k, label: t(`organisation.forums.levels.${k}`) }))}
            />
            <NativeSelect
              label={t('organisation.forums.reportsTo')}
              value={f.reportsTo ?? ''}
              onChange={(e) => patch('forums', i, { reportsTo: e.currentTarget.value || null })}
              data={[
                { value: '', label: t('organisation.forums.reportsToNone') },
                ...doc.forums
                  .filter((x) => x.ref !== f.ref)
                  .map((x) => ({ value: x.ref, label: x.name || '…' })),
              ]}
            />
            <Checkbox
              label={t('organisation.chart.decides')}
              checked={f.makesDecisions}
              onChange={(e) => patch('forums', i, { makesDecisions: e.currentTarget.checked })}
              mb={8}
            />
            {removeButton(t('organisation.secretariat.removeN', { n: i + 1 }), () => {
              setDoc((d) => ({ ...d, members: d.members.filter((m) => m.forumRef !== f.ref) }));
              remove('forums', i);
            })}
          </Group>
        ))}
        {addButton(t('organisation.forums.add'), () =>
          setDoc((d) => ({
            ...d,
            forums: [
              ...d.forums,
              {
                ref: newRef(),
                kind: 'steeringGroup',
                name: '',
                level: 'strategic',
                makesDecisions: true,
                reportsTo: null,
              },
            ],
          })),
        )}

        <Title order={3} size="h5">
          {t('organisation.secretariat.members')}
        </Title>
        {doc.members.map((m, i) => (
          <Group
            key={i}
            align="flex-end"
            gap="sm"
            role="group"
            aria-label={t('organisation.secretariat.memberN', { n: i + 1 })}
          >
            <NativeSelect
              label={t('organisation.seats.forum')}
              value={m.forumRef}
              onChange={(e) => patch('members', i, { forumRef: e.currentTarget.value })}
              data={doc.forums.map((f) => ({ value: f.ref, label: f.name || '…' }))}
            />
            <TextInput
              label={t('organisation.people.name')}
              value={m.name}
              disabled={!!m.personId}
              onChange={(e) => patch('members', i, { name: e.currentTarget.value })}
              style={{ flex: 1, minWidth: 160 }}
            />
            <NativeSelect
              label={t('organisation.seats.role')}
              value={m.role}
              onChange={(e) =>
                patch('members', i, { role: e.currentTarget.value as (typeof MEMBER_ROLES)[number] })
              }
              data={MEMBER_ROLES.map((r) => ({ value: r, label: t(`organisation.seats.roles.${r}`) }))}
            />
            <NativeSelect
              label={t('organisation.seats.represents')}
              value={m.represents}
              onChange={(e) =>
                patch('members', i, { represents: e.currentTarget.value as (typeof REPRESENTS)[number] })
              }
              data={REPRESENTS.map((r) => ({
                value: r,
                label: t(`organisation.seats.representsValues.${r}`),
              }))}
            />
            <NativeSelect
              label={t('organisation.secretariat.plan')}
              value={m.planId ?? ''}
              onChange={(e) => patch('members', i, { planId: e.currentTarget.value || null, personId: null })}
              data={[
                { value: '', label: t('organisation.secretariat.noPlan') },
                ...o.representation.map((r) => ({ value: r.planId, label: r.planName })),
              ]}
            />
            {m.planId && (
              <PlanPersonSelect
                planId={m.planId}
                value={m.personId}
                onChange={(p) =>
                  patch(
                    'members',
                    i,
                    p ? { personId: p.id, name: p.name, organisation: p.organisation } : { personId: null },
                  )
                }
              />
            )}
            {removeButton(t('organisation.secretariat.removeN', { n: i + 1 }), () => remove('members', i))}
          </Group>
        ))}
        {doc.forums.length > 0 &&
          addButton(t('organisation.secretariat.addMember'), () =>
            setDoc((d) => ({
              ...d,
              members: [
                ...d.members,
                {
                  forumRef: d.forums[0]!.ref,
                  name: '',
                  organisation: null,
                  role: 'member',
                  represents: 'topAdministration',
                  planId: null,
                  personId: null,
                },
              ],
            })),
          )}

        <Title order={3} size="h5">
          {t('organisation.secretariat.staff')}
        </Title>
        {doc.staff.map((s, i) => (
          <Group
            key={i}
            align="flex-end"
            gap="sm"
            role="group"
            aria-label={t('organisation.secretariat.staffN', { n: i + 1 })}
          >
            <TextInput
              label={t('organisation.people.name')}
              value={s.name}
              onChange={(e) => patch('staff', i, { name: e.currentTarget.value })}
              style={{ flex: 1, minWidth: 160 }}
            />
            <NativeSelect
              label={t('organisation.people.employer')}
              value={s.employer ?? ''}
              onChange={(e) =>
                patch('staff', i, {
                  employer: (e.currentTarget.value || null) as 'housingOrganisation' | 'municipality' | null,
                })
              }
              data={[
                { value: '', label: t('organisation.people.employerNone') },
                {
                  value: 'housingOrganisation',
                  label: t('organisation.people.employers.housingOrganisation'),
                },
                { value: 'municipality', label: t('organisation.people.employers.municipality') },
              ]}
            />
            <TextInput
              label={t('organisation.people.hoursPerWeek')}
              inputMode="decimal"
              value={s.hoursPerWeek === null ? '' : String(s.hoursPerWeek)}
              onChange={(e) => {
                const v = Number(e.currentTarget.value.replace(',', '.'));
                patch('staff', i, {
                  hoursPerWeek: e.currentTarget.value.trim() === '' || Number.isNaN(v) ? null : v,
                });
              }}
              w={120}
            />
            <NativeSelect
              label={t('organisation.people.task')}
              value={s.task ?? ''}
              onChange={(e) =>
                patch('staff', i, {
                  task: (e.currentTarget.value || null) as 'coordinating' | 'executing' | 'both' | null,
                })
              }
              data={[
                { value: '', label: t('organisation.people.taskNone') },
                { value: 'coordinating', label: t('organisation.people.tasks.coordinating') },
                { value: 'executing', label: t('organisation.people.tasks.executing') },
                { value: 'both', label: t('organisation.people.tasks.both') },
              ]}
            />
            {removeButton(t('organisation.secretariat.removeN', { n: i + 1 }), () => remove('staff', i))}
          </Group>
        ))}
        {addButton(t('organisation.secretariat.addStaff'), () =>
          setDoc((d) => ({
            ...d,
            staff: [...d.staff, { name: '', employer: null, hoursPerWeek: null, task: null }],
          })),
        )}

        <FormErrorAlert error={save.error} />
        <Group gap="sm">
          <Button type="submit" loading={save.isPending}>
            {t('organisation.secretariat.save')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A member may be a person of the chosen plan's organisation; the name then comes from there. */
function PlanPersonSelect({
  planId,
  value,
  onChange,
}: {
  planId: string;
  value: string | null;
  onChange: (person: { id: string; name: string; organisation: string | null } | null) => void;
}) {
  const { t } = useTranslation();
  const org = useOrganisation(planId);
  const people = sortBy(org.data?.people ?? [], (p) => p.name, 'asc');
  return (
    <NativeSelect
      label={t('organisation.secretariat.person')}
      value={value ?? ''}
      onChange={(e) => onChange(people.find((p) => p.id === e.currentTarget.value) ?? null)}
      data={[
        { value: '', label: t('organisation.secretariat.noPerson') },
        ...people.map((p) => ({ value: p.id, label: [p.name, p.organisation].filter(Boolean).join(', ') })),
      ]}
    />
  );
}
