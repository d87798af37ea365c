import { ActionIcon, Button, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
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
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t('evalCoding.memos.remove', { title: m.title })}
                onClick={() => remove.mutate(m.id)}
              >
                <IconTrash size={16} aria-hidden="true" />
              </ActionIcon>
            </Stack>
          </Paper>
        ))
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(
            { targetKind, targetId, title, text },
            {
              onSuccess: () => {
                setTitle('');
                setText('');
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
          <Button
            type="submit"
            variant="default"
            loading={save.isPending}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('evalCoding.memos.add')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
