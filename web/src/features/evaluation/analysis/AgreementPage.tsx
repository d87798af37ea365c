import { Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../../components/Page';
import { Section } from '../../../components/Section';
import { EmptyState, ErrorState, LoadingState } from '../../../components/states';
import { formatNumber } from '../../../lib/format';
import { useLocale } from '../../../lib/useLocale';
import { useAgreement, useCoders, useCodes, useSource, useSources, useStudy } from '../coding/api';
import { codeColour, Swatch } from '../coding/CodePicker';
import { Positions } from '../coding/positions';
import { useStudyId } from './AnalysisShell';

/**
 * Inter-coder agreement on one transcript: percent agreement and Cohen's kappa per code (counted
 * per character by the server), and the passages only one of the two coders coded, side by side.
 */
export default function AgreementPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const studyId = useStudyId();
  const study = useStudy(studyId);
  const sources = useSources(studyId);
  const coders = useCoders(studyId);
  const codes = useCodes(studyId);
  const [sourceId, setSourceId] = useState<string | null>(null);
  const [coderA, setCoderA] = useState<string | null>(null);
  const [coderB, setCoderB] = useState<string | null>(null);
  const [codeId, setCodeId] = useState<string | null>(null);
  const agreement = useAgreement(studyId, {
    sourceId: sourceId ?? undefined,
    coderA: coderA ?? undefined,
    coderB: coderB ?? undefined,
  });
  const source = useSource(studyId, sourceId ?? '', 'analysis');
  const coderName = (id: string | null) => coders.data?.items.find((c) => c.id === id)?.name ?? '';
  const code = (id: string) => codes.data?.items.find((c) => c.id === id);
  const rows = (agreement.data?.rows ?? []).filter((r) => !codeId || r.codeId === codeId);
  const positions = useMemo(() => (source.data ? new Positions(source.data.text) : null), [source.data]);
  const slice = (start: number, end: number) => {
    if (!positions || !source.data) return '';
    const r = positions.toUnits(start, Math.min(end, positions.codePointLength));
    return source.data.text.slice(r.start, r.end);
  };
  const pct = (v: number | null) => (v === null ? '–' : `${formatNumber(v, locale, 1)} %`);
  const kappa = (v: number | null) => (v === null ? '–' : formatNumber(v, locale, 2));
  const ready = Boolean(sourceId && coderA && coderB);

  return (
    <Page
      title={t('evalAnalysis.agreement.title')}
      crumbs={[
        { label: t('evalCoding.crumbRoot'), to: '/evaluation' },
        { label: study.data?.name ?? '…', to: `/evaluation/studies/${studyId}` },
      ]}
      intro={t('evalAnalysis.agreement.intro')}
      actions={
        <Button component={Link} to={`/evaluation/studies/${studyId}/analysis`} variant="default">
          {t('evalAnalysis.title')}
        </Button>
      }
    >
      <Paper withBorder p="md" radius="md">
        <Group align="flex-end">
          <Select
            label={t('evalAnalysis.agreement.source')}
            data={(sources.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
            value={sourceId}
            onChange={setSourceId}
            searchable
          />
          <Select
            label={t('evalAnalysis.agreement.coderA')}
            data={(coders.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
            value={coderA}
            onChange={setCoderA}
          />
          <Select
            label={t('evalAnalysis.agreement.coderB')}
            data={(coders.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
            value={coderB}
            onChange={setCoderB}
          />
          <Select
            label={t('evalAnalysis.agreement.code')}
            data={[
              { value: '', label: t('evalAnalysis.agreement.allCodes') },
              ...(agreement.data?.rows ?? []).map((r) => ({
                value: r.codeId,
                label: code(r.codeId)?.name ?? '',
              })),
            ]}
            value={codeId ?? ''}
            onChange={(v) => setCodeId(v || null)}
            allowDeselect={false}
          />
        </Group>
      </Paper>
      {!ready ? (
        <Text>{t('evalAnalysis.agreement.choose')}</Text>
      ) : agreement.isPending ? (
        <LoadingState />
      ) : agreement.isError ? (
        <ErrorState error={agreement.error} onRetry={() => void agreement.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState title={t('evalAnalysis.agreement.none')} />
      ) : (
        <>
          <Paper withBorder radius="md" style={{ overflowX: 'auto' }}>
            <Table striped data-testid="agreement">
              <caption style={{ captionSide: 'top', textAlign: 'left', fontWeight: 700, padding: 8 }}>
                {t('evalAnalysis.agreement.caption', { a: coderName(coderA), b: coderName(coderB) })}
              </caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('evalAnalysis.code')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('evalAnalysis.agreement.percent')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('evalAnalysis.agreement.kappa')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('evalAnalysis.agreement.differences')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={r.codeId}>
                    <Table.Th scope="row">
                      <Group gap={6} wrap="nowrap">
                        <Swatch colour={codeColour(code(r.codeId))} />
                        {code(r.codeId)?.name}
                      </Group>
                    </Table.Th>
                    <Table.Td ta="right">{pct(r.percent)}</Table.Td>
                    <Table.Td ta="right">{kappa(r.kappa)}</Table.Td>
                    <Table.Td ta="right">{r.differences.length}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
          <Section title={t('evalAnalysis.agreement.diffTitle')} id="differences">
            {rows.every((r) => r.differences.length === 0) ? (
              <Text>{t('evalAnalysis.agreement.noDiff')}</Text>
            ) : (
              <Stack gap="lg">
                {rows
                  .filter((r) => r.differences.length > 0)
                  .map((r) => (
                    <Stack key={r.codeId} gap="xs">
                      <Title order={3} size="h5">
                        {code(r.codeId)?.name}
                      </Title>
                      <SimpleGrid cols={2}>
                        {(['a', 'b'] as const).map((side) => (
                          <Paper key={side} withBorder p="sm" radius="sm">
                            <Title order={4} size="h6" mb={4}>
                              {side === 'a'
                                ? t('evalAnalysis.agreement.onlyA', { name: coderName(coderA) })
                                : t('evalAnalysis.agreement.onlyB', { name: coderName(coderB) })}
                            </Title>
                            <Stack gap={6}>
                              {r.differences
                                .filter((d) => d.codedBy === side)
                                .map((d) => (
                                  <Text
                                    key={d.start}
                                    fz="sm"
                                    style={{
                                      whiteSpace: 'pre-wrap',
                                      borderLeft: `4px solid ${codeColour(code(r.codeId))}`,
                                      paddingLeft: 8,
                                    }}
                                  >
                                    {slice(d.start, d.end)}
                                  </Text>
                                ))}
                            </Stack>
                          </Paper>
                        ))}
                      </SimpleGrid>
                    </Stack>
                  ))}
              </Stack>
            )}
          </Section>
        </>
      )}
    </Page>
  );
}
