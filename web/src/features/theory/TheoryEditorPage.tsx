import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Menu,
  SegmentedControl,
  Grid,
  Stack,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import {
  IconArrowBackUp,
  IconArrowForwardUp,
  IconArrowLeft,
  IconDeviceFloppy,
  IconDownload,
  IconLayoutDistributeHorizontal,
  IconMaximize,
  IconZoomIn,
  IconZoomOut,
} from '@tabler/icons-react';
import { Link, useBlocker, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useResults } from '../../api/results';
import {
  theoryExportUrl,
  useSaveTheory,
  useTheory,
  type TheoryDetail,
  type TocLive,
} from '../../api/theories';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorState, LoadingState } from '../../components/states';
import { ExampleBadge } from '../../components/badges';
import { errorText } from '../../lib/errors';
import { formatNumber } from '../../lib/format';
import { notifySuccess } from '../../lib/notify';
import { useLocale } from '../../lib/useLocale';
import { NotFoundPage } from '../errors/ErrorPages';
import { usePlanContext } from '../plans/planTabs';
import { formatIndicatorNumber } from '../results/numbers';
import { DiagramCanvas, KIND_LOOK, type CanvasHandle, type Selection } from './DiagramCanvas';
import { DiagramOutline, type LinkOption } from './DiagramOutline';
import { layoutDiagram, type Direction } from './layout';
import {
  NODE_KINDS,
  canRedo,
  canUndo,
  perform,
  redo,
  startHistory,
  undo,
  type Action,
  type Diagram,
  type DiagramNode,
  type History,
  type Refusal,
} from './model';

