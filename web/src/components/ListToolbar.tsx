import { useEffect, useState, type ReactNode } from 'react';
import { Group, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

interface ListToolbarProps {
  q: string;
  onSearch: (q: string) => void;
  count: string;
  placeholder?: string;
  /** Wait this long after typing before searching (for server searches). */
  debounceMs?: number;
  children?: ReactNode;
}

/** Search box, the list's count, and its export buttons. */
export function ListToolbar({ q, onSearch, count, placeholder, debounceMs = 0, children }: ListToolbarProps) {
  const { t } = useTranslation();
  const [value, setValue] = useState(q);
  const [lastQ, setLastQ] = useState(q);
  if (q !== lastQ) {
    // The URL changed (back button, a link): show what it says.
    setLastQ(q);
    setValue(q);
  }
  useEffect(() => {
    if (value === q) return;
    const timer = setTimeout(() => onSearch(value), debounceMs);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value, debounceMs]);

  return (
    <Group justify="space-between" align="flex-end" gap="md">
      <Group align="flex-end" gap="md">
        <TextInput
          type="search"
          label={t('common.search')}
          placeholder={placeholder ?? t('common.searchHint')}
          value={value}
          onChange={(e) => setValue(e.currentTarget.value)}
          leftSection={<IconSearch size={16} aria-hidden="true" />}
          w={320}
          maw="100%"
        />
        <Text fw={600} role="status" aria-live="polite" pb={6}>
          {count}
        </Text>
      </Group>
      {children}
    </Group>
  );
}
