import { TextInput, type TextInputProps } from '@mantine/core';
import { IconCalendar } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDate, parseDateInput } from '../lib/format';

interface DateFieldProps extends Omit<TextInputProps, 'value' | 'onChange'> {
  /** What the person typed (shown as is until it reads as a date). */
  value: string;
  onChange: (value: string) => void;
}

/** A date typed as dd-mm-åååå (ISO also accepted); tidied to dd-mm-åååå when the field is left. */
export function DateField({ value, onChange, description, ...rest }: DateFieldProps) {
  const { t } = useTranslation();
  return (
    <TextInput
      {...rest}
      value={value}
      inputMode="numeric"
      autoComplete="off"
      description={description ?? t('common.dateFormatHint')}
      leftSection={<IconCalendar size={16} aria-hidden="true" />}
      onChange={(e) => onChange(e.currentTarget.value)}
      onBlur={(e) => {
        const iso = parseDateInput(value);
        if (iso) onChange(formatDate(iso));
        rest.onBlur?.(e);
      }}
    />
  );
}
