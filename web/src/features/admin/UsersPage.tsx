import { useState } from 'react';
import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconCircleOff, IconPlus, IconShieldCheck } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../lib/notify';
import { useMe } from '../../api/auth';
import { useUpdateUser, useUsers } from '../../api/users';
import type { User } from '../../api/types';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Page } from '../../components/Page';
import { formatDate, formatNumber } from '../../lib/format';
import { useLocale } from '../../lib/useLocale';
import { RegistryList } from './RegistryList';
import { adminCrumbs } from './adminCrumbs';
import { roleInputFromRow, roleRowFromGrant } from './roles';

export function UserStatus({ user }: { user: User }) {
  const { t } = useTranslation();
  return user.disabled ? (
    <Badge
      color="gray"
      variant="light"
      leftSection={<IconCircleOff size={14} aria-hidden="true" />}
      style={{ textTransform: 'none' }}
    >
      {t('admin.users.statusDisabled')}
    </Badge>
  ) : (
    <Badge
      color="green"
      variant="light"
      leftSection={<IconCircleCheck size={14} aria-hidden="true" />}
      style={{ textTransform: 'none' }}
    >
      {t('admin.users.statusActive')}
    </Badge>
  );
}

export default function UsersPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const me = useMe();
  const users = useUsers();
  const update = useUpdateUser();
  const [toggling, setToggling] = useState<User | null>(null);

  const setDisabled = (u: User, disabled: boolean) =>
    update.mutate(
      {
        id: u.id,
        input: {
          name: u.name,
          isAdmin: u.isAdmin,
          locale: u.locale,
          disabled,
          roles: u.roles.map((g) => roleInputFromRow(roleRowFromGrant(g))).filter((r) => r !== null),
        },
      },
      {
        onSuccess: () => {
          notifySuccess(
            t(disabled ? 'admin.users.disabledDone' : 'admin.users.enabledDone', { name: u.name }),
          );
          setToggling(null);
        },
      },
    );

  return (
    <Page
      title={t('admin.users.title')}
      crumbs={adminCrumbs(t)}
      actions={
        <Button
          component={Link}
          to="/admin/users/new"
          leftSection={<IconPlus size={18} aria-hidden="true" />}
        >
          {t('admin.users.create')}
        </Button>
      }
    >
      <RegistryList<User>
        query={users}
        defaultSort="name"
        caption={t('admin.users.title')}
        exportPath="/api/users/export"
        itemName={(u) => u.name}
        searchText={(u) => [u.name, u.email, ...u.roles.map((r) => r.scopeName)]}
        countLabel={(n) => t('admin.users.count', { count: n, formatted: formatNumber(n, locale) })}
        empty={{ title: t('admin.users.emptyTitle'), text: t('admin.users.emptyText') }}
        onEdit={(u) => void navigate(`/admin/users/${u.id}`)}
        rowActions={(u) =>
          u.id !== me.data?.user.id && (
            <Button
              size="compact-sm"
              variant="default"
              c={u.disabled ? undefined : 'red.9'}
              onClick={() => (u.disabled ? setDisabled(u, false) : (update.reset(), setToggling(u)))}
              aria-label={`${u.disabled ? t('admin.users.enable') : t('admin.users.disable')} ${u.name}`}
            >
              {u.disabled ? t('admin.users.enable') : t('admin.users.disable')}
            </Button>
          )
        }
        columns={[
          {
            key: 'name',
            label: t('admin.users.name'),
            sortValue: (u) => u.name,
            isRowHeader: true,
            render: (u) => (
              <Anchor component={Link} to={`/admin/users/${u.id}`}>
                {u.name}
              </Anchor>
            ),
          },
          { key: 'email', label: t('admin.users.email'), sortValue: (u) => u.email, render: (u) => u.email },
          {
            key: 'roles',
            label: t('admin.users.roles'),
            render: (u) => (
              <Stack gap={2}>
                {u.isAdmin && (
                  <Group gap={4} wrap="nowrap">
                    <IconShieldCheck size={16} aria-hidden="true" />
                    <Text size="sm" fw={600}>
                      {t('admin.users.admin')}
                    </Text>
                  </Group>
                )}
                {u.roles.map((r) => (
                  <Text size="sm" key={r.id}>
                    {t(`admin.users.roleShort.${r.role}`)}
                    {r.scopeName ? `: ${r.scopeName}` : ''}
                  </Text>
                ))}
              </Stack>
            ),
          },
          {
            key: 'status',
            label: t('admin.users.status'),
            sortValue: (u) => (u.disabled ? 1 : 0),
            render: (u) => <UserStatus user={u} />,
          },
          {
            key: 'createdAt',
            label: t('admin.users.createdAt'),
            sortValue: (u) => u.createdAt,
            render: (u) => formatDate(u.createdAt),
          },
        ]}
      />
      <ConfirmDialog
        opened={toggling !== null}
        title={t('admin.users.disableTitle', { name: toggling?.name ?? '' })}
        confirmLabel={t('admin.users.disable')}
        onClose={() => setToggling(null)}
        onConfirm={() => toggling && setDisabled(toggling, true)}
        loading={update.isPending}
        error={update.error}
        errorTitle={t('common.saveFailed')}
      >
        {t('admin.users.disableText')}
      </ConfirmDialog>
    </Page>
  );
}
