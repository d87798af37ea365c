import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { Button, Group, NativeSelect, Paper, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconLink, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Selection } from './DiagramCanvas';
import {
  NODE_KINDS,
  groupByKind,
  isChainKind,
  newId,
  placeNew,
  type Action,
  type Diagram,
  type DiagramEdge,
  type DiagramNode,
  type NodeKind,
  type NodeLink,
} from './model';
import classes from './outline.module.css';

export interface LinkOption {
  type: NodeLink['type'];
  id: string;
  label: string;
}

interface Props {
  diagram: Diagram;
  editable: boolean;
  selection: Selection;
  onSelect: (s: Selection) => void;
  dispatch: (action: Action, said?: string) => boolean;
  linkOptions: LinkOption[];
  statusOf: (n: DiagramNode) => string | null;
}

/** After a delete the button pressed is gone; the outline's heading keeps the keyboard's place. */
const focusOutline = () => document.getElementById('toc-outline')?.focus();

const linkValue = (l: NodeLink | null) => (l ? `${l.type}:${l.id}` : '');
const parseLink = (v: string): NodeLink | null => {
  const i = v.indexOf(':');
  if (i < 0) return null;
  return { type: v.slice(0, i) as NodeLink['type'], id: v.slice(i + 1) };
};

/**
 * The diagram as lists and forms, for the keyboard and screen readers: every change the canvas
 * makes by mouse can be made here (add, rename, change kind, link, connect with a rationale,
 * delete), and each change is announced.
 */
export function DiagramOutline({
  diagram,
  editable,
  selection,
  onSelect,
  dispatch,
  linkOptions,
  statusOf,
}: Props) {
  const { t } = useTranslation();
  // The inspector's first field takes focus when the outline (not the mouse) chose what it shows,
  // and again after a change made there, so the keyboard stays where the work is.
  const [focusToken, setFocusToken] = useState(0);
  const [handledToken, setHandledToken] = useState(0);
  const focus: FocusRequest = {
    shouldFocus: focusToken !== handledToken,
    onFocused: () => setHandledToken(focusToken),
    request: () => setFocusToken((n) => n + 1),
  };
  const selectedNode =
    selection?.type === 'node' ? diagram.nodes.find((n) => n.id === selection.id) : undefined;
  const selectedEdge =
    selection?.type === 'edge' ? diagram.edges.find((e) => e.id === selection.id) : undefined;
  const label = (id: string) => diagram.nodes.find((n) => n.id === id)?.label ?? id;

  const linkData = useMemo(
    () => [
      { value: '', label: t('theory.editor.noLink') },
      ...(['activity', 'goal', 'indicator'] as const)
        .map((type) => ({
          group: t(`theory.editor.linkGroups.${type}`),
          items: linkOptions
            .filter((o) => o.type === type)
            .map((o) => ({ value: `${o.type}:${o.id}`, label: o.label })),
        }))
        .filter((g) => g.items.length > 0),
    ],
    [linkOptions, t],
  );

  const select = (s: Selection) => {
    onSelect(s);
    focus.request();
  };

  return (
    <Stack gap="md">
      {editable && (
        <Paper withBorder p="sm" radius="md" component="section" aria-labelledby="toc-inspector">
          <Title order={3} size="h5" id="toc-inspector" mb="xs">
            {selectedEdge ? t('theory.editor.selectedEdge') : t('theory.editor.selected')}
          </Title>
          {selectedNode ? (
            <NodeForm
              key={`${selectedNode.id}|${selectedNode.label}|${selectedNode.kind}|${linkValue(selectedNode.link)}|${selectedNode.description ?? ''}`}
              node={selectedNode}
              linkData={linkData}
              dispatch={dispatch}
              onDeleted={() => onSelect(null)}
              focus={focus}
            />
          ) : selectedEdge ? (
            <EdgeForm
              key={`${selectedEdge.id}|${selectedEdge.rationale}`}
              edge={selectedEdge}
              fromLabel={label(selectedEdge.from)}
              toLabel={label(selectedEdge.to)}
              dispatch={dispatch}
              onDeleted={() => onSelect(null)}
              focus={focus}
            />
          ) : (
            <Text size="sm">{t('theory.editor.nothingSelected')}</Text>
          )}
        </Paper>
      )}
      {editable && <AddNodeForm diagram={diagram} linkData={linkData} dispatch={dispatch} />}
      {editable && diagram.nodes.length > 1 && <ConnectForm diagram={diagram} dispatch={dispatch} />}
      <Paper withBorder p="sm" radius="md" component="section" aria-labelledby="toc-outline">
        <Title order={3} size="h5" id="toc-outline" tabIndex={-1}>
          {t('theory.editor.outline')}
        </Title>
        <Text size="sm" mb="xs">
          {editable ? t('theory.editor.outlineHelp') : t('theory.editor.outlineHelpReadOnly')}
        </Text>
        {diagram.nodes.length === 0 ? (
          <Text size="sm">{t('theory.editor.noNodes')}</Text>
        ) : (
          <OutlineGroups
            diagram={diagram}
            editable={editable}
            selectedId={selection?.id ?? null}
            select={select}
            dispatch={dispatch}
            statusOf={statusOf}
          />
        )}
      </Paper>
    </Stack>
  );
}

