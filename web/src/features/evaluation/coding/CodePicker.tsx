import { Box, Checkbox, Group, Stack, Text, TextInput } from '@mantine/core';
import { forwardRef, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Code } from './api';

/** The codebook as a tree, in sibling order, each code with its depth. */
export function codeTree(codes: Code[]): { code: Code; depth: number }[] {
  const children = new Map<string | null, Code[]>();
  for (const c of codes) {
    const key = c.parentId && codes.some((p) => p.id === c.parentId) ? c.parentId : null;
    children.set(key, [...(children.get(key) ?? []), c]);
  }
  const out: { code: Code; depth: number }[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const c of (children.get(parent) ?? []).sort((a, b) => a.sortOrder - b.sortOrder)) {
      out.push({ code: c, depth });
      walk(c.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/** A code's colour, or a grey for codes without one. */
export const codeColour = (c: Pick<Code, 'color'> | undefined) => c?.color ?? '#6B6B6B';

export function Swatch({ colour }: { colour: string }) {
  return (
    <Box
      component="span"
      aria-hidden="true"
      style={{
        display: 'inline-block',
        width: 12,
        height: 12,
        borderRadius: 3,
        background: colour,
        border: '1px solid #444',
        flex: 'none',
      }}
    />
  );
}

interface CodePickerProps {
  codes: Code[];
  value: string[];
  onChange: (ids: string[]) => void;
}

/**
 * The codebook as checkboxes, indented by level and with each code's colour; codes that cannot
 * be coded (groups) are headings. A filter narrows to matching codes and their parents. The
 * filter field takes the ref, so the transcript can send focus here with Enter.
 */
export const CodePicker = forwardRef<HTMLInputElement, CodePickerProps>(function CodePicker(
  { codes, value, onChange },
  ref,
) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const tree = useMemo(() => codeTree(codes), [codes]);
  const shown = useMemo(() => {
    const needle = q.trim().toLocaleLowerCase();
    if (!needle) return tree;
    const keep = new Set<string>();
    for (const c of codes)
      if (c.name.toLocaleLowerCase().includes(needle)) {
        for (let x: Code | undefined = c; x; x = codes.find((p) => p.id === x!.parentId)) keep.add(x.id);
      }
    return tree.filter((n) => keep.has(n.code.id));
  }, [q, tree, codes]);
  if (codes.length === 0) return <Text>{t('evalCoding.noCodes')}</Text>;
  return (
    <Stack gap="xs">
      <TextInput
        ref={ref}
        label={t('evalCoding.findCode')}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        size="sm"
      />
      <Box
        component="fieldset"
        style={{ border: 0, padding: 0, margin: 0, maxHeight: 320, overflowY: 'auto' }}
      >
        <Box component="legend" fw={600} fz="sm" mb={4}>
          {t('evalCoding.codes')}
        </Box>
        <Stack gap={6}>
          {shown.map(({ code, depth }) =>
            code.codable ? (
              <Checkbox
                key={code.id}
                ml={depth * 16}
                checked={value.includes(code.id)}
                onChange={(e) =>
                  onChange(
                    e.currentTarget.checked ? [...value, code.id] : value.filter((id) => id !== code.id),
                  )
                }
                label={
                  <Group gap={6} wrap="nowrap" component="span">
                    <Swatch colour={codeColour(code)} />
                    <span>{code.name}</span>
                  </Group>
                }
              />
            ) : (
              <Group key={code.id} gap={6} ml={depth * 16} wrap="nowrap">
                <Swatch colour={codeColour(code)} />
                <Text fz="sm" fw={600}>
                  {code.name}
                </Text>
              </Group>
            ),
          )}
        </Stack>
      </Box>
    </Stack>
  );
});
