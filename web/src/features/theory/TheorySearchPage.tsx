import { useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconArrowRight, IconSearch } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useTheorySearch, type TocNodeKind } from '../../api/theories';
import { Page } from '../../components/Page';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { formatNumber } from '../../lib/format';
import { useLocale } from '../../lib/useLocale';
import { KIND_LOOK } from './DiagramCanvas';
import { NODE_KINDS } from './model';

const FIELDS = ['kind', 'text', 'focusArea', 'fromText', 'toText'] as const;
type Field = (typeof FIELDS)[number];

const diagramLink = (planId: string, theoryId: string) => `/plans/${planId}/theory-of-change/${theoryId}`;

/** Forandringsteorier på tværs: nodes and pathways across every plan the user may read. */
export default function TheorySearchPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [params, setParams] = useSearchParams();
  const query = Object.fromEntries(FIELDS.map((f) => [f, params.get(f) ?? ''])) as Record<Field, string>;
  const [form, setForm] = useState(query);
  const asked = FIELDS.some((f) => query[f] !== '');
  const search = useTheorySearch(
    {
      kind: (query.kind || undefined) as TocNodeKind | undefined,
      text: query.text || undefined,
      focusArea: query.focusArea || undefined,
      fromText: query.fromText || undefined,
      toText: query.toText || undefined,
    },
    asked,
  );
  const n = (v: number) => formatNumber(v, locale);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const next = new URLSearchParams();
    for (const f of FIELDS) if (form[f].trim()) next.set(f, form[f].trim());
    setParams(next);
  };
  const field = (f: Field) => ({
    value: form[f],
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
      setForm({ ...form, [f]: e.currentTarget.value }),
  });

  const pathways = Boolean(query.fromText && query.toText);
  const data = search.data;

  return (
    <Page title={t('theory.search.title')} crumbs={[]} intro={t('theory.search.intro')}>
      <form onSubmit={submit} role="search" aria-label={t('theory.search.title')}>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Paper withBorder p="md" radius="md">
            <Stack gap="xs">
              <Title order={2} size="h5">
                {t('theory.search.nodes')}
              </Title>
              <NativeSelect
                label={t('theory.search.kind')}
                {...field('kind')}
                data={[
                  { value: '', label: t('theory.search.anyKind') },
                  ...NODE_KINDS.map((k) => ({ value: k, label: t(`theory.kinds.${k}`) })),
                ]}
              />
              <TextInput label={t('theory.search.text')} {...field('text')} />
              <TextInput
                label={t('theory.search.focusArea')}
                description={t('theory.search.focusAreaHelp')}
                {...field('focusArea')}
              />
            </Stack>
          </Paper>
          <Paper withBorder p="md" radius="md">
            <Stack gap="xs">
              <Title order={2} size="h5">
                {t('theory.search.pathways')}
              </Title>
              <Text size="sm">{t('theory.search.pathwaysHelp')}</Text>
              <TextInput label={t('theory.search.fromText')} {...field('fromText')} />
              <TextInput label={t('theory.search.toText')} {...field('toText')} />
            </Stack>
          </Paper>
        </SimpleGrid>
        <Group mt="md">
          <Button
            type="submit"
            leftSection={<IconSearch size={18} aria-hidden="true" />}
            loading={search.isFetching}
          >
            {t('theory.search.submit')}
          </Button>
        </Group>
      </form>

      {!asked ? (
        <EmptyState title={t('theory.search.start')} />
      ) : search.isPending ? (
        <LoadingState label={t('theory.search.searching')} />
      ) : search.isError ? (
        <ErrorState error={search.error} onRetry={() => void search.refetch()} />
      ) : (
        data && (
          <Stack gap="lg" aria-live="polite">
            {data.truncated && (
              <Alert color="yellow" variant="light">
                {t('theory.search.truncated')}
              </Alert>
            )}
            {pathways && (
              <Stack gap="xs" component="section" aria-labelledby="toc-paths">
                <Title order={2} size="h4" id="toc-paths">
                  {t('theory.search.pathsResult', {
                    count: data.paths.length,
                    formatted: n(data.paths.length),
                  })}
                </Title>
                {data.paths.length === 0 ? (
                  <Text>{t('theory.search.noPaths')}</Text>
                ) : (
                  <ol style={{ margin: 0, paddingLeft: 20 }}>
                    {data.paths.map((p, i) => (
                      <li key={i} style={{ marginBottom: 12 }}>
                        <Text size="sm" mb={4}>
                          <Anchor component={Link} to={diagramLink(p.planId, p.theoryId)}>
                            {t('theory.search.pathIn', { diagram: p.theoryTitle, plan: p.planName })}
                          </Anchor>
                        </Text>
                        <Group
                          gap={6}
                          component="ol"
                          aria-label={t('theory.search.pathLabel', {
                            diagram: p.theoryTitle,
                            plan: p.planName,
                            steps: p.nodes.map((x) => x.label).join(' → '),
                          })}
                          style={{ listStyle: 'none', padding: 0, margin: 0 }}
                        >
                          {p.nodes.map((x, j) => (
                            <Group gap={6} component="li" key={`${x.nodeId}-${j}`} wrap="nowrap">
                              {j > 0 && <IconArrowRight size={16} aria-hidden="true" />}
                              <KindChip kind={x.kind} label={x.label} />
                            </Group>
                          ))}
                        </Group>
                      </li>
                    ))}
                  </ol>
                )}
              </Stack>
            )}
            {(!pathways || data.nodes.length > 0) && (
              <Stack gap="xs" component="section" aria-labelledby="toc-nodes">
                <Title order={2} size="h4" id="toc-nodes">
                  {t('theory.search.nodesResult', {
                    count: data.nodes.length,
                    formatted: n(data.nodes.length),
                  })}
                </Title>
                {data.nodes.length === 0 ? (
                  <Text>{t('theory.search.noNodes')}</Text>
                ) : (
                  <Table.ScrollContainer minWidth={640}>
                    <Table withTableBorder striped verticalSpacing="xs">
                      <caption className="visually-hidden">{t('theory.search.caption')}</caption>
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th>{t('theory.search.element')}</Table.Th>
                          <Table.Th>{t('theory.search.kind')}</Table.Th>
                          <Table.Th>{t('theory.search.diagram')}</Table.Th>
                          <Table.Th>{t('theory.search.plan')}</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {data.nodes.map((x) => (
                          <Table.Tr key={`${x.theoryId}-${x.nodeId}`}>
                            <Table.Th scope="row" fw={500}>
                              {x.label}
                            </Table.Th>
                            <Table.Td>{t(`theory.kinds.${x.kind}`)}</Table.Td>
                            <Table.Td>
                              <Anchor component={Link} to={diagramLink(x.planId, x.theoryId)}>
                                {x.theoryTitle}
                              </Anchor>
                            </Table.Td>
                            <Table.Td>
                              <Anchor component={Link} to={`/plans/${x.planId}`}>
                                {x.planName}
                              </Anchor>
                            </Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                )}
              </Stack>
            )}
          </Stack>
        )
      )}
    </Page>
  );
}

/** A node in a pathway: its kind in words and its box's look, then its text. */
function KindChip({ kind, label }: { kind: TocNodeKind; label: string }) {
  const { t } = useTranslation();
  const look = KIND_LOOK[kind];
  return (
    <Badge
      variant="outline"
      radius="sm"
      size="lg"
      style={{
        textTransform: 'none',
        background: look.fill,
        borderColor: look.stroke,
        borderStyle: look.dash ? 'dashed' : 'solid',
        color: '#1a1a1a',
        fontWeight: 500,
        height: 'auto',
        whiteSpace: 'normal',
        paddingBlock: 4,
      }}
    >
      <Text span size="xs" fw={700} c={look.stroke} mr={6}>
        {t(`theory.kinds.${kind}`)}:
      </Text>
      {label}
    </Badge>
  );
}
