import { useState } from 'react';
import { Checkbox, NativeSelect, SimpleGrid, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  FORUM_KINDS,
  FORUM_LEVELS,
  LOCAL_PROFESSIONAL_KINDS,
  MEMBER_ROLES,
  ORGANISATION_SIDES,
  REPRESENTS,
} from './codes';
import { useOrganisationWrite } from '../../api/organisation';
import type { Forum, ForumKind, ForumLevel, Membership, Person, Represents } from '../../api/organisation';
import { fieldErrors } from '../../lib/errors';
import { notifySuccess } from '../../lib/notify';
import { FormModal } from '../admin/FormModal';

/** Reads "0,5" and "0.5" alike; empty is null; anything else is NaN. */
export function parseDecimal(value: string): number | null {
  const s = value.trim().replace(/\s/g, '').replace(',', '.');
  if (s === '') return null;
  return /^\d+(\.\d+)?$/.test(s) ? Number(s) : NaN;
}

const numberText = (n: number | null | undefined) =>
  n === null || n === undefined ? '' : String(n).replace('.', ',');

const DEFAULT_LEVEL: Record<ForumKind, ForumLevel> = {
  board: 'strategic',
  steeringGroup: 'strategic',
  operationsGroup: 'tactical',
  projectSecretariat: 'tactical',
  followUpGroup: 'tactical',
  workingGroup: 'operational',
  residentForum: 'operational',
  other: 'tactical',
};

