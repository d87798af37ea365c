import { useState } from 'react';
import {
  ActionIcon,
  Badge,
  Box,
  Button,
  Checkbox,
  ColorInput,
  Group,
  Menu,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import {
  IconArrowMoveRight,
  IconArrowsJoin,
  IconDots,
  IconNote,
  IconPencil,
  IconPlus,
  IconTrash,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DeleteDialog } from '../../../components/ConfirmDialog';
import { Section } from '../../../components/Section';
import { EmptyState, ErrorState, LoadingState } from '../../../components/states';
import { fieldErrors } from '../../../lib/errors';
import { notifySuccess } from '../../../lib/notify';
import { FormModal } from '../../admin/FormModal';
import {
  useCodes,
  useDeleteCode,
  useDeleteMemo,
  useMemos,
  useMergeCode,
  useMoveCode,
  useSaveCode,
  useSaveMemo,
  type MemoOutValue,
  type StudyCodeOut,
} from '../api';
import { StudyShell } from './StudyShell';

type Dialog =
  | { kind: 'new'; parentId: string | null }
  | { kind: 'edit'; code: StudyCodeOut }
  | { kind: 'move'; code: StudyCodeOut }
  | { kind: 'merge'; code: StudyCodeOut }
  | { kind: 'delete'; code: StudyCodeOut }
  | { kind: 'memo'; code: StudyCodeOut; memo?: MemoOutValue }
  | { kind: 'deleteMemo'; memo: MemoOutValue };

/** /evaluation/studies/:studyId/codebook: the hierarchical codebook with memos on codes. */
export default function StudyCodebookPage() {
  return <StudyShell tab="codebook">{(s) => <Codebook studyId={s.id} />}</StudyShell>;
}

const SWATCHES = [
  '#1F77B4',
  '#2CA02C',
  '#9467BD',
  '#8C564B',
  '#17BECF',
  '#2E7D32',
  '#C62828',
  '#E65100',
  '#6A1B9A',
];

/** Codes in tree order with their depth. */
function flatten(codes: StudyCodeOut[]): { code: StudyCodeOut; depth: number }[] {
  const out: { code: StudyCodeOut; depth: number }[] = [];
  const walk = (parentId: string | null, depth: number) => {
    for (const c of codes.filter((x) => x.parentId === parentId).sort((a, b) => a.sortOrder - b.sortOrder)) {
      out.push({ code: c, depth });
      walk(c.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

function descendantsOf(codes: StudyCodeOut[], id: string): Set<string> {
  const out = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const c of codes)
      if (c.parentId && out.has(c.parentId) && !out.has(c.id)) {
        out.add(c.id);
        grew = true;
      }
  }
  return out;
}

function Codebook({ studyId }: { studyId: string }) {
  const { t } = useTranslation();
  const codes = useCodes(studyId);
  const memos = useMemos(studyId);
  const removeCode = useDeleteCode(studyId);
  const removeMemo = useDeleteMemo(studyId);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  if (codes.isPending) return <LoadingState />;
  if (codes.isError) return <ErrorState error={codes.error} onRetry={() => void codes.refetch()} />;
  const all = codes.data.items;
  const tree = flatten(all);
  const memosOf = (codeId: string) =>
    (memos.data?.items ?? []).filter((m) => m.targetKind === 'code' && m.targetId === codeId);
  const close = () => setDialog(null);

  return (
    <Section
      title={t('evalStudies.codebook.title')}
      id="codebook"
      actions={
        <Button
          leftSection={<IconPlus size={18} aria-hidden="true" />}
          onClick={() => setDialog({ kind: 'new', parentId: null })}
        >
          {t('evalStudies.codebook.add')}
        </Button>
      }
    >
      <Text size="sm" c="dimmed">
        {t('evalStudies.codebook.intro')}
      </Text>
      {tree.length === 0 ? (
        <EmptyState title={t('evalStudies.codebook.emptyTitle')} headingOrder={3}>
          {t('evalStudies.codebook.emptyText')}
        </EmptyState>
      ) : (
        <Box
          component="ul"
          aria-label={t('evalStudies.codebook.treeLabel')}
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
        >
          {tree.map(({ code: c, depth }) => (
            <Box
              component="li"
              key={c.id}
              pl={depth * 24}
              py={6}
              style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
              data-testid={`code-${c.name}`}
            >
              <Group justify="space-between" wrap="nowrap" gap="sm">
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Group gap={8} wrap="nowrap">
                    <Box
                      aria-hidden="true"
                      w={14}
                      h={14}
                      style={{
                        borderRadius: 3,
                        flexShrink: 0,
                        background: c.color ?? 'transparent',
                        border: c.color ? '1px solid var(--mantine-color-gray-6)' : 'none',
                      }}
                    />
                    <Text fw={depth === 0 ? 700 : 500}>{c.name}</Text>
                    {!c.codable && (
                      <Badge variant="light" color="gray" style={{ textTransform: 'none' }}>
                        {t('evalStudies.codebook.headerOnly')}
                      </Badge>
                    )}
                    <Text size="sm" c="dimmed">
                      {t('evalStudies.codebook.codings', { count: c.codingCount })}
                    </Text>
                  </Group>
                  {c.description && (
                    <Text size="sm" c="dimmed">
                      {c.description}
                    </Text>
                  )}
                  {memosOf(c.id).map((m) => (
                    <Group key={m.id} gap={6} wrap="nowrap">
                      <IconNote size={14} aria-hidden="true" />
                      <Text size="sm">
                        <Text span fw={600} size="sm">
                          {m.title}
                        </Text>
                        {': '}
                        {m.text}
                      </Text>
                      <ActionIcon
                        variant="subtle"
                        size="sm"
                        aria-label={t('common.editItem', { name: m.title })}
                        onClick={() => setDialog({ kind: 'memo', code: c, memo: m })}
                      >
                        <IconPencil size={14} aria-hidden="true" />
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        size="sm"
                        color="red.9"
                        aria-label={t('common.deleteItem', { name: m.title })}
                        onClick={() => setDialog({ kind: 'deleteMemo', memo: m })}
                      >
                        <IconTrash size={14} aria-hidden="true" />
                      </ActionIcon>
                    </Group>
                  ))}
                </Stack>
                <Menu position="bottom-end" withinPortal>
                  <Menu.Target>
                    <ActionIcon
                      variant="subtle"
                      size="lg"
                      aria-label={t('evalStudies.codebook.actionsFor', { name: c.name })}
                    >
                      <IconDots size={18} aria-hidden="true" />
                    </ActionIcon>
                  </Menu.Target>
                  <Menu.Dropdown>
                    <Menu.Item
                      leftSection={<IconPlus size={16} aria-hidden="true" />}
                      onClick={() => setDialog({ kind: 'new', parentId: c.id })}
                    >
                      {t('evalStudies.codebook.addChild', { name: c.name })}
                    </Menu.Item>
                    <Menu.Item
                      leftSection={<IconPencil size={16} aria-hidden="true" />}
                      onClick={() => setDialog({ kind: 'edit', code: c })}
                    >
                      {t('common.editItem', { name: c.name })}
                    </Menu.Item>
                    <Menu.Item
                      leftSection={<IconArrowMoveRight size={16} aria-hidden="true" />}
                      onClick={() => setDialog({ kind: 'move', code: c })}
                    >
                      {t('evalStudies.codebook.move', { name: c.name })}
                    </Menu.Item>
                    <Menu.Item
                      leftSection={<IconArrowsJoin size={16} aria-hidden="true" />}
                      onClick={() => setDialog({ kind: 'merge', code: c })}
                    >
                      {t('evalStudies.codebook.merge', { name: c.name })}
                    </Menu.Item>
                    <Menu.Item
                      leftSection={<IconNote size={16} aria-hidden="true" />}
                      onClick={() => setDialog({ kind: 'memo', code: c })}
                    >
                      {t('evalStudies.codebook.memoAdd', { name: c.name })}
                    </Menu.Item>
                    <Menu.Item
                      color="red.9"
                      leftSection={<IconTrash size={16} aria-hidden="true" />}
                      onClick={() => setDialog({ kind: 'delete', code: c })}
                    >
                      {t('common.deleteItem', { name: c.name })}
                    </Menu.Item>
                  </Menu.Dropdown>
                </Menu>
              </Group>
            </Box>
          ))}
        </Box>
      )}
      {dialog?.kind === 'new' && (
        <CodeForm studyId={studyId} codes={all} parentId={dialog.parentId} onClose={close} />
      )}
      {dialog?.kind === 'edit' && (
        <CodeForm studyId={studyId} codes={all} code={dialog.code} onClose={close} />
      )}
      {dialog?.kind === 'move' && (
        <MoveForm studyId={studyId} codes={all} code={dialog.code} onClose={close} />
      )}
      {dialog?.kind === 'merge' && (
        <MergeForm studyId={studyId} codes={all} code={dialog.code} onClose={close} />
      )}
      {dialog?.kind === 'memo' && (
        <MemoForm studyId={studyId} code={dialog.code} memo={dialog.memo} onClose={close} />
      )}
      {dialog?.kind === 'delete' && (
        <DeleteDialog
          title={t('common.deleteItem', { name: dialog.code.name })}
          name={dialog.code.name}
          id={dialog.code.id}
          remove={removeCode}
          onClose={close}
        >
          {t('evalStudies.codebook.deleteText')}
        </DeleteDialog>
      )}
      {dialog?.kind === 'deleteMemo' && (
        <DeleteDialog
          title={t('common.deleteItem', { name: dialog.memo.title })}
          name={dialog.memo.title}
          id={dialog.memo.id}
          remove={removeMemo}
          onClose={close}
        />
      )}
    </Section>
  );
}

function codeOptions(codes: StudyCodeOut[], exclude: Set<string>) {
  return flatten(codes)
    .filter(({ code }) => !exclude.has(code.id))
    .map(({ code, depth }) => ({ value: code.id, label: `${'– '.repeat(depth)}${code.name}` }));
}

function CodeForm({
  studyId,
  codes,
  code,
  parentId,
  onClose,
}: {
  studyId: string;
  codes: StudyCodeOut[];
  code?: StudyCodeOut;
  parentId?: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveCode(studyId);
  const [name, setName] = useState(code?.name ?? '');
  const [description, setDescription] = useState(code?.description ?? '');
  const [color, setColor] = useState(code?.color ?? '');
  const [codable, setCodable] = useState(code?.codable ?? true);
  const [parent, setParent] = useState<string | null>(parentId ?? null);
  const [local, setLocal] = useState<Record<string, string>>({});
  const errors = { ...fieldErrors(save.error), ...local };
  const onSubmit = () => {
    if (!name.trim()) return setLocal({ name: t('common.required') });
    setLocal({});
    const base = {
      name: name.trim(),
      description: description.trim() || null,
      color: color.trim() ? color.trim().toUpperCase() : null,
      codable,
    };
    save.mutate(
      { id: code?.id, input: code ? { ...base, version: code.version } : { ...base, parentId: parent } },
      {
        onSuccess: (saved) => {
          notifySuccess(t(code ? 'common.saved' : 'common.created', { name: saved.name }));
          onClose();
        },
      },
    );
  };
  return (
    <FormModal
      opened
      title={
        code ? t('evalStudies.codebook.editTitle', { name: code.name }) : t('evalStudies.codebook.newTitle')
      }
      onClose={onClose}
      onSubmit={onSubmit}
      saving={save.isPending}
      error={save.error}
      isPlaced={(p) => ['name', 'description', 'color', 'parentId'].includes(p)}
    >
      <TextInput
        label={t('evalStudies.codebook.name')}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={errors.name}
        required
        data-autofocus
      />
      <Textarea
        label={t('evalStudies.codebook.description')}
        value={description}
        onChange={(e) => setDescription(e.currentTarget.value)}
        error={errors.description}
        autosize
        minRows={2}
      />
      <ColorInput
        label={t('evalStudies.codebook.color')}
        placeholder={t('evalStudies.codebook.noColor')}
        format="hex"
        swatches={SWATCHES}
        value={color}
        onChange={setColor}
        error={errors.color}
      />
      {!code && (
        <Select
          label={t('evalStudies.codebook.parent')}
          data={[{ value: '', label: t('evalStudies.codebook.topLevel') }, ...codeOptions(codes, new Set())]}
          value={parent ?? ''}
          onChange={(v) => setParent(v || null)}
          searchable
          allowDeselect={false}
          error={errors.parentId}
        />
      )}
      <Checkbox
        label={t('evalStudies.codebook.codable')}
        checked={codable}
        onChange={(e) => setCodable(e.currentTarget.checked)}
      />
    </FormModal>
  );
}

function MoveForm({
  studyId,
  codes,
  code,
  onClose,
}: {
  studyId: string;
  codes: StudyCodeOut[];
  code: StudyCodeOut;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const move = useMoveCode(studyId);
  const [parent, setParent] = useState<string>(code.parentId ?? '');
  return (
    <FormModal
      opened
      title={t('evalStudies.codebook.moveTitle', { name: code.name })}
      onClose={onClose}
      onSubmit={() =>
        move.mutate(
          { id: code.id, parentId: parent || null },
          {
            onSuccess: () => {
              notifySuccess(t('evalStudies.codebook.moved', { name: code.name }));
              onClose();
            },
          },
        )
      }
      saving={move.isPending}
      error={move.error}
    >
      <Select
        label={t('evalStudies.codebook.moveTo')}
        data={[
          { value: '', label: t('evalStudies.codebook.topLevel') },
          ...codeOptions(codes, descendantsOf(codes, code.id)),
        ]}
        value={parent}
        onChange={(v) => setParent(v ?? '')}
        searchable
        allowDeselect={false}
        data-autofocus
      />
    </FormModal>
  );
}

function MergeForm({
  studyId,
  codes,
  code,
  onClose,
}: {
  studyId: string;
  codes: StudyCodeOut[];
  code: StudyCodeOut;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const merge = useMergeCode(studyId);
  const [into, setInto] = useState<string | null>(null);
  const [local, setLocal] = useState<string | undefined>();
  return (
    <FormModal
      opened
      title={t('evalStudies.codebook.mergeTitle', { name: code.name })}
      onClose={onClose}
      onSubmit={() => {
        if (!into) return setLocal(t('common.required'));
        merge.mutate(
          { id: code.id, intoId: into },
          {
            onSuccess: (r) => {
              notifySuccess(t('evalStudies.codebook.merged', { moved: r.moved, name: r.into.name }));
              onClose();
            },
          },
        );
      }}
      saving={merge.isPending}
      error={merge.error}
      submitLabel={t('evalStudies.codebook.mergeSubmit')}
    >
      <Text size="sm">{t('evalStudies.codebook.mergeIntro', { name: code.name })}</Text>
      <Select
        label={t('evalStudies.codebook.mergeInto')}
        data={codeOptions(codes, descendantsOf(codes, code.id))}
        value={into}
        onChange={setInto}
        searchable
        required
        error={local}
        data-autofocus
      />
    </FormModal>
  );
}

function MemoForm({
  studyId,
  code,
  memo,
  onClose,
}: {
  studyId: string;
  code: StudyCodeOut;
  memo?: MemoOutValue;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveMemo(studyId);
  const [title, setTitle] = useState(memo?.title ?? '');
  const [text, setText] = useState(memo?.text ?? '');
  const [local, setLocal] = useState<Record<string, string>>({});
  const errors = { ...fieldErrors(save.error), ...local };
  const onSubmit = () => {
    const problems: Record<string, string> = {};
    if (!title.trim()) problems.title = t('common.required');
    if (!text.trim()) problems.text = t('common.required');
    if (Object.keys(problems).length) return setLocal(problems);
    setLocal({});
    save.mutate(
      {
        id: memo?.id,
        input: memo
          ? { title: title.trim(), text: text.trim(), version: memo.version }
          : { targetKind: 'code', targetId: code.id, title: title.trim(), text: text.trim() },
      },
      {
        onSuccess: (m) => {
          notifySuccess(t(memo ? 'common.saved' : 'common.created', { name: m.title }));
          onClose();
        },
      },
    );
  };
  return (
    <FormModal
      opened
      title={
        memo
          ? t('evalStudies.codebook.memoEditTitle', { name: memo.title })
          : t('evalStudies.codebook.memoNewTitle', { name: code.name })
      }
      onClose={onClose}
      onSubmit={onSubmit}
      saving={save.isPending}
      error={save.error}
      isPlaced={(p) => p === 'title' || p === 'text'}
    >
      <TextInput
        label={t('evalStudies.codebook.memoTitle')}
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        error={errors.title}
        required
        data-autofocus
      />
      <Textarea
        label={t('evalStudies.codebook.memoText')}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        error={errors.text}
        autosize
        minRows={4}
        required
      />
    </FormModal>
  );
}
