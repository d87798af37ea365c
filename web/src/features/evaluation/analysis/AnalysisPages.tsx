import {
  Anchor,
  Blockquote,
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Chart } from '../../../components/Chart';
import { FormErrorAlert } from '../../../components/FormErrorAlert';
import { Section } from '../../../components/Section';
import { EmptyState, ErrorState, LoadingState } from '../../../components/states';
import { formatNumber } from '../../../lib/format';
import { notifySuccess } from '../../../lib/notify';
import { useLocale } from '../../../lib/useLocale';
import {
  studyUrl,
  useCases,
  useCodes,
  useCodings,
  useCoOccurrence,
  useDriversBarriers,
  useFramework,
  useMatrix,
  useQuotes,
  useSaveFrameworkCell,
  useSources,
  type QuoteFilter,
} from '../coding/api';
import { codeColour, Swatch } from '../coding/CodePicker';
import { AnalysisShell, FileButtons, useStudyId } from './AnalysisShell';

/** The coding view opened at one coding. */
const inText = (studyId: string, sourceId: string, codingId: string) =>
  `/evaluation/studies/${studyId}/sources/${sourceId}?coding=${codingId}`;

const captionStyle = { captionSide: 'top', textAlign: 'left', fontWeight: 700, padding: 8 } as const;

function Failed({ q }: { q: { error: unknown; refetch: () => unknown } }) {
  return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
}

