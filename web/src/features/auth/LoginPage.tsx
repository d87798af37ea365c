import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertCircle, IconInfoCircle } from '@tabler/icons-react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { clearSessionExpired, useLogin, useMe, wasSessionExpired } from '../../api/auth';
import { BareLayout } from '../../app/BareLayout';
import { changeLocale, storedLocale } from '../../i18n';
import { errorText, fieldErrors } from '../../lib/errors';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { LoadingState } from '../../components/states';

/** Only paths inside the app, so a crafted link cannot send the user elsewhere. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export default function LoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const me = useMe();
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [expired] = useState(wasSessionExpired);
  useEffect(() => clearSessionExpired(), []);
  useDocumentTitle(t('auth.title'));
  const next = safeNext(params.get('next'));

  if (me.isPending) {
    return (
      <BareLayout>
        <LoadingState />
      </BareLayout>
    );
  }
  if (me.data && !login.isPending && !login.isSuccess) return <Navigate to={next} replace />;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate(
      { email, password },
      {
        onSuccess: async (m) => {
          // The account's language applies unless this browser already chose one.
          if (!storedLocale() && m.user.locale) await changeLocale(m.user.locale, false);
          void navigate(next, { replace: true });
        },
      },
    );
  };
  const errors = fieldErrors(login.error);

  return (
    <BareLayout>
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1}>{t('auth.title')}</Title>
          <Text c="dimmed">{t('app.tagline')}</Text>
        </Stack>
        <Paper withBorder p="xl" radius="md" component="form" onSubmit={onSubmit} noValidate>
          <Stack gap="md">
            {expired && !login.error && (
              <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden="true" />} role="status">
                {t('auth.sessionExpired')}
              </Alert>
            )}
            <Text>{t('auth.intro')}</Text>
            {login.error && (
              <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden="true" />} role="alert">
                {errorText(login.error)}
              </Alert>
            )}
            <TextInput
              label={t('auth.email')}
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={errors.email}
              autoFocus
            />
            <PasswordInput
              label={t('auth.password')}
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={errors.password}
            />
            <Button type="submit" loading={login.isPending} fullWidth>
              {t('auth.submit')}
            </Button>
          </Stack>
        </Paper>
      </Stack>
    </BareLayout>
  );
}
