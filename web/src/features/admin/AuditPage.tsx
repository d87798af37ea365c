import { Fragment, useState } from 'react';
import { Anchor, Button, Group, NativeSelect, Paper, SimpleGrid, Table, Text } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconFilterOff } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAudit, useUsers, type AuditFilters } from '../../api/users';
import type { AuditEntry } from '../../api/types';
import { DateField } from '../../components/DateField';
import { ExportButtons } from '../../components/ExportButtons';
import { Page } from '../../components/Page';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { formatDate, formatDateTime, formatNumber, parseDateInput, sortBy } from '../../lib/format';
import { useLocale } from '../../lib/useLocale';
import type { Messages } from '../../i18n/da';
import { adminCrumbs } from './adminCrumbs';

const PAGE_SIZE = 50;
const entityTypes: (keyof Messages['admin']['audit']['entityTypes'])[] = [
  'plan',
  'municipality',
  'housing_organisation',
  'housing_area',
  'funding_pool',
  'focus_area_catalogue',
  'area_secretariat',
  'municipal_service',
  'user',
  'user_list',
  'audit_log',
  'goal',
  'indicator',
  'indicator_values',
  'activity',
  'system',
];
const actions = [
  'create',
  'update',
  'delete',
  'login',
  'login_failed',
  'logout',
  'export',
  'read',
  'seed_demo',
];

