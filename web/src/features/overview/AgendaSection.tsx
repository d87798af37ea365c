import { Anchor, List, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Agenda } from '@pejling/contracts';
import { api } from '../../api/client';
import { Section } from '../../components/Section';
import { ErrorState, LoadingState } from '../../components/states';
import { formatDate } from '../../lib/format';
import { useLocale } from '../../lib/useLocale';
import { periodText } from '../results/numbers';

/** Det venter på dig: reports to approve and overdue registrations in the user's plans. */
export function AgendaSection() {
  const { t } = useTranslation();
  const locale = useLocale();
  const agenda = useQuery({
    queryKey: ['agenda'],
    queryFn: ({ signal }) => api.get<Agenda>('/api/agenda', undefined, signal),
  });
  return (
    <Section title={t('overview.agenda.title')} id="agenda">
      {agenda.isPending ? (
        <LoadingState />
      ) : agenda.isError ? (
        <ErrorState error={agenda.error} onRetry={() => void agenda.refetch()} />
      ) : agenda.data.reportsToApprove.length === 0 && agenda.data.overdue.length === 0 ? (
        <Text>{t('overview.agenda.nothing')}</Text>
      ) : (
        <Stack gap="md">
          {agenda.data.reportsToApprove.length > 0 && (
            <div>
              <Title order={3} size="h5" mb={4}>
                {t('overview.agenda.reports', { count: agenda.data.reportsToApprove.length })}
              </Title>
              <List size="sm" spacing={4}>
                {agenda.data.reportsToApprove.map((r) => (
                  <List.Item key={r.reportId}>
                    <Anchor component={Link} to={`/plans/${r.planId}/reports/${r.reportId}`}>
                      {r.title}
                    </Anchor>{' '}
                    ({r.planName}, {periodText(r.period, locale)})
                  </List.Item>
                ))}
              </List>
            </div>
          )}
          {agenda.data.overdue.length > 0 && (
            <div>
              <Title order={3} size="h5" mb={4}>
                {t('overview.agenda.overdue', { count: agenda.data.overdue.length })}
              </Title>
              <List size="sm" spacing={4}>
                {agenda.data.overdue.map((a) => (
                  <List.Item key={a.activityId}>
                    <Anchor component={Link} to={`/plans/${a.planId}/activities/${a.activityId}?new=1`}>
                      {a.activityName}
                    </Anchor>{' '}
                    ({a.planName}, {t('overview.agenda.since', { date: formatDate(a.since) })})
                  </List.Item>
                ))}
              </List>
            </div>
          )}
        </Stack>
      )}
    </Section>
  );
}
