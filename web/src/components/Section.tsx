import type { ReactNode } from 'react';
import { Group, Paper, Stack, Title } from '@mantine/core';

interface SectionProps {
  title: string;
  id: string;
  actions?: ReactNode;
  children: ReactNode;
  order?: 2 | 3;
}

/** A titled card on a page; its heading names the region. */
export function Section({ title, id, actions, children, order = 2 }: SectionProps) {
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby={id}>
      <Stack gap="md">
        <Group justify="space-between" align="center">
          <Title order={order} size="h4" id={id}>
            {title}
          </Title>
          {actions}
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}
