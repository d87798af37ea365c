import type { ReactNode } from 'react';
import { SimpleGrid, Text } from '@mantine/core';

export interface Fact {
  label: string;
  value: ReactNode;
}

/** Label–value pairs as a description list. */
export function Facts({ items, cols = 3 }: { items: Fact[]; cols?: number }) {
  return (
    <SimpleGrid component="dl" cols={{ base: 1, sm: 2, md: cols }} spacing="md" verticalSpacing="md" m={0}>
      {items.map((f) => (
        <div key={f.label}>
          <Text component="dt" size="sm" c="dimmed" fw={600}>
            {f.label}
          </Text>
          <Text component="dd" m={0}>
            {f.value}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}