/** Forandringsteori › one diagram: the canvas, the outline beside it, and saving. */
export default function TheoryEditorPage() {
  const { plan } = usePlanContext();
  const { theoryId = '' } = useParams();
  const query = useTheory(plan.id, theoryId);
  const [loads, setLoads] = useState(0);

  if (query.isPending) return <LoadingState />;
  if (query.isError) {
    if (query.error instanceof ApiError && query.error.status === 404) return <NotFoundPage />;
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  return (
    <Editor
      key={`${theoryId}-${loads}`}
      detail={query.data}
      onReload={() => void query.refetch().then(() => setLoads((n) => n + 1))}
    />
  );
}

const toDiagram = (d: TheoryDetail): Diagram => ({
  title: d.title,
  nodes: d.nodes.map(({ live: _live, ...n }) => ({ ...n, description: n.description || undefined })),
  edges: d.edges,
});

const fileName = (title: string, ext: string) =>
  `${title.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'forandringsteori'}.${ext}`;

function download(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function Editor({ detail, onReload }: { detail: TheoryDetail; onReload: () => void }) {
  const { plan } = usePlanContext();
  const { t } = useTranslation();
  const locale = useLocale();
  const editable = plan.canEdit;
  const results = useResults(plan.id);
  const save = useSaveTheory(plan.id, detail.id);
  const canvas = useRef<CanvasHandle>(null);

  const [history, setHistoryState] = useState<History>(() => startHistory(toDiagram(detail)));
  // The history as of the last change, so several changes in one event build on each other.
  const historyRef = useRef(history);
  const lastAction = useRef<Action['type'] | null>(null);
  const setHistory = useCallback((h: History) => {
    historyRef.current = h;
    setHistoryState(h);
  }, []);
  const [saved, setSaved] = useState<{
    diagram: Diagram;
    version: number;
    live: Map<string, TocLive | null>;
  }>(() => ({
    diagram: history.present,
    version: detail.version,
    live: new Map(detail.nodes.map((n) => [n.id, n.live])),
  }));
  const [selection, setSelection] = useState<Selection>(null);
  const [mode, setMode] = useState<'select' | 'connect'>('select');
  const [direction, setDirection] = useState<Direction>('RIGHT');
  const [layingOut, setLayingOut] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const [fitRequest, setFitRequest] = useState(0);
  const d = history.present;
  const dirty = d !== saved.diagram;

  const announce = useCallback((text: string) => {
    // Clearing first makes a screen reader read the same words again.
    setAnnouncement('');
    setTimeout(() => setAnnouncement(text), 30);
  }, []);

  const refusalText = useCallback((r: Refusal) => t(`theory.editor.refusals.${r}`), [t]);

  /** One change through the model; says why when it is refused. */
  const dispatch = useCallback(
    (action: Action, said?: string): boolean => {
      // Letters typed into the title one after another are one step to undo.
      const merge = action.type === 'setTitle' && lastAction.current === 'setTitle';
      lastAction.current = action.type;
      const r = perform(historyRef.current, action, undefined, merge);
      if (r.refusal) {
        setRefusal(refusalText(r.refusal));
        announce(refusalText(r.refusal));
        return false;
      }
      setHistory(r.history);
      setRefusal(null);
      if (said) announce(said);
      return true;
    },
    [announce, refusalText, setHistory],
  );

  const nodeLabel = useCallback((id: string) => d.nodes.find((n) => n.id === id)?.label ?? id, [d]);

  const doUndo = useCallback(() => {
    lastAction.current = null;
    setHistory(undo(historyRef.current));
    announce(t('theory.editor.announce.undone'));
  }, [announce, t, setHistory]);
  const doRedo = useCallback(() => {
    lastAction.current = null;
    setHistory(redo(historyRef.current));
    announce(t('theory.editor.announce.redone'));
  }, [announce, t, setHistory]);

  const deleteSelection = useCallback(() => {
    if (!selection || !editable) return;
    if (selection.type === 'node') {
      const label = nodeLabel(selection.id);
      if (dispatch({ type: 'deleteNode', id: selection.id }, t('theory.editor.announce.deleted', { label })))
        setSelection(null);
    } else {
      const e = d.edges.find((x) => x.id === selection.id);
      if (!e) return;
      const said = t('theory.editor.announce.edgeDeleted', { from: nodeLabel(e.from), to: nodeLabel(e.to) });
      if (dispatch({ type: 'deleteEdge', id: e.id }, said)) setSelection(null);
    }
  }, [selection, editable, nodeLabel, dispatch, t, d.edges]);

  // Ctrl+Z, Ctrl+Y (or Ctrl+Shift+Z) and Delete, except while typing in a field.
  useEffect(() => {
    if (!editable) return;
    const onKey = (e: KeyboardEvent) => {
      const el = e.target as HTMLElement | null;
      if (
        el &&
        (el.closest(
          'input:not([type=radio]):not([type=checkbox]), textarea, select, [contenteditable="true"]',
        ) ||
          el.isContentEditable)
      )
        return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (mod && key === 'z' && !e.shiftKey) {
        e.preventDefault();
        doUndo();
      } else if (mod && (key === 'y' || (key === 'z' && e.shiftKey))) {
        e.preventDefault();
        doRedo();
      } else if ((e.key === 'Delete' || e.key === 'Backspace') && selection && !mod) {
        e.preventDefault();
        deleteSelection();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [editable, doUndo, doRedo, deleteSelection, selection]);

  useEffect(() => {
    if (fitRequest > 0) canvas.current?.fit();
  }, [fitRequest]);

  // Unsaved changes are not lost by a click elsewhere in Pejling, nor by closing the tab.
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      editable && dirty && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (!editable || !dirty) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [editable, dirty]);

  // The plan's activities, goals and indicators a node may stand for.
  const linkOptions: LinkOption[] = useMemo(() => {
    const r = results.data;
    if (!r) return [];
    return [
      ...r.activities.map((a) => ({ type: 'activity' as const, id: a.id, label: a.name })),
      ...r.goals.map((g) => ({ type: 'goal' as const, id: g.id, label: g.title })),
      ...r.indicators.map((i) => ({ type: 'indicator' as const, id: i.id, label: i.name })),
    ];
  }, [results.data]);

  const liveText = useCallback(
    (live: TocLive): string => {
      switch (live.type) {
        case 'activity':
          return t(`results.activities.statuses.${live.status}`);
        case 'goal':
          return t(`theory.levels.${live.level}`);
        case 'indicator': {
          if (live.latestValue === null) return t('theory.editor.status.noData');
          const fmt = (v: number) => formatIndicatorNumber(live, v, locale, t('common.yes'), t('common.no'));
          const value =
            live.target === null
              ? t('theory.editor.status.valueNoTarget', { value: fmt(live.latestValue) })
              : t('theory.editor.status.value', { value: fmt(live.latestValue), target: fmt(live.target) });
          const track =
            live.onTrack === null
              ? ''
              : live.onTrack
                ? ` · ✓ ${t('theory.editor.status.onTrack')}`
                : ` · ! ${t('theory.editor.status.behind')}`;
          return value + track;
        }
        case 'missing':
          return t('theory.editor.status.missing');
      }
    },
    [t, locale],
  );

  /** A node's live state: as read with the diagram while its link is unchanged since. */
  const statusOf = useCallback(
    (n: DiagramNode): string | null => {
      if (!n.link) return null;
      const before = saved.diagram.nodes.find((x) => x.id === n.id);
      const live = saved.live.get(n.id);
      if (live && before?.link && before.link.type === n.link.type && before.link.id === n.link.id) {
        return liveText(live);
      }
      const opt = linkOptions.find((o) => o.type === n.link!.type && o.id === n.link!.id);
      return opt ? opt.label : null;
    },
    [saved, liveText, linkOptions],
  );

  const kindText = useCallback((k: DiagramNode['kind']) => t(`theory.kinds.${k}`), [t]);

  const onMove = useCallback(
    (id: string, x: number, y: number) => {
      dispatch({ type: 'moveNode', id, x, y }, t('theory.editor.announce.moved', { label: nodeLabel(id) }));
    },
    [dispatch, t, nodeLabel],
  );
  const onConnect = useCallback(
    (from: string, to: string) => {
      dispatch(
        { type: 'connect', edge: { id: newEdgeId(d), from, to, rationale: '' } },
        t('theory.editor.announce.connected', { from: nodeLabel(from), to: nodeLabel(to) }),
      );
    },
    [dispatch, t, nodeLabel, d],
  );
  const [connectFrom, setConnectFrom] = useState<string | null>(null);

  const doSave = () => {
    save.mutate(
      {
        version: saved.version,
        title: d.title,
        nodes: d.nodes.map((n) => ({ ...n, description: n.description || undefined })),
        edges: d.edges,
      },
      {
        onSuccess: (r) => {
          setSaved({ diagram: d, version: r.version, live: new Map(r.nodes.map((n) => [n.id, n.live])) });
          notifySuccess(t('theory.editor.saved'));
        },
      },
    );
  };

  const doLayout = async () => {
    setLayingOut(true);
    try {
      const positions = await layoutDiagram(d, direction);
      dispatch({ type: 'placeNodes', positions }, t('theory.editor.laidOut'));
      setFitRequest((n) => n + 1);
    } catch (e) {
      setRefusal(errorText(e));
    } finally {
      setLayingOut(false);
    }
  };

  const exportSvg = () => {
    const text = canvas.current?.svgText() ?? '';
    download(new Blob([text], { type: 'image/svg+xml' }), fileName(d.title, 'svg'));
  };
  const exportPng = () => {
    const text = canvas.current?.svgText() ?? '';
    const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
    const img = new Image();
    img.onload = () => {
      const w = img.naturalWidth || 1200;
      const h = img.naturalHeight || 800;
      // Twice the size for sharpness, but within what browsers can draw.
      const scale = Math.min(2, 12_000 / Math.max(w, h));
      const c = document.createElement('canvas');
      c.width = Math.round(w * scale);
      c.height = Math.round(h * scale);
      const ctx = c.getContext('2d');
      if (!ctx) return;
      ctx.drawImage(img, 0, 0, c.width, c.height);
      URL.revokeObjectURL(url);
      c.toBlob((b) => b && download(b, fileName(d.title, 'png')), 'image/png');
    };
    img.src = url;
  };

  const conflict = save.error instanceof ApiError && save.error.status === 409;
  const counts = { nodes: formatNumber(d.nodes.length, locale), edges: formatNumber(d.edges.length, locale) };
  const connectFromLabel = connectFrom ? nodeLabel(connectFrom) : null;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Stack gap={4}>
          <Anchor component={Link} to={`/plans/${plan.id}/theory-of-change`} size="sm">
            <Group gap={4} component="span">
              <IconArrowLeft size={16} aria-hidden="true" />
              {t('theory.editor.back')}
            </Group>
          </Anchor>
          <Group gap="xs">
            {editable ? (
              <TextInput
                label={t('theory.editor.titleField')}
                value={d.title}
                onChange={(e) => dispatch({ type: 'setTitle', title: e.currentTarget.value })}
                w={360}
              />
            ) : (
              <Text fw={700} size="lg" component="h2">
                {d.title}
              </Text>
            )}
            {detail.isExample && <ExampleBadge />}
          </Group>
        </Stack>
        {editable && (
          <Group gap="xs">
            <Badge variant="light" color={dirty ? 'orange' : 'green'} style={{ textTransform: 'none' }}>
              {dirty ? t('theory.editor.unsaved') : t('theory.editor.allSaved')}
            </Badge>
            <Tooltip label={t('theory.editor.undoHint')}>
              <Button
                variant="default"
                leftSection={<IconArrowBackUp size={18} aria-hidden="true" />}
                onClick={doUndo}
                disabled={!canUndo(history)}
                aria-keyshortcuts="Control+Z"
              >
                {t('theory.editor.undo')}
              </Button>
            </Tooltip>
            <Tooltip label={t('theory.editor.redoHint')}>
              <Button
                variant="default"
                leftSection={<IconArrowForwardUp size={18} aria-hidden="true" />}
                onClick={doRedo}
                disabled={!canRedo(history)}
                aria-keyshortcuts="Control+Y"
              >
                {t('theory.editor.redo')}
              </Button>
            </Tooltip>
            <Button
              leftSection={<IconDeviceFloppy size={18} aria-hidden="true" />}
              onClick={doSave}
              loading={save.isPending}
              disabled={!dirty}
            >
              {t('theory.editor.save')}
            </Button>
          </Group>
        )}
      </Group>

      {!editable && <Text size="sm">{t('theory.editor.readOnly')}</Text>}
      {conflict && (
        <Alert color="orange" variant="light" title={t('theory.editor.conflictTitle')} role="alert">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{errorText(save.error)}</Text>
            <Text size="sm">{t('theory.editor.conflictText')}</Text>
            <Button size="xs" variant="default" onClick={onReload}>
              {t('theory.editor.reload')}
            </Button>
          </Stack>
        </Alert>
      )}
      {save.isError && !conflict && (
        <Alert color="red" variant="light" title={t('theory.editor.saveFailed')} role="alert">
          <Text size="sm">{errorText(save.error)}</Text>
          {save.error instanceof ApiError &&
            save.error.details.map((x, i) => (
              <Text size="sm" key={i}>
                {x.message}
              </Text>
            ))}
        </Alert>
      )}
      {refusal && (
        <Alert
          color="red"
          variant="light"
          role="alert"
          withCloseButton
          onClose={() => setRefusal(null)}
          closeButtonLabel={t('common.close')}
        >
          {refusal}
        </Alert>
      )}

      <Grid gap="md" align="flex-start">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="xs">
            <Group justify="space-between" gap="xs">
              <Group gap="xs">
                {editable && (
                  <SegmentedControl
                    aria-label={t('theory.editor.modeLabel')}
                    value={mode}
                    onChange={(v) => setMode(v as 'select' | 'connect')}
                    data={[
                      { value: 'select', label: t('theory.editor.modeSelect') },
                      { value: 'connect', label: t('theory.editor.modeConnect') },
                    ]}
                    size="xs"
                  />
                )}
                <ActionIcon
                  variant="default"
                  aria-label={t('theory.editor.zoomIn')}
                  onClick={() => canvas.current?.zoom(1.25)}
                >
                  <IconZoomIn size={18} aria-hidden="true" />
                </ActionIcon>
                <ActionIcon
                  variant="default"
                  aria-label={t('theory.editor.zoomOut')}
                  onClick={() => canvas.current?.zoom(0.8)}
                >
                  <IconZoomOut size={18} aria-hidden="true" />
                </ActionIcon>
                <ActionIcon
                  variant="default"
                  aria-label={t('theory.editor.fit')}
                  onClick={() => canvas.current?.fit()}
                >
                  <IconMaximize size={18} aria-hidden="true" />
                </ActionIcon>
              </Group>
              <Group gap="xs">
                {editable && (
                  <>
                    <SegmentedControl
                      aria-label={t('theory.editor.direction')}
                      value={direction}
                      onChange={(v) => setDirection(v as Direction)}
                      data={[
                        { value: 'RIGHT', label: t('theory.editor.directionRight') },
                        { value: 'DOWN', label: t('theory.editor.directionDown') },
                      ]}
                      size="xs"
                    />
                    <Button
                      size="xs"
                      variant="default"
                      leftSection={
                        layingOut ? (
                          <Loader size={14} aria-hidden="true" />
                        ) : (
                          <IconLayoutDistributeHorizontal size={16} aria-hidden="true" />
                        )
                      }
                      onClick={() => void doLayout()}
                      disabled={layingOut || d.nodes.length === 0}
                    >
                      {t('theory.editor.layout')}
                    </Button>
                  </>
                )}
                <Menu position="bottom-end">
                  <Menu.Target>
                    <Button
                      size="xs"
                      variant="default"
                      leftSection={<IconDownload size={16} aria-hidden="true" />}
                    >
                      {t('theory.editor.export')}
                    </Button>
                  </Menu.Target>
                  <Menu.Dropdown>
                    <Menu.Item onClick={exportSvg}>{t('theory.editor.exportSvg')}</Menu.Item>
                    <Menu.Item onClick={exportPng}>{t('theory.editor.exportPng')}</Menu.Item>
                    <Menu.Item component="a" href={theoryExportUrl(plan.id, detail.id)} download>
                      {t('theory.editor.exportTable')}
                    </Menu.Item>
                  </Menu.Dropdown>
                </Menu>
              </Group>
            </Group>
            {layingOut && (
              <Group gap="xs" role="status">
                <Loader size="xs" aria-hidden="true" />
                <Text size="sm">{t('theory.editor.layingOut')}</Text>
              </Group>
            )}
            <Text size="sm" id="theory-canvas-help">
              {mode === 'connect'
                ? connectFromLabel
                  ? t('theory.editor.connectFrom', { label: connectFromLabel })
                  : t('theory.editor.connectHelp')
                : editable
                  ? t('theory.editor.canvasHelp')
                  : t('theory.editor.canvasHelpReadOnly')}
            </Text>
            <DiagramCanvas
              handle={canvas}
              diagram={d}
              statusText={statusOf}
              kindText={kindText}
              selection={selection}
              onSelect={setSelection}
              onMove={onMove}
              onConnect={onConnect}
              onConnectStart={setConnectFrom}
              mode={mode}
              editable={editable}
              label={t('theory.editor.canvasLabel', { title: d.title, ...counts })}
              describedBy="theory-canvas-help"
              height={d.nodes.length > 60 ? 900 : 600}
            />
            <Legend />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <DiagramOutline
            diagram={d}
            editable={editable}
            selection={selection}
            onSelect={(s) => {
              setSelection(s);
              if (s) canvas.current?.reveal(s.id);
              if (s?.type === 'node')
                announce(t('theory.editor.announce.selected', { label: nodeLabel(s.id) }));
            }}
            dispatch={dispatch}
            linkOptions={linkOptions}
            statusOf={statusOf}
          />
        </Grid.Col>
      </Grid>
      <ConfirmDialog
        opened={blocker.state === 'blocked'}
        title={t('theory.editor.leaveTitle')}
        confirmLabel={t('theory.editor.leave')}
        onConfirm={() => blocker.proceed?.()}
        onClose={() => blocker.reset?.()}
      >
        {t('theory.editor.leaveText')}
      </ConfirmDialog>
      <div role="status" aria-live="polite" className="visually-hidden">
        {announcement}
      </div>
    </Stack>
  );
}

function newEdgeId(d: Diagram): string {
  const used = new Set(d.edges.map((e) => e.id));
  for (let i = d.edges.length + 1; ; i++) {
    const id = `e-${Date.now().toString(36)}-${i}`;
    if (!used.has(id)) return id;
  }
}

/** What each box means: colour, border and the kind's name, so colour is never the only cue. */
function Legend() {
  const { t } = useTranslation();
  return (
    <Group
      gap="md"
      component="ul"
      aria-label={t('theory.editor.legend')}
      style={{ listStyle: 'none', padding: 0, margin: 0 }}
    >
      {NODE_KINDS.map((k) => {
        const look = KIND_LOOK[k];
        return (
          <Group gap={6} component="li" key={k}>
            <svg width="28" height="16" aria-hidden="true">
              <rect
                x="1"
                y="1"
                width="26"
                height="14"
                rx={k === 'impact' ? 6 : 2}
                fill={look.fill}
                stroke={look.stroke}
                strokeWidth="1.5"
                strokeDasharray={look.dash}
              />
            </svg>
            <Text size="sm">{t(`theory.kinds.${k}`)}</Text>
          </Group>
        );
      })}
    </Group>
  );
}
