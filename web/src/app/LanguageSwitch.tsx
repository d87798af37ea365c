import { Button } from '@mantine/core';
import { IconLanguage } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { meKey, saveLocale } from '../api/auth';
import type { Locale, Me } from '../api/types';
import { changeLocale } from '../i18n';

/** One click to the other language; remembered on this browser and, when logged in, on the account. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const next: Locale = i18n.language === 'en' ? 'da' : 'en';

  const onClick = async () => {
    await changeLocale(next);
    const me = qc.getQueryData<Me | null>(meKey);
    if (me) {
      try {
        qc.setQueryData(meKey, await saveLocale(next));
      } catch {
        // The language still changes on this browser; the account keeps its old choice.
      }
    }
  };

  return (
    <Button
      variant="subtle"
      size="sm"
      onClick={() => void onClick()}
      px={{ base: 6, sm: 'sm' }}
      leftSection={<IconLanguage size={18} aria-hidden="true" />}
      lang={t('app.switchLanguageLang')}
    >
      {t('app.switchLanguage')}
    </Button>
  );
}
