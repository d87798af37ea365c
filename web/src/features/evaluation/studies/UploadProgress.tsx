import { Progress, Stack, Text } from '@mantine/core';

/** A file on its way: the share sent, then what the server does with it; announced as it changes. */
export function UploadProgress({
  sent,
  label,
  sending,
  reading,
}: {
  /** 0-1 of the file sent. */
  sent: number;
  label: string;
  sending: (percent: number) => string;
  reading: string;
}) {
  return (
    <Stack gap={4} role="status" aria-live="polite">
      <Progress value={sent * 100} animated={sent >= 1} aria-label={label} />
      <Text size="sm">{sent < 1 ? sending(Math.round(sent * 100)) : reading}</Text>
    </Stack>
  );
}
