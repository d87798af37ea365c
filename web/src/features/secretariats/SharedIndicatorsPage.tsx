import { useState, type ReactNode } from 'react';
import { Anchor, Button, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/auth';
import { useSharedIndicators, type SharedIndicator } from '../../api/sharedGoals';
import { ListToolbar } from '../../components/ListToolbar';
import { Page } from '../../components/Page';
import { PortfolioTabs } from '../portfolio/PortfolioShell';
import { Section } from '../../components/Section';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { formatNumber, matchesSearch, sortBy } from '../../lib/format';
import { useListParams } from '../../lib/useListParams';
import { useLocale } from '../../lib/useLocale';
import { DeleteSharedIndicator, SharedIndicatorForm } from './SharedForms';
import { SharedIndicatorTable } from './SharedIndicatorTable';

type Dialog = { kind: 'edit'; indicator?: SharedIndicator } | { kind: 'delete'; indicator: SharedIndicator };

const sortKeys: Record<string, (i: SharedIndicator) => string | number> = {
  name: (i) => i.name,
  kind: (i) => i.kind,
  linked: (i) => i.linkedIndicators,
  secretariat: (i) => i.areaSecretariatName ?? '',
};

/**
 * The fund's shared indicators (/portfolio/shared-indicators): the indicators every plan may link
 * its own to, and beside them the area secretariats' shared indicators.
 */
export default function SharedIndicatorsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useMe();
  const list = useSharedIndicators();
  const { q, setQ, sort, dir, toggleSort } = useListParams('name');
  const [dialog, setDialog] = useState<Dialog | null>(null);
  // Administrators and the fund's staff make the fund's shared indicators (the server checks too).
  const canCreate = Boolean(
    me.data && (me.data.can.administer || me.data.user.roles.some((r) => r.role === 'fund')),
  );

  const page = (children: ReactNode) => (
    <Page
      title={t('sharedGoals.fund.title')}
      crumbs={[
        { label: t('nav.overview'), to: '/' },
        { label: t('portfolio.title'), to: '/portfolio' },
      ]}
      intro={t('sharedGoals.fund.intro')}
      actions={
        canCreate && (
          <Button
            leftSection={<IconPlus size={18} aria-hidden="true" />}
            onClick={() => setDialog({ kind: 'edit' })}
          >
            {t('sharedGoals.indicator.add')}
          </Button>
        )
      }
    >
      <PortfolioTabs />
      {children}
      {dialog?.kind === 'edit' && (
        <SharedIndicatorForm
          indicator={dialog.indicator}
          areaSecretariatId={null}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'delete' && (
        <DeleteSharedIndicator indicator={dialog.indicator} onClose={() => setDialog(null)} />
      )}
    </Page>
  );

  if (list.isPending) return page(<LoadingState />);
  if (list.isError) return page(<ErrorState error={list.error} onRetry={() => void list.refetch()} />);

  const matching = list.data.items.filter((i) =>
    matchesSearch(q, i.name, i.definition, i.unit, i.areaSecretariatName),
  );
  const sorted = sortBy(matching, sortKeys[sort] ?? sortKeys.name!, dir);
  const fund = sorted.filter((i) => i.areaSecretariatId === null);
  const secretariats = sorted.filter((i) => i.areaSecretariatId !== null);
  const sorting = { sort, dir, onSort: toggleSort };
  const onEdit = (indicator: SharedIndicator) => setDialog({ kind: 'edit', indicator });
  const onDelete = (indicator: SharedIndicator) => setDialog({ kind: 'delete', indicator });
  const anyFund = list.data.items.some((i) => i.areaSecretariatId === null);

  return page(
    <Stack gap="lg">
      <ListToolbar
        q={q}
        onSearch={setQ}
        count={t('sharedGoals.fund.count', {
          count: matching.length,
          formatted: formatNumber(matching.length, locale),
        })}
      />
      <Section title={t('sharedGoals.fund.fundTitle')} id="fund-shared-indicators">
        {!anyFund ? (
          <EmptyState
            title={t('sharedGoals.fund.emptyTitle')}
            headingOrder={3}
            action={
              canCreate && (
                <Button onClick={() => setDialog({ kind: 'edit' })}>{t('sharedGoals.indicator.add')}</Button>
              )
            }
          >
            {canCreate ? t('sharedGoals.fund.emptyText') : t('sharedGoals.fund.emptyTextReadOnly')}
          </EmptyState>
        ) : fund.length === 0 ? (
          <Text>{t('sharedGoals.fund.noMatch')}</Text>
        ) : (
          <SharedIndicatorTable
            items={fund}
            caption={t('sharedGoals.fund.caption')}
            sorting={sorting}
            onEdit={onEdit}
            onDelete={onDelete}
          />
        )}
      </Section>
      <Section title={t('sharedGoals.fund.secretariatsTitle')} id="secretariat-shared-indicators">
        {secretariats.length === 0 ? (
          <Text>
            {list.data.items.some((i) => i.areaSecretariatId !== null)
              ? t('sharedGoals.fund.noMatch')
              : t('sharedGoals.fund.secretariatsEmpty')}
          </Text>
        ) : (
          <SharedIndicatorTable
            items={secretariats}
            caption={t('sharedGoals.fund.secretariatsCaption')}
            sorting={sorting}
            onEdit={onEdit}
            onDelete={onDelete}
            extraColumn={{
              label: t('sharedGoals.fund.secretariat'),
              sortKey: 'secretariat',
              render: (i) => (
                <Anchor
                  component={Link}
                  to={`/secretariats/${i.areaSecretariatId}${i.sharedGoalId ? `#shared-goal-${i.sharedGoalId}` : ''}`}
                  size="sm"
                >
                  {i.areaSecretariatName}
                </Anchor>
              ),
            }}
          />
        )}
      </Section>
    </Stack>,
  );
}