export default function AuditPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [params, setParams] = useSearchParams();
  const users = useUsers();
  const filters: AuditFilters = {
    entityType: params.get('entityType') ?? undefined,
    userId: params.get('userId') ?? undefined,
    action: params.get('action') ?? undefined,
    entityId: params.get('entityId') ?? undefined,
    planId: params.get('planId') ?? undefined,
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
  };
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const audit = useAudit({ ...filters, limit: PAGE_SIZE, offset });
  const [fromText, setFromText] = useState(formatDate(filters.from));
  const [toText, setToText] = useState(formatDate(filters.to));
  const [open, setOpen] = useState<Set<string>>(new Set());

  const set = (patch: Record<string, string | undefined>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        if (!('offset' in patch)) next.delete('offset');
        return next;
      },
      { replace: true },
    );

  const setDate = (key: 'from' | 'to', text: string) => {
    if (key === 'from') setFromText(text);
    else setToText(text);
    const iso = parseDateInput(text);
    if (iso !== null) set({ [key]: iso || undefined });
  };

  const hasFilters = Object.values(filters).some(Boolean);
  const total = audit.data?.total ?? 0;
  const entityLabel = (type: string) =>
    (t(`admin.audit.entityTypes.${type}` as 'admin.audit.entityTypes.plan', {
      defaultValue: type,
    }) as string) || type;
  const actionLabel = (a: string) =>
    (t(`admin.audit.actions.${a}` as 'admin.audit.actions.create', { defaultValue: a }) as string) || a;
  const toggle = (id: string) =>
    setOpen((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });
  const { entityId: _e, planId: _p, ...exportQuery } = filters;

  return (
    <Page title={t('admin.audit.title')} crumbs={adminCrumbs(t)} intro={t('admin.audit.intro')}>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="audit-filters">
        <Group justify="space-between" mb="sm">
          <Text component="h2" fw={700} id="audit-filters">
            {t('common.filters')}
          </Text>
          {hasFilters && (
            <Button
              variant="subtle"
              size="xs"
              leftSection={<IconFilterOff size={16} aria-hidden="true" />}
              onClick={() => {
                setFromText('');
                setToText('');
                setParams(new URLSearchParams(), { replace: true });
              }}
            >
              {t('common.clearFilters')}
            </Button>
          )}
        </Group>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} spacing="sm">
          <NativeSelect
            label={t('admin.audit.entityType')}
            value={filters.entityType ?? ''}
            onChange={(e) => set({ entityType: e.currentTarget.value })}
            data={[
              { value: '', label: t('admin.audit.all') },
              ...sortBy(
                entityTypes.map((v) => ({ value: v, label: entityLabel(v) })),
                (o) => o.label,
                'asc',
              ),
            ]}
          />
          <NativeSelect
            label={t('admin.audit.user')}
            value={filters.userId ?? ''}
            onChange={(e) => set({ userId: e.currentTarget.value })}
            data={[
              { value: '', label: t('admin.audit.all') },
              ...sortBy(users.data ?? [], (u) => u.name, 'asc').map((u) => ({
                value: u.id,
                label: `${u.name} (${u.email})`,
              })),
            ]}
          />
          <NativeSelect
            label={t('admin.audit.action')}
            value={filters.action ?? ''}
            onChange={(e) => set({ action: e.currentTarget.value })}
            data={[
              { value: '', label: t('admin.audit.all') },
              ...actions.map((a) => ({ value: a, label: actionLabel(a) })),
            ]}
          />
          <DateField
            label={t('admin.audit.from')}
            value={fromText}
            onChange={(v) => setDate('from', v)}
            error={parseDateInput(fromText) === null ? t('common.invalidDate') : undefined}
          />
          <DateField
            label={t('admin.audit.to')}
            value={toText}
            onChange={(v) => setDate('to', v)}
            error={parseDateInput(toText) === null ? t('common.invalidDate') : undefined}
          />
        </SimpleGrid>
      </Paper>

      <Group justify="space-between" align="flex-end">
        <Text fw={600} role="status" aria-live="polite">
          {t('admin.audit.count', { count: total, formatted: formatNumber(total, locale) })}
        </Text>
        <ExportButtons path="/api/audit/export" query={exportQuery} />
      </Group>

      {audit.isPending ? (
        <LoadingState />
      ) : audit.isError ? (
        <ErrorState error={audit.error} onRetry={() => void audit.refetch()} />
      ) : audit.data.items.length === 0 ? (
        <EmptyState title={t('admin.audit.emptyTitle')}>{t('admin.audit.emptyText')}</EmptyState>
      ) : (
        <>
          <Paper withBorder radius="md" style={{ overflowX: 'auto' }}>
            <Table verticalSpacing="sm" aria-busy={audit.isFetching}>
              <caption className="visually-hidden">{t('admin.audit.tableCaption')}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('admin.audit.at')}</Table.Th>
                  <Table.Th>{t('admin.audit.user')}</Table.Th>
                  <Table.Th>{t('admin.audit.action')}</Table.Th>
                  <Table.Th>{t('admin.audit.entity')}</Table.Th>
                  <Table.Th>{t('admin.audit.plan')}</Table.Th>
                  <Table.Th>{t('admin.audit.details')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {audit.data.items.map((e) => {
                  const isOpen = open.has(e.id);
                  return (
                    <Fragment key={e.id}>
                      <Table.Tr>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.at)}</Table.Td>
                        <Table.Td>{e.userEmail ?? t('admin.audit.system')}</Table.Td>
                        <Table.Td>{actionLabel(e.action)}</Table.Td>
                        <Table.Td>
                          {entityLabel(e.entityType)}
                          {e.entityId && (
                            <Text size="xs" c="dimmed" ff="monospace">
                              {e.entityId}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          {e.planId && (
                            <Anchor component={Link} to={`/plans/${e.planId}`} size="sm">
                              {t('plans.plan')}
                            </Anchor>
                          )}
                        </Table.Td>
                        <Table.Td>
                          {(e.before != null || e.after != null) && (
                            <Button
                              variant="subtle"
                              size="compact-sm"
                              aria-expanded={isOpen}
                              aria-controls={`audit-${e.id}`}
                              leftSection={
                                isOpen ? (
                                  <IconChevronDown size={16} aria-hidden="true" />
                                ) : (
                                  <IconChevronRight size={16} aria-hidden="true" />
                                )
                              }
                              onClick={() => toggle(e.id)}
                            >
                              {isOpen ? t('admin.audit.hideDetails') : t('admin.audit.showDetails')}
                            </Button>
                          )}
                        </Table.Td>
                      </Table.Tr>
                      {isOpen && (
                        <Table.Tr id={`audit-${e.id}`}>
                          <Table.Td colSpan={6}>
                            <AuditChange entry={e} />
                          </Table.Td>
                        </Table.Tr>
                      )}
                    </Fragment>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Paper>
          <Group justify="space-between">
            <Text size="sm">
              {t('admin.audit.showing', {
                from: formatNumber(offset + 1, locale),
                to: formatNumber(Math.min(offset + PAGE_SIZE, total), locale),
                total: formatNumber(total, locale),
              })}
            </Text>
            <Group gap="sm">
              <Button
                variant="default"
                disabled={offset === 0}
                onClick={() => set({ offset: String(Math.max(0, offset - PAGE_SIZE)) || undefined })}
              >
                {t('admin.audit.previous')}
              </Button>
              <Button
                variant="default"
                disabled={offset + PAGE_SIZE >= total}
                onClick={() => set({ offset: String(offset + PAGE_SIZE) })}
              >
                {t('admin.audit.next')}
              </Button>
            </Group>
          </Group>
        </>
      )}
    </Page>
  );
}

function AuditChange({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const show = (v: unknown) => (v == null ? t('admin.audit.nothing') : JSON.stringify(v, null, 2));
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <div>
        <Text size="sm" fw={700} mb={4}>
          {t('admin.audit.before')}
        </Text>
        <pre className="pre-json" tabIndex={0} role="region" aria-label={t('admin.audit.before')}>
          {show(entry.before)}
        </pre>
      </div>
      <div>
        <Text size="sm" fw={700} mb={4}>
          {t('admin.audit.after')}
        </Text>
        <pre className="pre-json" tabIndex={0} role="region" aria-label={t('admin.audit.after')}>
          {show(entry.after)}
        </pre>
      </div>
    </SimpleGrid>
  );
}