const OutlineGroups = memo(function OutlineGroups({
  diagram,
  editable,
  selectedId,
  select,
  dispatch,
  statusOf,
}: {
  diagram: Diagram;
  editable: boolean;
  selectedId: string | null;
  select: (s: Selection) => void;
  dispatch: Props['dispatch'];
  statusOf: Props['statusOf'];
}) {
  const { t, i18n } = useTranslation();
  const groups = useMemo(() => groupByKind(diagram, i18n.language), [diagram, i18n.language]);
  const byId = useMemo(() => new Map(diagram.nodes.map((n) => [n.id, n])), [diagram.nodes]);
  const outgoing = useMemo(() => {
    const m = new Map<string, DiagramEdge[]>();
    for (const e of diagram.edges) m.set(e.from, [...(m.get(e.from) ?? []), e]);
    return m;
  }, [diagram.edges]);
  // Long groups start closed, so a large diagram's outline stays quick to read and to render.
  const [open, setOpen] = useState<Record<string, boolean>>({});
  const isOpen = (kind: NodeKind, count: number) => open[kind] ?? count <= 25;

  return (
    <Stack gap="xs">
      {groups.map(({ kind, nodes }) => (
        <details
          key={kind}
          open={isOpen(kind, nodes.length)}
          onToggle={(e) => {
            const now = (e.currentTarget as HTMLDetailsElement).open;
            if (now !== isOpen(kind, nodes.length)) setOpen((o) => ({ ...o, [kind]: now }));
          }}
          className={classes.group}
        >
          <summary className={classes.summary}>
            {t(`theory.kindsPlural.${kind}`)} ({nodes.length})
          </summary>
          {isOpen(kind, nodes.length) &&
            (nodes.length === 0 ? (
              <Text size="sm" c="dimmed" pl="md">
                {t('theory.editor.groupEmpty')}
              </Text>
            ) : (
              <ul className={classes.list} aria-label={t(`theory.kindsPlural.${kind}`)}>
                {nodes.map((n) => {
                  const status = statusOf(n);
                  const out = outgoing.get(n.id) ?? [];
                  return (
                    <li key={n.id} className={n.id === selectedId ? classes.selected : undefined}>
                      <div className={classes.row}>
                        <span className={classes.label}>
                          {n.label}
                          {status && <span className={classes.status}> · {status}</span>}
                        </span>
                        {editable && (
                          <button
                            type="button"
                            className={classes.button}
                            onClick={() => select({ type: 'node', id: n.id })}
                            aria-label={t('theory.editor.edit', { label: n.label })}
                          >
                            {t('common.edit')}
                          </button>
                        )}
                        {editable && (
                          <button
                            type="button"
                            className={classes.danger}
                            onClick={() => {
                              dispatch(
                                { type: 'deleteNode', id: n.id },
                                t('theory.editor.announce.deleted', { label: n.label }),
                              );
                              focusOutline();
                            }}
                            aria-label={t('theory.editor.remove', { label: n.label })}
                          >
                            {t('common.delete')}
                          </button>
                        )}
                      </div>
                      {out.length > 0 && (
                        <ul
                          className={classes.edges}
                          aria-label={`${t('theory.editor.leadsTo')}: ${n.label}`}
                        >
                          {out.map((e) => {
                            const to = byId.get(e.to)?.label ?? e.to;
                            return (
                              <li key={e.id} className={e.id === selectedId ? classes.selected : undefined}>
                                <span className={classes.label}>
                                  → {to}
                                  {e.rationale && <span className={classes.status}> · {e.rationale}</span>}
                                </span>
                                {editable && (
                                  <>
                                    <button
                                      type="button"
                                      className={classes.button}
                                      onClick={() => select({ type: 'edge', id: e.id })}
                                      aria-label={t('theory.editor.edit', {
                                        label: t('theory.editor.edgeText', { from: n.label, to }),
                                      })}
                                    >
                                      {t('common.edit')}
                                    </button>
                                    <button
                                      type="button"
                                      className={classes.danger}
                                      onClick={() => {
                                        dispatch(
                                          { type: 'deleteEdge', id: e.id },
                                          t('theory.editor.announce.edgeDeleted', { from: n.label, to }),
                                        );
                                        focusOutline();
                                      }}
                                      aria-label={t('theory.editor.remove', {
                                        label: t('theory.editor.edgeText', { from: n.label, to }),
                                      })}
                                    >
                                      {t('common.delete')}
                                    </button>
                                  </>
                                )}
                              </li>
                            );
                          })}
                        </ul>
                      )}
                    </li>
                  );
                })}
              </ul>
            ))}
        </details>
      ))}
    </Stack>
  );
});