export function ForumForm({
  planId,
  forum,
  forums,
  onClose,
}: {
  planId: string;
  forum?: Forum;
  forums: Forum[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { create, update } = useOrganisationWrite(planId, 'forums');
  const mutation = forum ? update : create;
  const [kind, setKind] = useState<ForumKind>(forum?.kind ?? 'steeringGroup');
  const [name, setName] = useState(forum?.name ?? '');
  const [level, setLevel] = useState<ForumLevel>(forum?.level ?? 'strategic');
  const [makesDecisions, setMakesDecisions] = useState(forum?.makesDecisions ?? true);
  const [reportsTo, setReportsTo] = useState(forum?.reportsTo ?? '');
  const [meetings, setMeetings] = useState(numberText(forum?.meetingsPerYear));
  const [mandate, setMandate] = useState(forum?.mandate ?? '');
  const [steering, setSteering] = useState(forum?.steering ?? '');
  const [local, setLocal] = useState<Record<string, string>>({});
  const errors = { ...fieldErrors(mutation.error), ...local };

  const onKind = (k: ForumKind) => {
    setKind(k);
    if (!forum) {
      setLevel(DEFAULT_LEVEL[k]);
      setMakesDecisions(k === 'board' || k === 'steeringGroup' || k === 'operationsGroup');
      if (
        !name.trim() ||
        Object.values(t('organisation.forums.kinds', { returnObjects: true }) as object).includes(name)
      )
        setName(t(`organisation.forums.kinds.${k}`));
    }
    if (k !== 'projectSecretariat') setSteering('');
  };

  const onSubmit = () => {
    const m = parseDecimal(meetings);
    if (m !== null && (Number.isNaN(m) || !Number.isInteger(m))) {
      setLocal({ meetingsPerYear: t('common.invalidNumber') });
      return;
    }
    setLocal({});
    const input = {
      kind,
      name: name.trim(),
      level,
      makesDecisions,
      reportsTo: reportsTo || null,
      meetingsPerYear: m,
      mandate: mandate.trim() || null,
      steering: kind === 'projectSecretariat' && steering ? (steering as 'joint' | 'parallel') : null,
    };
    const done = (saved: Forum) => {
      notifySuccess(t(forum ? 'common.saved' : 'common.created', { name: saved.name }));
      onClose();
    };
    if (forum)
      update.mutate({ id: forum.id, input: { ...input, version: forum.version } }, { onSuccess: done });
    else create.mutate(input, { onSuccess: done });
  };
  const placed = [
    'kind',
    'name',
    'level',
    'makesDecisions',
    'reportsTo',
    'meetingsPerYear',
    'mandate',
    'steering',
  ];

  return (
    <FormModal
      opened
      title={forum ? t('organisation.forums.editTitle') : t('organisation.forums.add')}
      onClose={onClose}
      onSubmit={onSubmit}
      saving={mutation.isPending}
      error={mutation.error}
      isPlaced={(p) => placed.includes(p)}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          label={t('organisation.forums.kind')}
          value={kind}
          onChange={(e) => onKind(e.currentTarget.value as ForumKind)}
          data={FORUM_KINDS.map((k) => ({ value: k, label: t(`organisation.forums.kinds.${k}`) }))}
          error={errors.kind}
        />
        <TextInput
          label={t('organisation.forums.name')}
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
          data-autofocus
        />
        <NativeSelect
          label={t('organisation.forums.level')}
          value={level}
          onChange={(e) => setLevel(e.currentTarget.value as ForumLevel)}
          data={FORUM_LEVELS.map((k) => ({ value: k, label: t(`organisation.forums.levels.${k}`) }))}
          error={errors.level}
        />
        <NativeSelect
          label={t('organisation.forums.reportsTo')}
          value={reportsTo}
          onChange={(e) => setReportsTo(e.currentTarget.value)}
          data={[
            { value: '', label: t('organisation.forums.reportsToNone') },
            ...forums.filter((f) => f.id !== forum?.id).map((f) => ({ value: f.id, label: f.name })),
          ]}
          error={errors.reportsTo}
        />
        <TextInput
          label={t('organisation.forums.meetingsPerYear')}
          inputMode="numeric"
          value={meetings}
          onChange={(e) => setMeetings(e.currentTarget.value)}
          error={errors.meetingsPerYear}
        />
        {kind === 'projectSecretariat' && (
          <NativeSelect
            label={t('organisation.forums.steering')}
            description={t('organisation.forums.steeringHelp')}
            value={steering}
            onChange={(e) => setSteering(e.currentTarget.value)}
            data={[
              { value: '', label: t('organisation.forums.steeringNone') },
              { value: 'joint', label: t('organisation.forums.steerings.joint') },
              { value: 'parallel', label: t('organisation.forums.steerings.parallel') },
            ]}
            error={errors.steering}
          />
        )}
      </SimpleGrid>
      <Checkbox
        label={t('organisation.forums.makesDecisions')}
        description={t('organisation.forums.makesDecisionsHelp')}
        checked={makesDecisions}
        onChange={(e) => setMakesDecisions(e.currentTarget.checked)}
        error={errors.makesDecisions}
      />
      <Textarea
        label={t('organisation.forums.mandate')}
        description={t('organisation.forums.mandateHelp')}
        autosize
        minRows={2}
        value={mandate}
        onChange={(e) => setMandate(e.currentTarget.value)}
        error={errors.mandate}
      />
    </FormModal>
  );
}

export function PersonForm({
  planId,
  person,
  onClose,
}: {
  planId: string;
  person?: Person;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { create, update } = useOrganisationWrite(planId, 'people');
  const mutation = person ? update : create;
  const [name, setName] = useState(person?.name ?? '');
  const [organisation, setOrganisation] = useState(person?.organisation ?? '');
  const [title, setTitle] = useState(person?.title ?? '');
  const [isStaff, setIsStaff] = useState(Boolean(person?.staff));
  const [employer, setEmployer] = useState(person?.staff?.employer ?? '');
  const [hours, setHours] = useState(numberText(person?.staff?.hoursPerWeek));
  const [fte, setFte] = useState(numberText(person?.staff?.fte));
  const [task, setTask] = useState(person?.staff?.task ?? '');
  const [local, setLocal] = useState<Record<string, string>>({});
  const errors = { ...fieldErrors(mutation.error), ...local };

  const onSubmit = () => {
    const h = parseDecimal(hours);
    const f = parseDecimal(fte);
    const bad: Record<string, string> = {};
    if (Number.isNaN(h)) bad['staff.hoursPerWeek'] = t('common.invalidNumber');
    if (Number.isNaN(f)) bad['staff.fte'] = t('common.invalidNumber');
    setLocal(bad);
    if (Object.keys(bad).length) return;
    const input = {
      name: name.trim(),
      organisation: organisation.trim() || null,
      title: title.trim() || null,
      staff: isStaff
        ? {
            employer: (employer || null) as 'housingOrganisation' | 'municipality' | null,
            hoursPerWeek: h,
            fte: f,
            task: (task || null) as 'coordinating' | 'executing' | 'both' | null,
          }
        : null,
    };
    const done = (saved: Person) => {
      notifySuccess(t(person ? 'common.saved' : 'common.created', { name: saved.name }));
      onClose();
    };
    if (person)
      update.mutate({ id: person.id, input: { ...input, version: person.version } }, { onSuccess: done });
    else create.mutate(input, { onSuccess: done });
  };
  const placed = [
    'name',
    'organisation',
    'title',
    'staff.employer',
    'staff.hoursPerWeek',
    'staff.fte',
    'staff.task',
  ];

  return (
    <FormModal
      opened
      title={person ? t('organisation.people.editTitle') : t('organisation.people.add')}
      onClose={onClose}
      onSubmit={onSubmit}
      saving={mutation.isPending}
      error={mutation.error}
      isPlaced={(p) => placed.includes(p)}
    >
      <TextInput
        label={t('organisation.people.name')}
        required
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={errors.name}
        data-autofocus
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('organisation.people.organisation')}
          value={organisation}
          onChange={(e) => setOrganisation(e.currentTarget.value)}
          error={errors.organisation}
        />
        <TextInput
          label={t('organisation.people.titleField')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={errors.title}
        />
      </SimpleGrid>
      <Checkbox
        label={t('organisation.people.isStaff')}
        description={t('organisation.people.isStaffHelp')}
        checked={isStaff}
        onChange={(e) => setIsStaff(e.currentTarget.checked)}
      />
      {isStaff && (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('organisation.people.employer')}
            value={employer}
            onChange={(e) => setEmployer(e.currentTarget.value)}
            data={[
              { value: '', label: t('organisation.people.employerNone') },
              { value: 'housingOrganisation', label: t('organisation.people.employers.housingOrganisation') },
              { value: 'municipality', label: t('organisation.people.employers.municipality') },
            ]}
            error={errors['staff.employer']}
          />
          <NativeSelect
            label={t('organisation.people.task')}
            value={task}
            onChange={(e) => setTask(e.currentTarget.value)}
            data={[
              { value: '', label: t('organisation.people.taskNone') },
              { value: 'coordinating', label: t('organisation.people.tasks.coordinating') },
              { value: 'executing', label: t('organisation.people.tasks.executing') },
              { value: 'both', label: t('organisation.people.tasks.both') },
            ]}
            error={errors['staff.task']}
          />
          <TextInput
            label={t('organisation.people.hoursPerWeek')}
            description={t('organisation.people.fteHelp')}
            inputMode="decimal"
            value={hours}
            onChange={(e) => setHours(e.currentTarget.value)}
            error={errors['staff.hoursPerWeek']}
          />
          <TextInput
            label={t('organisation.people.fte')}
            inputMode="decimal"
            value={fte}
            onChange={(e) => setFte(e.currentTarget.value)}
            error={errors['staff.fte']}
          />
        </SimpleGrid>
      )}
    </FormModal>
  );
}

export function SeatForm({
  planId,
  seat,
  forum,
  forums,
  people,
  onClose,
}: {
  planId: string;
  seat?: Membership;
  forum: Forum;
  forums: Forum[];
  people: Person[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { create, update } = useOrganisationWrite(planId, 'memberships');
  const mutation = seat ? update : create;
  const [forumId, setForumId] = useState(seat?.forumId ?? forum.id);
  const [personId, setPersonId] = useState(seat?.personId ?? '');
  const [role, setRole] = useState<string>(seat?.role ?? 'member');
  const [represents, setRepresents] = useState<Represents>(seat?.represents ?? 'topAdministration');
  const [kind, setKind] = useState(seat?.localProfessionalKind ?? '');
  const [side, setSide] = useState(seat?.side ?? '');
  const [local, setLocal] = useState<Record<string, string>>({});
  const errors = { ...fieldErrors(mutation.error), ...local };

  const onSubmit = () => {
    if (!personId) {
      setLocal({ personId: t('organisation.seats.personHelp') });
      return;
    }
    setLocal({});
    const input = {
      forumId,
      personId,
      role: role as Membership['role'],
      represents,
      localProfessionalKind:
        represents === 'localProfessional' && kind ? (kind as Membership['localProfessionalKind']) : null,
      side: (side || null) as Membership['side'],
    };
    const name = people.find((p) => p.id === personId)?.name ?? '';
    const done = () => {
      notifySuccess(t(seat ? 'common.saved' : 'common.created', { name }));
      onClose();
    };
    if (seat) update.mutate({ id: seat.id, input: { ...input, version: seat.version } }, { onSuccess: done });
    else create.mutate(input, { onSuccess: done });
  };
  const placed = ['forumId', 'personId', 'role', 'represents', 'localProfessionalKind', 'side'];

  return (
    <FormModal
      opened
      title={seat ? t('organisation.seats.editTitle') : t('organisation.seats.add', { forum: forum.name })}
      onClose={onClose}
      onSubmit={onSubmit}
      saving={mutation.isPending}
      error={mutation.error}
      isPlaced={(p) => placed.includes(p)}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          label={t('organisation.seats.forum')}
          value={forumId}
          onChange={(e) => setForumId(e.currentTarget.value)}
          data={forums.map((f) => ({ value: f.id, label: f.name }))}
          error={errors.forumId}
        />
        <NativeSelect
          label={t('organisation.seats.person')}
          required
          value={personId}
          onChange={(e) => setPersonId(e.currentTarget.value)}
          data={[
            { value: '', label: t('organisation.seats.choosePerson') },
            ...people.map((p) => ({ value: p.id, label: p.name })),
          ]}
          error={errors.personId}
          data-autofocus
        />
        <NativeSelect
          label={t('organisation.seats.role')}
          value={role}
          onChange={(e) => setRole(e.currentTarget.value)}
          data={MEMBER_ROLES.map((r) => ({ value: r, label: t(`organisation.seats.roles.${r}`) }))}
          error={errors.role}
        />
        <NativeSelect
          label={t('organisation.seats.represents')}
          value={represents}
          onChange={(e) => setRepresents(e.currentTarget.value as Represents)}
          data={REPRESENTS.map((r) => ({ value: r, label: t(`organisation.seats.representsValues.${r}`) }))}
          error={errors.represents}
        />
        {represents === 'localProfessional' && (
          <NativeSelect
            label={t('organisation.seats.localProfessionalKind')}
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value)}
            data={[
              { value: '', label: t('organisation.seats.sideNone') },
              ...LOCAL_PROFESSIONAL_KINDS.map((k) => ({
                value: k,
                label: t(`organisation.seats.kinds.${k}`),
              })),
            ]}
            error={errors.localProfessionalKind}
          />
        )}
        <NativeSelect
          label={t('organisation.seats.side')}
          description={t('organisation.seats.sideHelp')}
          value={side}
          onChange={(e) => setSide(e.currentTarget.value)}
          data={[
            { value: '', label: t('organisation.seats.sideNone') },
            ...ORGANISATION_SIDES.map((s) => ({ value: s, label: t(`organisation.seats.sides.${s}`) })),
          ]}
          error={errors.side}
        />
      </SimpleGrid>
    </FormModal>
  );
}