// ---------- case × code matrix ----------
export function MatrixPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const studyId = useStudyId();
  const [aggregate, setAggregate] = useState(false);
  const [allCodes, setAllCodes] = useState(false);
  const [cell, setCell] = useState<{ caseId: string; codeId: string; ids: string[] } | null>(null);
  const matrix = useMatrix(studyId, aggregate);
  const codes = useCodes(studyId);
  const codings = useCodings(studyId, { purpose: 'analysis' }, cell !== null);
  const m = matrix.data;
  const used = useMemo(() => {
    if (!m) return [];
    return m.codes.filter(
      (c) => allCodes || m.rows.some((r) => r.cells.some((x) => x.codeId === c.id && x.cell.count > 0)),
    );
  }, [m, allCodes]);
  const colour = (id: string) => codeColour(codes.data?.items.find((c) => c.id === id));
  const count = (caseId: string, codeId: string) =>
    m?.rows.find((r) => r.caseId === caseId)?.cells.find((c) => c.codeId === codeId)?.cell;

  return (
    <AnalysisShell title={t('evalAnalysis.tabs.matrix')}>
      <Group justify="space-between">
        <Group>
          <Switch
            label={t('evalAnalysis.matrix.aggregate')}
            checked={aggregate}
            onChange={(e) => setAggregate(e.currentTarget.checked)}
          />
          <Switch
            label={t('evalAnalysis.matrix.allCodes')}
            checked={allCodes}
            onChange={(e) => setAllCodes(e.currentTarget.checked)}
          />
        </Group>
        <FileButtons
          path={`${studyUrl(studyId)}/analysis/matrix/export`}
          query={{ aggregate: String(aggregate) }}
        />
      </Group>
      {matrix.isPending ? (
        <LoadingState />
      ) : matrix.isError ? (
        <Failed q={matrix} />
      ) : m!.cases.length === 0 || used.length === 0 ? (
        <EmptyState title={t('evalAnalysis.noCases')} />
      ) : (
        <Paper withBorder radius="md" style={{ overflowX: 'auto' }}>
          <Table withColumnBorders aria-busy={matrix.isFetching} data-testid="case-code-matrix">
            <caption style={captionStyle}>{t('evalAnalysis.matrix.caption')}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('evalAnalysis.case')}</Table.Th>
                {used.map((c) => (
                  <Table.Th scope="col" key={c.id} style={{ minWidth: 90 }}>
                    <Group gap={4} wrap="nowrap" align="flex-start">
                      <Swatch colour={colour(c.id)} />
                      <span>{c.name}</span>
                    </Group>
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {m!.cases.map((k) => (
                <Table.Tr key={k.id}>
                  <Table.Th scope="row">{k.name}</Table.Th>
                  {used.map((c) => {
                    const x = count(k.id, c.id);
                    const n = x?.count ?? 0;
                    const active = cell?.caseId === k.id && cell.codeId === c.id;
                    return (
                      <Table.Td key={c.id} ta="center" bg={active ? 'blue.0' : undefined}>
                        {n === 0 ? (
                          <Text c="dimmed">0</Text>
                        ) : (
                          <UnstyledButton
                            aria-label={t('evalAnalysis.matrix.cellLabel', {
                              count: n,
                              case: k.name,
                              code: c.name,
                            })}
                            aria-pressed={active}
                            onClick={() => setCell({ caseId: k.id, codeId: c.id, ids: x!.codingIds })}
                            style={{ fontWeight: 700, textDecoration: 'underline', padding: '2px 8px' }}
                          >
                            {formatNumber(n, locale)}
                          </UnstyledButton>
                        )}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      {m && cell ? (
        <Section
          id="behind"
          title={t('evalAnalysis.matrix.behind', {
            case: m.cases.find((c) => c.id === cell.caseId)?.name ?? '',
            code: m.codes.find((c) => c.id === cell.codeId)?.name ?? '',
          })}
        >
          {codings.isPending ? (
            <LoadingState />
          ) : codings.isError ? (
            <Failed q={codings} />
          ) : (
            <Stack gap="xs" data-testid="coded-text">
              {codings.data.items
                .filter((c) => cell.ids.includes(c.id))
                .map((c) => (
                  <Blockquote key={c.id} color={colour(c.codeId)} p="sm">
                    <Text style={{ whiteSpace: 'pre-wrap' }}>{c.text}</Text>
                    <Text fz="xs" c="dimmed" mt={4}>
                      {c.coderName}{' '}
                      <Anchor component={Link} to={inText(studyId, c.sourceId, c.id)} fz="xs">
                        {t('evalAnalysis.showInText')}
                      </Anchor>
                    </Text>
                  </Blockquote>
                ))}
            </Stack>
          )}
        </Section>
      ) : (
        m && m.cases.length > 0 && <Text c="dimmed">{t('evalAnalysis.matrix.chooseCell')}</Text>
      )}
    </AnalysisShell>
  );
}

// ---------- drivers and barriers ----------
export function DriversBarriersPage() {
  const { t } = useTranslation();
  const studyId = useStudyId();
  const d = useDriversBarriers(studyId);
  const data = d.data;
  const option = useMemo(
    () =>
      data && {
        tooltip: {},
        legend: { top: 0 },
        grid: { left: 8, right: 8, bottom: 8, top: 36, containLabel: true },
        xAxis: {
          type: 'category',
          data: data.themes.map((x) => x.name),
          axisLabel: { interval: 0, rotate: 20 },
        },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          {
            name: t('evalAnalysis.drivers.drivers'),
            type: 'bar',
            data: data.themes.map((x) => x.cases.reduce((s, c) => s + c.drivers.count, 0)),
          },
          {
            name: t('evalAnalysis.drivers.barriers'),
            type: 'bar',
            data: data.themes.map((x) => x.cases.reduce((s, c) => s + c.barriers.count, 0)),
          },
        ],
      },
    [data, t],
  );
  return (
    <AnalysisShell title={t('evalAnalysis.tabs.drivers')}>
      <Group justify="flex-end">
        <FileButtons path={`${studyUrl(studyId)}/analysis/drivers-barriers/export`} />
      </Group>
      {d.isPending ? (
        <LoadingState />
      ) : d.isError ? (
        <Failed q={d} />
      ) : data!.themes.length === 0 || data!.cases.length === 0 ? (
        <EmptyState title={t('evalAnalysis.drivers.none')} />
      ) : (
        <SimpleGrid cols={{ base: 1, lg: 2 }}>
          <Paper withBorder radius="md" p="sm">
            <Chart option={option!} label={t('evalAnalysis.drivers.chart')} height={320} />
          </Paper>
          <Paper withBorder radius="md" style={{ overflowX: 'auto' }}>
            <Table withColumnBorders>
              <caption style={captionStyle}>{t('evalAnalysis.drivers.caption')}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('evalAnalysis.theme')}</Table.Th>
                  {data!.cases.map((c) => (
                    <Table.Th scope="col" key={c.id}>
                      {c.name}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data!.themes.map((th) => (
                  <Table.Tr key={th.themeCodeId}>
                    <Table.Th scope="row">{th.name}</Table.Th>
                    {data!.cases.map((c) => {
                      const x = th.cases.find((y) => y.caseId === c.id);
                      return (
                        <Table.Td key={c.id}>
                          {t('evalAnalysis.drivers.drivers')}: {x?.drivers.count ?? 0}
                          <br />
                          {t('evalAnalysis.drivers.barriers')}: {x?.barriers.count ?? 0}
                        </Table.Td>
                      );
                    })}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        </SimpleGrid>
      )}
    </AnalysisShell>
  );
}

// ---------- co-occurrence ----------
export function CoOccurrencePage() {
  const { t } = useTranslation();
  const studyId = useStudyId();
  const r = useCoOccurrence(studyId);
  const codes = useCodes(studyId);
  const name = (id: string) => codes.data?.items.find((c) => c.id === id)?.name ?? '';
  const items = [...(r.data?.items ?? [])].sort((a, b) => b.count - a.count);
  return (
    <AnalysisShell title={t('evalAnalysis.tabs.cooccurrence')}>
      <Group justify="flex-end">
        <FileButtons path={`${studyUrl(studyId)}/analysis/co-occurrence/export`} />
      </Group>
      {r.isPending || codes.isPending ? (
        <LoadingState />
      ) : r.isError ? (
        <Failed q={r} />
      ) : items.length === 0 ? (
        <EmptyState title={t('evalAnalysis.cooccurrence.none')} />
      ) : (
        <Paper withBorder radius="md" maw={760}>
          <Table striped>
            <caption style={captionStyle}>{t('evalAnalysis.cooccurrence.caption')}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('evalAnalysis.cooccurrence.a')}</Table.Th>
                <Table.Th scope="col">{t('evalAnalysis.cooccurrence.b')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('evalAnalysis.count')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((i) => (
                <Table.Tr key={i.codeA + i.codeB}>
                  <Table.Td>{name(i.codeA)}</Table.Td>
                  <Table.Td>{name(i.codeB)}</Table.Td>
                  <Table.Td ta="right">{i.count}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </AnalysisShell>
  );
}

// ---------- quotes ----------
const GROUPS = [
  'project_leader',
  'project_staff',
  'steering_group',
  'municipal_partners',
  'housing_organisation',
  'resident_board',
  'other',
] as const;

export function QuotesPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const studyId = useStudyId();
  const [filter, setFilter] = useState<QuoteFilter>({});
  const [q, setQ] = useState('');
  const cases = useCases(studyId);
  const codes = useCodes(studyId);
  const sources = useSources(studyId);
  const quotes = useQuotes(studyId, filter);
  const caseName = (id: string | null) => cases.data?.items.find((c) => c.id === id)?.name ?? '';
  const set = (k: keyof QuoteFilter) => (v: string | null) =>
    setFilter((f) => ({ ...f, [k]: v || undefined }));
  return (
    <AnalysisShell title={t('evalAnalysis.tabs.quotes')}>
      <Paper withBorder p="md" radius="md">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setFilter((f) => ({ ...f, q: q.trim() || undefined }));
          }}
        >
          <Group align="flex-end">
            <Select
              label={t('evalAnalysis.case')}
              data={[
                { value: '', label: t('evalAnalysis.quotes.allCases') },
                ...(cases.data?.items ?? []).map((c) => ({ value: c.id, label: c.name })),
              ]}
              value={filter.caseId ?? ''}
              onChange={set('caseId')}
              allowDeselect={false}
            />
            <Select
              label={t('evalAnalysis.quotes.group')}
              data={[
                { value: '', label: t('evalAnalysis.quotes.allGroups') },
                ...GROUPS.map((g) => ({ value: g, label: t(`evalAnalysis.quotes.groups.${g}`) })),
              ]}
              value={filter.respondentGroup ?? ''}
              onChange={set('respondentGroup')}
              allowDeselect={false}
            />
            <Select
              label={t('evalAnalysis.code')}
              searchable
              data={[
                { value: '', label: t('evalAnalysis.quotes.allCodes') },
                ...(codes.data?.items ?? []).map((c) => ({ value: c.id, label: c.name })),
              ]}
              value={filter.codeId ?? ''}
              onChange={set('codeId')}
              allowDeselect={false}
            />
            <TextInput
              label={t('evalAnalysis.quotes.search')}
              value={q}
              onChange={(e) => setQ(e.currentTarget.value)}
            />
            <Button type="submit" variant="default">
              {t('common.search')}
            </Button>
          </Group>
        </form>
      </Paper>
      <Group justify="space-between">
        <Text role="status">
          {quotes.data &&
            t('evalAnalysis.quotes.count', {
              count: quotes.data.total,
              formatted: formatNumber(quotes.data.total, locale),
            })}
          {quotes.data && quotes.data.total > quotes.data.items.length
            ? ' ' + t('evalAnalysis.quotes.shown', { shown: quotes.data.items.length })
            : ''}
        </Text>
        <FileButtons path={`${studyUrl(studyId)}/analysis/quotes/export`} query={{ ...filter }} word />
      </Group>
      {quotes.isPending ? (
        <LoadingState />
      ) : quotes.isError ? (
        <Failed q={quotes} />
      ) : quotes.data.items.length === 0 ? (
        <EmptyState title={t('evalAnalysis.quotes.none')} />
      ) : (
        <Stack gap="sm">
          {quotes.data.items.map((x) => (
            <Blockquote
              key={x.id}
              color={codeColour(codes.data?.items.find((c) => c.id === x.codeId))}
              p="sm"
            >
              <Text style={{ whiteSpace: 'pre-wrap' }}>{x.text}</Text>
              <Text fz="xs" c="dimmed" mt={4}>
                {[
                  caseName(x.caseId),
                  sources.data?.items.find((s) => s.id === x.sourceId)?.name ?? x.sourceName,
                  x.codeName,
                  x.coderName,
                ]
                  .filter(Boolean)
                  .join(' · ')}{' '}
                <Anchor component={Link} to={inText(studyId, x.sourceId, x.id)} fz="xs">
                  {t('evalAnalysis.showInText')}
                </Anchor>
              </Text>
            </Blockquote>
          ))}
        </Stack>
      )}
    </AnalysisShell>
  );
}

// ---------- framework matrix ----------
export function FrameworkPage() {
  const { t } = useTranslation();
  const studyId = useStudyId();
  const f = useFramework(studyId);
  const [editing, setEditing] = useState<{ caseId: string; themeId: string } | null>(null);
  const data = f.data;
  const cell = (caseId: string, themeId: string) =>
    data?.cells.find((c) => c.caseId === caseId && c.themeCodeId === themeId);
  return (
    <AnalysisShell title={t('evalAnalysis.tabs.framework')}>
      <Group justify="flex-end">
        <FileButtons path={`${studyUrl(studyId)}/framework/export`} word />
      </Group>
      {f.isPending ? (
        <LoadingState />
      ) : f.isError ? (
        <Failed q={f} />
      ) : data!.themes.length === 0 || data!.cases.length === 0 ? (
        <EmptyState title={t('evalAnalysis.framework.noThemes')} />
      ) : (
        <Paper withBorder radius="md" style={{ overflowX: 'auto' }}>
          <Table
            withColumnBorders
            layout="fixed"
            miw={220 + data!.themes.length * 220}
            data-testid="framework"
          >
            <caption style={captionStyle}>{t('evalAnalysis.framework.caption')}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" w={180}>
                  {t('evalAnalysis.case')}
                </Table.Th>
                {data!.themes.map((th) => (
                  <Table.Th scope="col" key={th.id}>
                    {th.name}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data!.cases.map((k) => (
                <Table.Tr key={k.id}>
                  <Table.Th scope="row">{k.name}</Table.Th>
                  {data!.themes.map((th) => {
                    const x = cell(k.id, th.id);
                    return (
                      <Table.Td key={th.id} style={{ verticalAlign: 'top' }}>
                        <Stack gap={4}>
                          <Text
                            fz="sm"
                            c={x?.summary ? undefined : 'dimmed'}
                            lineClamp={6}
                            style={{ whiteSpace: 'pre-wrap' }}
                          >
                            {x?.summary || t('evalAnalysis.framework.empty')}
                          </Text>
                          {x && x.quoteCodingIds.length > 0 && (
                            <Text fz="xs" c="dimmed">
                              {t('evalAnalysis.framework.quoteCount', { count: x.quoteCodingIds.length })}
                            </Text>
                          )}
                          <Button
                            size="xs"
                            variant="default"
                            onClick={() => setEditing({ caseId: k.id, themeId: th.id })}
                            aria-label={t('evalAnalysis.framework.edit', { case: k.name, theme: th.name })}
                          >
                            {t('common.edit')}
                          </Button>
                        </Stack>
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      {data && editing && (
        <CellEditor
          key={editing.caseId + editing.themeId}
          studyId={studyId}
          caseId={editing.caseId}
          themeId={editing.themeId}
          caseName={data.cases.find((c) => c.id === editing.caseId)?.name ?? ''}
          themeName={data.themes.find((c) => c.id === editing.themeId)?.name ?? ''}
          summary={cell(editing.caseId, editing.themeId)?.summary ?? ''}
          quoteIds={cell(editing.caseId, editing.themeId)?.quoteCodingIds ?? []}
          onClose={() => setEditing(null)}
        />
      )}
    </AnalysisShell>
  );
}

function CellEditor(props: {
  studyId: string;
  caseId: string;
  themeId: string;
  caseName: string;
  themeName: string;
  summary: string;
  quoteIds: string[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [summary, setSummary] = useState(props.summary);
  const [ids, setIds] = useState(props.quoteIds);
  const quotes = useQuotes(props.studyId, { caseId: props.caseId, codeId: props.themeId });
  const save = useSaveFrameworkCell(props.studyId);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="cell-editor-title">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(
            { caseId: props.caseId, themeCodeId: props.themeId, summary, quoteCodingIds: ids },
            {
              onSuccess: () => {
                notifySuccess(t('evalAnalysis.framework.saved'));
                props.onClose();
              },
            },
          );
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h4" id="cell-editor-title">
            {t('evalAnalysis.framework.editTitle', { case: props.caseName, theme: props.themeName })}
          </Title>
          <FormErrorAlert error={save.error} />
          <Textarea
            label={t('evalAnalysis.framework.summary')}
            value={summary}
            onChange={(e) => setSummary(e.currentTarget.value)}
            autosize
            minRows={4}
            required
            data-autofocus
            autoFocus
          />
          <Stack gap={6} component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
            <Text component="legend" fw={600} fz="sm">
              {t('evalAnalysis.framework.quotes')}
            </Text>
            {quotes.isPending ? (
              <LoadingState />
            ) : (quotes.data?.items.length ?? 0) === 0 ? (
              <Text c="dimmed" fz="sm">
                {t('evalAnalysis.framework.noQuotes')}
              </Text>
            ) : (
              quotes.data!.items.map((q) => (
                <Checkbox
                  key={q.id}
                  checked={ids.includes(q.id)}
                  onChange={(e) =>
                    setIds(e.currentTarget.checked ? [...ids, q.id] : ids.filter((x) => x !== q.id))
                  }
                  label={`“${q.text.length > 240 ? q.text.slice(0, 240) + '…' : q.text}” (${q.sourceName}, ${q.codeName})`}
                />
              ))
            )}
          </Stack>
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('evalAnalysis.framework.save')}
            </Button>
            <Button variant="default" onClick={props.onClose}>
              {t('evalAnalysis.framework.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
