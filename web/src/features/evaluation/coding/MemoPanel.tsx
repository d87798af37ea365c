import { ActionIcon, Button, Group, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../../components/FormErrorAlert';
import { formatDateTime } from '../../../lib/format';
import { notifySuccess } from '../../../lib/notify';
import { useRemoveMemo, useSaveMemo, type Memo } from './api';

/** The memos on one target (a transcript, a case, a coding, a code) and a form to add one. */
export function MemoPanel({
  studyId,
  memos,
  targetKind,
  targetId,
}: {
  studyId: string;
  memos: Memo[];
  targetKind: Memo['targetKind'];
  targetId: string;
}) {
  const { t } = useTranslation();
  const save = useSaveMemo(studyId);
  const remove = useRemoveMemo(studyId);
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [editing, setEditing] = useState<Memo | null>(null);
  const reset = () => {
    setTitle('');
    setText('');
    setEditing(null);
  };
  const mine = memos.filter((m) => m.targetKind === targetKind && m.targetId === targetId);
  return (
    <Stack gap="sm">
      {mine.length === 0 ? (
        <Text c="dimmed">{t('evalCoding.memos.none')}</Text>
      ) : (
        mine.map((m) => (
          <Paper key={m.id} withBorder p="sm" radius="sm">
            <Stack gap={4}>
              <Title order={4} size="h6">
                {m.title}
              </Title>
              <Text style={{ whiteSpace: 'pre-wrap' }}>{m.text}</Text>
              <Text fz="xs" c="dimmed">
                {formatDateTime(m.updatedAt)}
              </Text>
              <Group gap="xs">
                <ActionIcon
                  variant="subtle"
                  aria-label={t('evalCoding.memos.edit', { title: m.title })}
                  onClick={() => {
                    setEditing(m);
                    setTitle(m.title);
                    setText(m.text);
                  }}
                >
                  <IconPencil size={16} aria-hidden="true" />
                </ActionIcon>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('evalCoding.memos.remove', { title: m.title })}
                  onClick={() => remove.mutate(m.id, { onSuccess: () => editing?.id === m.id && reset() })}
                >
                  <IconTrash size={16} aria-hidden="true" />
                </ActionIcon>
              </Group>
            </Stack>
          </Paper>
        ))
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(
            editing
              ? { id: editing.id, title, text, version: editing.version }
              : { targetKind, targetId, title, text },
            {
              onSuccess: () => {
                reset();
                notifySuccess(t('evalCoding.memos.added'));
              },
            },
          );
        }}
      >
        <Stack gap="xs">
          <FormErrorAlert error={save.error} />
          <TextInput
            label={t('evalCoding.memos.heading')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            required
          />
          <Textarea
            label={t('evalCoding.memos.text')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            autosize
            minRows={2}
            required
          />
          <Group gap="xs">
            <Button type="submit" variant="default" loading={save.isPending}>
              {editing ? t('evalCoding.memos.save') : t('evalCoding.memos.add')}
            </Button>
            {editing && (
              <Button variant="subtle" onClick={reset}>
                {t('evalCoding.memos.cancel')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
