import { useState, type FormEvent } from 'react';
import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  Paper,
  PasswordInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../lib/notify';
import { ApiError } from '../../api/client';
import { usePlans } from '../../api/plans';
import { useRegistryList } from '../../api/registry';
import { useCreateUser, useUpdateUser, useUser } from '../../api/users';
import type { Locale, OrganisationKind, RoleName, User } from '../../api/types';
import { FormErrorAlert } from '../../components/FormErrorAlert';
import { Page } from '../../components/Page';
import { ErrorState, LoadingState } from '../../components/states';
import { fieldErrors } from '../../lib/errors';
import { sortBy } from '../../lib/format';
import { NotFoundPage } from '../errors/ErrorPages';
import { adminCrumbs } from './adminCrumbs';
import { emptyRoleRow, roleInputFromRow, roleRowFromGrant, type RoleRow } from './roles';
import { UserStatus } from './UsersPage';

export default function UserFormPage() {
  const { id } = useParams();
  const user = useUser(id);
  if (id) {
    if (user.isPending) return <LoadingState />;
    if (user.isError) {
      if (user.error instanceof ApiError && user.error.status === 404) return <NotFoundPage />;
      return <ErrorState error={user.error} onRetry={() => void user.refetch()} />;
    }
    return <UserForm key={user.data.id} user={user.data} />;
  }
  return <UserForm />;
}

const roleNames: RoleName[] = [
  'fund',
  'org_member',
  'secretariat_member',
  'plan_editor',
  'plan_viewer',
  'plan_approver',
  'evaluator',
];