type LinkData = (
  { value: string; label: string } | { group: string; items: { value: string; label: string }[] }
)[];

interface FocusRequest {
  shouldFocus: boolean;
  onFocused: () => void;
  request: () => void;
}

function useFocusOn<T extends HTMLElement>(focus: FocusRequest) {
  const ref = useRef<T>(null);
  const { shouldFocus, onFocused } = focus;
  useEffect(() => {
    if (!shouldFocus) return;
    ref.current?.focus();
    onFocused();
  }, [shouldFocus, onFocused]);
  return ref;
}

function NodeForm({
  node,
  linkData,
  dispatch,
  onDeleted,
  focus,
}: {
  node: DiagramNode;
  linkData: LinkData;
  dispatch: Props['dispatch'];
  onDeleted: () => void;
  focus: FocusRequest;
}) {
  const { t } = useTranslation();
  const [label, setLabel] = useState(node.label);
  const [description, setDescription] = useState(node.description ?? '');
  const [kind, setKind] = useState<NodeKind>(node.kind);
  const [link, setLink] = useState(linkValue(node.link));
  const ref = useFocusOn<HTMLInputElement>(focus);
  const linkable = isChainKind(kind);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    focus.request();
    dispatch(
      {
        type: 'updateNode',
        id: node.id,
        patch: {
          label: label.trim(),
          description: description.trim() || undefined,
          kind,
          link: linkable ? parseLink(link) : null,
        },
      },
      t('theory.editor.announce.updated', { label: label.trim() }),
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <TextInput
          ref={ref}
          label={t('theory.editor.label')}
          value={label}
          onChange={(e) => setLabel(e.currentTarget.value)}
          required
        />
        <NativeSelect
          label={t('theory.editor.kind')}
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value as NodeKind)}
          data={NODE_KINDS.map((k) => ({ value: k, label: t(`theory.kinds.${k}`) }))}
        />
        <NativeSelect
          label={t('theory.editor.link')}
          description={linkable ? t('theory.editor.linkHelp') : t('theory.editor.linkNotAllowed')}
          value={linkable ? link : ''}
          onChange={(e) => setLink(e.currentTarget.value)}
          data={linkData}
          disabled={!linkable}
          leftSection={<IconLink size={16} aria-hidden="true" />}
        />
        <Textarea
          label={t('theory.editor.description')}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          autosize
          minRows={1}
          maxRows={4}
        />
        <Group gap="xs">
          <Button type="submit" size="xs">
            {t('theory.editor.applyChanges')}
          </Button>
          <Button
            size="xs"
            variant="outline"
            color="red.9"
            leftSection={<IconTrash size={14} aria-hidden="true" />}
            onClick={() => {
              if (
                dispatch(
                  { type: 'deleteNode', id: node.id },
                  t('theory.editor.announce.deleted', { label: node.label }),
                )
              )
                onDeleted();
            }}
          >
            {t('theory.editor.deleteNode')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function EdgeForm({
  edge,
  fromLabel,
  toLabel,
  dispatch,
  onDeleted,
  focus,
}: {
  edge: DiagramEdge;
  fromLabel: string;
  toLabel: string;
  dispatch: Props['dispatch'];
  onDeleted: () => void;
  focus: FocusRequest;
}) {
  const { t } = useTranslation();
  const [rationale, setRationale] = useState(edge.rationale);
  const ref = useFocusOn<HTMLTextAreaElement>(focus);
  const text = t('theory.editor.edgeText', { from: fromLabel, to: toLabel });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        dispatch(
          { type: 'updateEdge', id: edge.id, rationale: rationale.trim() },
          t('theory.editor.announce.updated', { label: text }),
        );
      }}
      noValidate
    >
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          {text}
        </Text>
        <Textarea
          ref={ref}
          label={t('theory.editor.rationale')}
          description={t('theory.editor.rationaleHelp')}
          value={rationale}
          onChange={(e) => setRationale(e.currentTarget.value)}
          autosize
          minRows={2}
          maxRows={6}
        />
        <Group gap="xs">
          <Button type="submit" size="xs">
            {t('common.save')}
          </Button>
          <Button
            size="xs"
            variant="outline"
            color="red.9"
            leftSection={<IconTrash size={14} aria-hidden="true" />}
            onClick={() => {
              if (
                dispatch(
                  { type: 'deleteEdge', id: edge.id },
                  t('theory.editor.announce.edgeDeleted', { from: fromLabel, to: toLabel }),
                )
              )
                onDeleted();
            }}
          >
            {t('theory.editor.deleteEdge')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function AddNodeForm({
  diagram,
  linkData,
  dispatch,
}: {
  diagram: Diagram;
  linkData: LinkData;
  dispatch: Props['dispatch'];
}) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<NodeKind>('activity');
  const [label, setLabel] = useState('');
  const [link, setLink] = useState('');
  const linkable = isChainKind(kind);
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-labelledby="toc-add">
      <Title order={3} size="h5" id="toc-add" mb="xs">
        {t('theory.editor.addNode')}
      </Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const node: DiagramNode = {
            id: newId('n', diagram.nodes),
            kind,
            label: label.trim(),
            ...placeNew(diagram, kind),
            link: linkable ? parseLink(link) : null,
          };
          const said = t('theory.editor.announce.added', {
            label: node.label,
            kind: t(`theory.kinds.${kind}`),
          });
          if (dispatch({ type: 'addNode', node }, said)) {
            setLabel('');
            setLink('');
          }
        }}
        noValidate
      >
        <Stack gap="xs">
          <NativeSelect
            label={t('theory.editor.kind')}
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value as NodeKind)}
            data={NODE_KINDS.map((k) => ({ value: k, label: t(`theory.kinds.${k}`) }))}
          />
          <TextInput
            label={t('theory.editor.label')}
            value={label}
            onChange={(e) => setLabel(e.currentTarget.value)}
            required
          />
          {linkable && (
            <NativeSelect
              label={t('theory.editor.link')}
              description={t('theory.editor.linkHelp')}
              value={link}
              onChange={(e) => setLink(e.currentTarget.value)}
              data={linkData}
            />
          )}
          <Group>
            <Button type="submit" size="xs" leftSection={<IconPlus size={14} aria-hidden="true" />}>
              {t('theory.editor.addNode')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function ConnectForm({ diagram, dispatch }: { diagram: Diagram; dispatch: Props['dispatch'] }) {
  const { t, i18n } = useTranslation();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [rationale, setRationale] = useState('');
  const options = useMemo(
    () => [
      { value: '', label: t('theory.editor.chooseNode') },
      ...groupByKind(diagram, i18n.language)
        .filter((g) => g.nodes.length > 0)
        .map((g) => ({
          group: t(`theory.kindsPlural.${g.kind}`),
          items: g.nodes.map((n) => ({ value: n.id, label: n.label })),
        })),
    ],
    [diagram, t, i18n.language],
  );
  const label = (id: string) => diagram.nodes.find((n) => n.id === id)?.label ?? id;
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-labelledby="toc-connect">
      <Title order={3} size="h5" id="toc-connect" mb="xs">
        {t('theory.editor.connect')}
      </Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!from || !to) return;
          const edge = { id: newId('e', diagram.edges), from, to, rationale: rationale.trim() };
          if (
            dispatch(
              { type: 'connect', edge },
              t('theory.editor.announce.connected', { from: label(from), to: label(to) }),
            )
          ) {
            setTo('');
            setRationale('');
          }
        }}
        noValidate
      >
        <Stack gap="xs">
          <NativeSelect
            label={t('theory.editor.from')}
            value={from}
            onChange={(e) => setFrom(e.currentTarget.value)}
            data={options}
          />
          <NativeSelect
            label={t('theory.editor.to')}
            value={to}
            onChange={(e) => setTo(e.currentTarget.value)}
            data={options}
          />
          <Textarea
            label={t('theory.editor.rationale')}
            description={t('theory.editor.rationaleHelp')}
            value={rationale}
            onChange={(e) => setRationale(e.currentTarget.value)}
            autosize
            minRows={1}
            maxRows={4}
          />
          <Group>
            <Button type="submit" size="xs" disabled={!from || !to}>
              {t('theory.editor.addEdge')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
