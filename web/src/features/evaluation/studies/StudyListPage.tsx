import { useState } from 'react';
import { Anchor, Button, Group, Paper, Table, Text } from '@mantine/core';
import { IconFileImport, IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ExampleBadge } from '../../../components/badges';
import { Page } from '../../../components/Page';
import { EmptyState, ErrorState, LoadingState } from '../../../components/states';
import { formatNumber } from '../../../lib/format';
import { useLocale } from '../../../lib/useLocale';
import { useStudies } from '../api';
import { CreateStudyForm } from './CreateStudyForm';
import { ImportQdpxDialog } from './ImportQdpxDialog';
import { studyPath } from './StudyShell';

/** /evaluation: the studies the caller is on the team of (administrators see all). */
export default function StudyListPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const studies = useStudies();
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const items = studies.data?.items ?? [];

  return (
    <Page
      title={t('evalStudies.title')}
      crumbs={[{ label: t('nav.overview'), to: '/' }]}
      intro={t('evalStudies.intro')}
      actions={
        <>
          <Button
            variant="default"
            leftSection={<IconFileImport size={18} aria-hidden="true" />}
            onClick={() => setImporting(true)}
          >
            {t('evalStudies.importQdpx')}
          </Button>
          <Button leftSection={<IconPlus size={18} aria-hidden="true" />} onClick={() => setCreating(true)}>
            {t('evalStudies.newStudy')}
          </Button>
        </>
      }
    >
      {studies.isPending ? (
        <LoadingState />
      ) : studies.isError ? (
        <ErrorState error={studies.error} onRetry={() => void studies.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState
          title={t('evalStudies.emptyTitle')}
          action={
            <Button onClick={() => setCreating(true)} leftSection={<IconPlus size={18} aria-hidden="true" />}>
              {t('evalStudies.newStudy')}
            </Button>
          }
        >
          {t('evalStudies.emptyText')}
        </EmptyState>
      ) : (
        <>
          <Text size="sm" c="dimmed">
            {t('evalStudies.count', { count: items.length, formatted: formatNumber(items.length, locale) })}
          </Text>
          <Paper withBorder radius="md" style={{ overflowX: 'auto' }}>
            <Table verticalSpacing="sm" horizontalSpacing="md" miw={640}>
              <caption className="visually-hidden">{t('evalStudies.caption')}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('evalStudies.name')}</Table.Th>
                  <Table.Th scope="col">{t('evalStudies.question')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('evalStudies.casesCol')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('evalStudies.sourcesCol')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('evalStudies.team')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Anchor component={Link} to={studyPath(s.id)} fw={600}>
                          {s.name}
                        </Anchor>
                        {s.isExample && <ExampleBadge />}
                      </Group>
                      {!s.isMember && (
                        <Text size="xs" c="dimmed">
                          {t('evalStudies.notMember')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" lineClamp={2}>
                        {s.question ?? '–'}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">{formatNumber(s.caseCount, locale)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(s.sourceCount, locale)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(s.memberCount, locale)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        </>
      )}
      {creating && <CreateStudyForm onClose={() => setCreating(false)} />}
      {importing && <ImportQdpxDialog onClose={() => setImporting(false)} />}
    </Page>
  );
}