function UserForm({ user }: { user?: User }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const municipalities = useRegistryList('municipalities');
  const orgs = useRegistryList('housing-organisations');
  const secretariats = useRegistryList('area-secretariats');
  const plans = usePlans({ sort: 'name', dir: 'asc' });
  const create = useCreateUser();
  const update = useUpdateUser();
  const mutation = user ? update : create;

  const [name, setName] = useState(user?.name ?? '');
  const [email, setEmail] = useState(user?.email ?? '');
  const [password, setPassword] = useState('');
  const [isAdmin, setIsAdmin] = useState(user?.isAdmin ?? false);
  const [locale, setLocale] = useState<Locale>(user?.locale ?? 'da');
  const [disabled, setDisabled] = useState(user?.disabled ?? false);
  const [roles, setRoles] = useState<RoleRow[]>(user?.roles.map(roleRowFromGrant) ?? []);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const errors = Object.keys(localErrors).length ? localErrors : fieldErrors(mutation.error);

  const setRole = (key: string, patch: Partial<RoleRow>) =>
    setRoles((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    const required = t('common.required');
    if (!name.trim()) errs.name = required;
    if (!user && !email.trim()) errs.email = required;
    if (!user && !password) errs.password = required;
    roles.forEach((r, i) => {
      if (!r.role) errs[`roles.${i}.role`] = required;
      else if (r.role === 'org_member' && !r.organisationId) errs[`roles.${i}.organisationId`] = required;
      else if (r.role === 'secretariat_member' && !r.areaSecretariatId)
        errs[`roles.${i}.areaSecretariatId`] = required;
      else if (
        (r.role === 'plan_editor' || r.role === 'plan_viewer' || r.role === 'plan_approver') &&
        !r.planId
      )
        errs[`roles.${i}.planId`] = required;
    });
    setLocalErrors(errs);
    if (Object.keys(errs).length) {
      mutation.reset();
      return;
    }
    const roleInputs = roles.map(roleInputFromRow).filter((r) => r !== null);
    const done = (saved: User) => {
      notifySuccess(t(user ? 'common.saved' : 'common.created', { name: saved.name }));
      void navigate('/admin/users');
    };
    if (user) {
      update.mutate(
        {
          id: user.id,
          input: {
            name: name.trim(),
            isAdmin,
            locale,
            disabled,
            roles: roleInputs,
            ...(password ? { password } : {}),
          },
        },
        { onSuccess: done },
      );
    } else {
      create.mutate(
        { name: name.trim(), email: email.trim(), password, isAdmin, locale, roles: roleInputs },
        { onSuccess: done },
      );
    }
  };

  const title = user ? t('admin.users.editTitle') : t('admin.users.create');
  const crumbs = [...adminCrumbs(t), { label: t('admin.users.title'), to: '/admin/users' }];
  const choose = { value: '', label: t('plans.form.choose') };
  const named = (items: { id: string; name: string }[] | undefined) => [
    choose,
    ...sortBy(items ?? [], (i) => i.name, 'asc').map((i) => ({ value: i.id, label: i.name })),
  ];
  const listError = municipalities.error ?? orgs.error ?? secretariats.error ?? plans.error;

  return (
    <Page
      title={title}
      crumbs={crumbs}
      intro={user ? `${user.name} (${user.email})` : undefined}
      badges={user && <UserStatus user={user} />}
    >
      {listError && <ErrorState error={listError} />}
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="lg">
          {Object.keys(localErrors).length > 0 ? (
            <FormErrorAlert message={t('common.saveFailedHint')} />
          ) : (
            <FormErrorAlert
              error={mutation.error}
              isPlaced={(p) =>
                ['name', 'email', 'password', 'isAdmin', 'locale', 'disabled'].includes(p) ||
                /^roles\.\d+/.test(p)
              }
            />
          )}
          <Paper withBorder p="lg" radius="md">
            <Stack gap="md">
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  label={t('admin.users.name')}
                  required
                  value={name}
                  onChange={(e) => setName(e.currentTarget.value)}
                  error={errors.name}
                  autoComplete="off"
                />
                <TextInput
                  label={t('admin.users.email')}
                  type="email"
                  required={!user}
                  readOnly={!!user}
                  value={email}
                  onChange={(e) => setEmail(e.currentTarget.value)}
                  error={errors.email}
                  autoComplete="off"
                />
                <PasswordInput
                  label={user ? t('admin.users.newPassword') : t('admin.users.password')}
                  description={user ? t('admin.users.newPasswordHelp') : t('admin.users.passwordHelp')}
                  required={!user}
                  value={password}
                  onChange={(e) => setPassword(e.currentTarget.value)}
                  error={errors.password}
                  autoComplete="new-password"
                />
                <NativeSelect
                  label={t('admin.users.locale')}
                  value={locale}
                  onChange={(e) => setLocale(e.currentTarget.value as Locale)}
                  data={[
                    { value: 'da', label: t('admin.users.languages.da') },
                    { value: 'en', label: t('admin.users.languages.en') },
                  ]}
                  error={errors.locale}
                />
              </SimpleGrid>
              <Checkbox
                label={t('admin.users.isAdmin')}
                description={t('admin.users.isAdminHelp')}
                checked={isAdmin}
                onChange={(e) => setIsAdmin(e.currentTarget.checked)}
                error={errors.isAdmin}
              />
              {user && (
                <Checkbox
                  label={t('admin.users.disabled')}
                  description={t('admin.users.disabledHelp')}
                  checked={disabled}
                  onChange={(e) => setDisabled(e.currentTarget.checked)}
                  error={errors.disabled}
                />
              )}
            </Stack>
          </Paper>

          <Paper withBorder p="lg" radius="md">
            <Title order={2} size="h4" mb={4}>
              {t('admin.users.roles')}
            </Title>
            <Text size="sm" c="dimmed" mb="md">
              {t('admin.users.rolesHelp')}
            </Text>
            <Stack gap="sm">
              {roles.length === 0 && <Text size="sm">{t('admin.users.noRoles')}</Text>}
              {roles.map((r, i) => {
                const n = i + 1;
                const err = (f: string) =>
                  errors[`roles.${i}.${f}`] ?? (f === 'role' ? errors[`roles.${i}`] : undefined);
                return (
                  <Fieldset key={r.key} legend={t('admin.users.roleLegend', { n })} p="sm">
                    <Group align="flex-start" gap="sm">
                      <NativeSelect
                        label={t('admin.users.role')}
                        required
                        value={r.role}
                        onChange={(e) => setRole(r.key, { role: e.currentTarget.value as RoleName | '' })}
                        data={[
                          choose,
                          ...roleNames.map((x) => ({ value: x, label: t(`admin.users.roleNames.${x}`) })),
                        ]}
                        error={err('role')}
                        w={340}
                      />
                      {r.role === 'org_member' && (
                        <>
                          <NativeSelect
                            label={t('admin.users.organisationKind')}
                            required
                            value={r.organisationKind}
                            onChange={(e) =>
                              setRole(r.key, {
                                organisationKind: e.currentTarget.value as OrganisationKind,
                                organisationId: '',
                              })
                            }
                            data={(['housing_organisation', 'municipality'] as const).map((k) => ({
                              value: k,
                              label: t(`admin.users.organisationKinds.${k}`),
                            }))}
                            error={err('organisationKind')}
                            w={200}
                          />
                          <NativeSelect
                            label={t('admin.users.organisation')}
                            required
                            value={r.organisationId}
                            onChange={(e) => setRole(r.key, { organisationId: e.currentTarget.value })}
                            data={named(
                              r.organisationKind === 'municipality' ? municipalities.data : orgs.data,
                            )}
                            error={err('organisationId')}
                            w={300}
                          />
                        </>
                      )}
                      {r.role === 'secretariat_member' && (
                        <NativeSelect
                          label={t('admin.users.areaSecretariat')}
                          description={t('admin.users.areaSecretariatHelp')}
                          required
                          value={r.areaSecretariatId}
                          onChange={(e) => setRole(r.key, { areaSecretariatId: e.currentTarget.value })}
                          data={named(secretariats.data)}
                          error={err('areaSecretariatId')}
                          w={340}
                        />
                      )}
                      {(r.role === 'plan_editor' ||
                        r.role === 'plan_viewer' ||
                        r.role === 'plan_approver') && (
                        <NativeSelect
                          label={t('admin.users.plan')}
                          required
                          value={r.planId}
                          onChange={(e) => setRole(r.key, { planId: e.currentTarget.value })}
                          data={named(plans.data?.items)}
                          error={err('planId')}
                          w={340}
                        />
                      )}
                      <Button
                        variant="default"
                        c="red.9"
                        mt={24}
                        leftSection={<IconTrash size={16} aria-hidden="true" />}
                        onClick={() => setRoles((rs) => rs.filter((x) => x.key !== r.key))}
                      >
                        {t('admin.users.removeRole', { n })}
                      </Button>
                    </Group>
                  </Fieldset>
                );
              })}
              <div>
                <Button
                  variant="default"
                  leftSection={<IconPlus size={16} aria-hidden="true" />}
                  onClick={() => setRoles((rs) => [...rs, emptyRoleRow()])}
                >
                  {t('admin.users.addRole')}
                </Button>
              </div>
            </Stack>
          </Paper>
          <Group gap="sm">
            <Button type="submit" loading={mutation.isPending}>
              {user ? t('common.save') : t('admin.users.create')}
            </Button>
            <Button component={Link} to="/admin/users" variant="default">
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Page>
  );
}
