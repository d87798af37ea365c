import {
  Alert,
  Button,
  Grid,
  Group,
  List,
  Paper,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { FormErrorAlert } from '../../../components/FormErrorAlert';
import { Page } from '../../../components/Page';
import { Section } from '../../../components/Section';
import { ErrorState, LoadingState } from '../../../components/states';
import { formatNumber } from '../../../lib/format';
import { notifySuccess } from '../../../lib/notify';
import { useLocale } from '../../../lib/useLocale';
import {
  useApplyCodes,
  useCodes,
  useCodings,
  useMemos,
  useRecode,
  useRemoveCoding,
  useSource,
  useStudy,
  type Code,
  type Coding,
} from './api';
import { CodePicker, codeColour, codeTree, Swatch } from './CodePicker';
import { MemoPanel } from './MemoPanel';
import { Positions, splitLines, splitUnits } from './positions';
import { TranscriptView, type Range, type TranscriptHandle } from './TranscriptView';

const excerpt = (s: string, n = 120) => (s.length > n ? s.slice(0, n) + '…' : s);

/** The coding view of one transcript: text, codebook, margin, codings and memos. */
export default function CodingPage() {
  const { studyId = '', sourceId = '' } = useParams();
  const study = useStudy(studyId);
  const source = useSource(studyId, sourceId);
  const codes = useCodes(studyId);
  const codings = useCodings(studyId, { sourceId, purpose: 'coding' });
  const memos = useMemos(studyId);

  if (source.isPending || codes.isPending || codings.isPending || memos.isPending) return <LoadingState />;
  const failed = [source, codes, codings, memos].find((q) => q.isError);
  if (failed)
    return (
      <ErrorState
        error={failed.error}
        onRetry={() => void Promise.all([source.refetch(), codes.refetch()])}
      />
    );
  return (
    <CodingView
      studyId={studyId}
      studyName={study.data?.name ?? ''}
      source={source.data!}
      codes={codes.data!.items}
      codings={codings.data!.items}
      memos={memos.data!.items}
    />
  );
}

function CodingView({
  studyId,
  studyName,
  source,
  codes,
  codings,
  memos,
}: {
  studyId: string;
  studyName: string;
  source: NonNullable<ReturnType<typeof useSource>['data']>;
  codes: Code[];
  codings: Coding[];
  memos: NonNullable<ReturnType<typeof useMemos>['data']>['items'];
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const helpId = useId();
  const transcript = useRef<TranscriptHandle>(null);
  const picker = useRef<HTMLInputElement>(null);
  const [passage, setPassage] = useState<Range | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  // `?coding=<id>` (from a quote or a matrix cell) opens the text at that coding, selected.
  const [search] = useSearchParams();
  const [selectedId, setSelectedId] = useState<string | null>(search.get('coding'));
  const [coder, setCoder] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  // A new key empties the code filter after each coding.
  const [pickerKey, setPickerKey] = useState(0);
  const apply = useApplyCodes(studyId);

  const positions = useMemo(() => new Positions(source.text), [source.text]);
  const lines = useMemo(() => splitLines(source.text), [source.text]);
  const units = useMemo(() => splitUnits(lines), [lines]);
  const codeById = useMemo(() => new Map(codes.map((c) => [c.id, c])), [codes]);
  const coders = useMemo(
    () => [
      ...new Map(codings.filter((c) => c.coderId).map((c) => [c.coderId!, c.coderName ?? ''])).entries(),
    ],
    [codings],
  );
  const visible = useMemo(
    () => (coder ? codings.filter((c) => c.coderId === coder) : codings),
    [codings, coder],
  );
  const shown = useMemo(
    () =>
      visible
        .filter((c) => c.end <= positions.codePointLength)
        .map((c) => {
          const r = positions.toUnits(c.start, c.end);
          const code = codeById.get(c.codeId);
          return { id: c.id, ...r, name: code?.name ?? '', colour: codeColour(code) };
        }),
    [visible, positions, codeById],
  );
  const selected = codings.find((c) => c.id === selectedId) ?? null;
  const linked = search.get('coding');
  useEffect(() => {
    const c = codings.find((x) => x.id === linked);
    if (c && c.end <= positions.codePointLength) transcript.current?.reveal(positions.toUnit(c.start));
    // Only when the page opens at a coding.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [linked]);

  const onPassage = useCallback((r: Range | null) => {
    setPassage(r);
    setMessage(null);
  }, []);

  function applyCodes() {
    if (!passage) return;
    if (chosen.length === 0) {
      setMessage(t('evalCoding.chooseCode'));
      return;
    }
    const r = positions.toCodePoints(passage.start, passage.end);
    apply.mutate(
      { sourceId: source.id, codeIds: chosen, ...r },
      {
        onSuccess: (res) => {
          const done = t('evalCoding.applied', { count: res.items.length });
          notifySuccess(done);
          setMessage(done);
          setChosen([]);
          setPickerKey((k) => k + 1);
          setPassage(null);
          transcript.current?.focus();
        },
      },
    );
  }

  const passageText = passage ? source.text.slice(passage.start, passage.end) : '';

  return (
    <Page
      title={source.name}
      crumbs={[
        { label: t('evalCoding.crumbRoot'), to: '/evaluation' },
        { label: studyName || '…', to: `/evaluation/studies/${studyId}` },
      ]}
      intro={t('evalCoding.intro')}
      actions={
        <>
          <Button component={Link} to={`/evaluation/studies/${studyId}/analysis`} variant="default">
            {t('evalCoding.analysisLink')}
          </Button>
          <Button component={Link} to={`/evaluation/studies/${studyId}/agreement`} variant="default">
            {t('evalCoding.agreementLink')}
          </Button>
        </>
      }
    >
      <VisuallyHidden id={helpId}>{t('evalCoding.help.short')}</VisuallyHidden>
      <Paper withBorder p="md" radius="md" component="details">
        <Text component="summary" fw={700} style={{ cursor: 'pointer' }}>
          {t('evalCoding.help.title')}
        </Text>
        <Text fz="sm" mt={4}>
          {t('evalCoding.help.intro')}
        </Text>
        <List fz="sm" spacing={2} mt={4}>
          {(t('evalCoding.help.keys', { returnObjects: true }) as string[]).map((k) => (
            <List.Item key={k}>{k}</List.Item>
          ))}
        </List>
        <Text fz="sm" mt={4}>
          {t('evalCoding.help.mouse')}
        </Text>
      </Paper>

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="xs">
            <Group justify="space-between">
              <Title order={2} size="h4">
                {t('evalCoding.transcript')}
              </Title>
              <Group gap="sm">
                <Text c="dimmed" fz="sm">
                  {t('evalCoding.length', {
                    count: positions.codePointLength,
                    formatted: formatNumber(positions.codePointLength, locale),
                  })}
                </Text>
                {coders.length > 1 && (
                  <Select
                    size="xs"
                    label={t('evalCoding.showCoder')}
                    data={[
                      { value: '', label: t('evalCoding.allCoders') },
                      ...coders.map(([id, name]) => ({ value: id, label: name })),
                    ]}
                    value={coder ?? ''}
                    onChange={(v) => setCoder(v || null)}
                    allowDeselect={false}
                  />
                )}
              </Group>
            </Group>
            <TranscriptView
              ref={transcript}
              name={source.name}
              text={source.text}
              lines={lines}
              units={units}
              codings={shown}
              passage={passage}
              onPassage={onPassage}
              selectedCodingId={selectedId}
              onSelectCoding={setSelectedId}
              onCode={() => {
                picker.current?.focus();
                picker.current?.select();
              }}
              helpId={helpId}
            />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md">
            <Paper withBorder p="md" radius="md">
              <Stack gap="sm">
                <Title order={2} size="h4">
                  {t('evalCoding.passage')}
                </Title>
                {passage ? (
                  <Text
                    data-testid="passage"
                    style={{ whiteSpace: 'pre-wrap', maxHeight: 120, overflowY: 'auto' }}
                    fz="sm"
                  >
                    {excerpt(passageText, 600)}
                  </Text>
                ) : (
                  <Text c="dimmed" fz="sm">
                    {t('evalCoding.noPassage')}
                  </Text>
                )}
                <CodePicker key={pickerKey} ref={picker} codes={codes} value={chosen} onChange={setChosen} />
                <FormErrorAlert error={apply.error} />
                {message && (
                  <Text fz="sm" role="status">
                    {message}
                  </Text>
                )}
                <Button onClick={applyCodes} disabled={!passage} loading={apply.isPending}>
                  {t('evalCoding.applyCodes')}
                </Button>
              </Stack>
            </Paper>
            {selected && (
              <SelectedCoding
                studyId={studyId}
                coding={selected}
                codes={codes}
                onRemoved={() => setSelectedId(null)}
              />
            )}
          </Stack>
        </Grid.Col>
      </Grid>

      <Section title={t('evalCoding.codingsTitle')} id="codings">
        {visible.length === 0 ? (
          <Text>{t('evalCoding.noCodings')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table striped>
              <caption style={{ captionSide: 'top', textAlign: 'left', fontWeight: 700 }}>
                {t('evalCoding.codingsCaption')}
              </caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('evalCoding.code')}</Table.Th>
                  <Table.Th scope="col">{t('evalCoding.text')}</Table.Th>
                  <Table.Th scope="col">{t('evalCoding.coder')}</Table.Th>
                  <Table.Th scope="col">
                    <VisuallyHidden>{t('evalCoding.select')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {visible.map((c) => {
                  const code = codeById.get(c.codeId);
                  return (
                    <Table.Tr key={c.id} bg={c.id === selectedId ? 'blue.0' : undefined}>
                      <Table.Td>
                        <Group gap={6} wrap="nowrap">
                          <Swatch colour={codeColour(code)} />
                          {code?.name}
                        </Group>
                      </Table.Td>
                      <Table.Td>{excerpt(c.text)}</Table.Td>
                      <Table.Td>{c.coderName}</Table.Td>
                      <Table.Td>
                        <Button
                          size="xs"
                          variant="default"
                          aria-pressed={c.id === selectedId}
                          aria-label={t('evalCoding.selectCoding', {
                            code: code?.name ?? '',
                            text: excerpt(c.text, 60),
                          })}
                          onClick={() => {
                            setSelectedId(c.id);
                            if (c.end <= positions.codePointLength)
                              transcript.current?.reveal(positions.toUnit(c.start));
                          }}
                        >
                          {t('evalCoding.select')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Section>

      <SpeakerTurns studyId={studyId} source={source} codes={codes} />

      <Section title={t('evalCoding.memos.title')} id="memos">
        <Tabs defaultValue="source" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="source">{t('evalCoding.memos.source')}</Tabs.Tab>
            <Tabs.Tab value="case">{t('evalCoding.memos.case')}</Tabs.Tab>
            <Tabs.Tab value="coding">{t('evalCoding.memos.coding')}</Tabs.Tab>
            <Tabs.Tab value="code">{t('evalCoding.memos.code')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="source" pt="md">
            <MemoPanel studyId={studyId} memos={memos} targetKind="source" targetId={source.id} />
          </Tabs.Panel>
          <Tabs.Panel value="case" pt="md">
            {source.caseId ? (
              <MemoPanel studyId={studyId} memos={memos} targetKind="case" targetId={source.caseId} />
            ) : (
              <Text>{t('evalCoding.memos.noCase')}</Text>
            )}
          </Tabs.Panel>
          <Tabs.Panel value="coding" pt="md">
            {selected ? (
              <MemoPanel studyId={studyId} memos={memos} targetKind="coding" targetId={selected.id} />
            ) : (
              <Text>{t('evalCoding.memos.noCoding')}</Text>
            )}
          </Tabs.Panel>
          <Tabs.Panel value="code" pt="md">
            {selected ? (
              <MemoPanel studyId={studyId} memos={memos} targetKind="code" targetId={selected.codeId} />
            ) : (
              <Text>{t('evalCoding.memos.noCoding')}</Text>
            )}
          </Tabs.Panel>
        </Tabs>
      </Section>
    </Page>
  );
}

function SelectedCoding({
  studyId,
  coding,
  codes,
  onRemoved,
}: {
  studyId: string;
  coding: Coding;
  codes: Code[];
  onRemoved: () => void;
}) {
  const { t } = useTranslation();
  const remove = useRemoveCoding(studyId);
  const recode = useRecode(studyId);
  const [to, setTo] = useState<string | null>(null);
  const code = codes.find((c) => c.id === coding.codeId);
  const options = codeTree(codes)
    .filter((n) => n.code.codable && n.code.id !== coding.codeId)
    .map((n) => ({ value: n.code.id, label: `${'— '.repeat(n.depth)}${n.code.name}` }));
  return (
    <Paper withBorder p="md" radius="md" aria-labelledby="selected-coding-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="selected-coding-title">
          {t('evalCoding.selected')}
        </Title>
        <Group gap={6}>
          <Swatch colour={codeColour(code)} />
          <Text fw={600}>{code?.name}</Text>
          {coding.coderName && (
            <Text c="dimmed" fz="sm">
              · {coding.coderName}
            </Text>
          )}
        </Group>
        <Text fz="sm" style={{ whiteSpace: 'pre-wrap', maxHeight: 140, overflowY: 'auto' }}>
          {excerpt(coding.text, 600)}
        </Text>
        <FormErrorAlert error={remove.error ?? recode.error} />
        <Group align="flex-end" gap="xs">
          <Select
            label={t('evalCoding.recodeTo')}
            data={options}
            value={to}
            onChange={setTo}
            searchable
            size="sm"
            style={{ flex: 1 }}
          />
          <Button
            variant="default"
            disabled={!to}
            loading={recode.isPending}
            onClick={() =>
              to &&
              recode.mutate(
                { id: coding.id, codeId: to, start: coding.start, end: coding.end },
                { onSuccess: () => notifySuccess(t('evalCoding.recoded')) },
              )
            }
          >
            {t('evalCoding.recode')}
          </Button>
        </Group>
        <Button
          color="red"
          variant="light"
          loading={remove.isPending}
          onClick={() =>
            remove.mutate(coding.id, {
              onSuccess: () => {
                notifySuccess(t('evalCoding.removed'));
                onRemoved();
              },
            })
          }
        >
          {t('evalCoding.remove')}
        </Button>
      </Stack>
    </Paper>
  );
}

function SpeakerTurns({
  studyId,
  source,
  codes,
}: {
  studyId: string;
  source: NonNullable<ReturnType<typeof useSource>['data']>;
  codes: Code[];
}) {
  const { t } = useTranslation();
  const apply = useApplyCodes(studyId);
  const [speaker, setSpeaker] = useState<string | null>(null);
  const [code, setCode] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const speakers = [...new Set(source.turns.map((x) => x.speaker))];
  const options = codeTree(codes)
    .filter((n) => n.code.codable)
    .map((n) => ({ value: n.code.id, label: `${'— '.repeat(n.depth)}${n.code.name}` }));
  async function run() {
    if (!speaker || !code) return;
    setBusy(true);
    setDone(null);
    const turns = source.turns.filter((x) => x.speaker === speaker && x.end > x.start);
    try {
      for (const turn of turns)
        await apply.mutateAsync({ sourceId: source.id, codeIds: [code], start: turn.start, end: turn.end });
      setDone(t('evalCoding.turns.done', { count: turns.length }));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Section title={t('evalCoding.turns.title')} id="turns">
      {speakers.length === 0 ? (
        <Text>{t('evalCoding.turns.none')}</Text>
      ) : (
        <Stack gap="sm" maw={640}>
          <Text>{t('evalCoding.turns.intro')}</Text>
          <Group align="flex-end">
            <Select
              label={t('evalCoding.turns.speaker')}
              data={speakers}
              value={speaker}
              onChange={setSpeaker}
            />
            <Select
              label={t('evalCoding.turns.code')}
              data={options}
              value={code}
              onChange={setCode}
              searchable
            />
            <Button variant="default" onClick={() => void run()} loading={busy} disabled={!speaker || !code}>
              {t('evalCoding.turns.apply')}
            </Button>
          </Group>
          <FormErrorAlert error={apply.error} />
          {done && (
            <Alert color="green" role="status">
              {done}
            </Alert>
          )}
        </Stack>
      )}
    </Section>
  );
}
