import { useRef, useState, type FormEvent } from 'react';
import { Alert, Button, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck, IconInfoCircle, IconLock } from '@tabler/icons-react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { useAnswerQuestionnaire, useQuestionnaire, type Questionnaire } from '../../api/markers';
import { BareLayout } from '../../app/BareLayout';
import { LoadingState } from '../../components/states';
import { errorText } from '../../lib/errors';
import { formatNumber } from '../../lib/format';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useLocale } from '../../lib/useLocale';
import classes from './Questionnaire.module.css';

const SCALE = ['1', '2', '3', '4', '5'] as const;

/**
 * The public questionnaire behind an invitation link: no login, Danish first, ten statements on a
 * 1-5 scale, answered once. The server refuses a used link, an unknown one and a closed survey.
 */
export default function QuestionnairePage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const q = useQuestionnaire(token);
  const [done, setDone] = useState<'thanks' | 'answered' | 'closed' | null>(null);
  useDocumentTitle(t('markers.q.title'));

  const content = () => {
    if (q.isPending) return <LoadingState />;
    if (done === 'thanks')
      return (
        <Outcome icon="ok" title={t('markers.q.thanksTitle')}>
          {t('markers.q.thanksText')}
        </Outcome>
      );
    if (q.isError) {
      const e = q.error;
      if (isApiError(e) && (e.status === 404 || e.status === 400))
        return <Outcome title={t('markers.q.notFoundTitle')}>{t('markers.q.notFoundText')}</Outcome>;
      if (isApiError(e) && e.status === 429)
        return <Outcome title={t('markers.q.rateLimitedTitle')}>{errorText(e)}</Outcome>;
      return (
        <Outcome title={t('common.errorTitle')} retry={() => void q.refetch()}>
          {errorText(e)}
        </Outcome>
      );
    }
    const d = q.data;
    if (done === 'answered' || d.answered)
      return (
        <Outcome icon="lock" title={t('markers.q.answeredTitle')}>
          {t('markers.q.answeredText')}
        </Outcome>
      );
    if (done === 'closed' || d.closed)
      return (
        <Outcome icon="lock" title={t('markers.q.closedTitle')}>
          {t('markers.q.closedText')}
        </Outcome>
      );
    return <QuestionnaireForm token={token} q={d} onDone={setDone} />;
  };

  return <BareLayout>{content()}</BareLayout>;
}

function Outcome({
  title,
  children,
  icon = 'info',
  retry,
}: {
  title: string;
  children: string;
  icon?: 'ok' | 'lock' | 'info';
  retry?: () => void;
}) {
  const { t } = useTranslation();
  const Icon = icon === 'ok' ? IconCircleCheck : icon === 'lock' ? IconLock : IconInfoCircle;
  return (
    <Paper withBorder p="xl" radius="md" role="status">
      <Stack gap="sm" align="flex-start">
        <Icon size={32} aria-hidden="true" color="var(--mantine-color-petrol-7)" />
        <Title order={1} size="h2">
          {title}
        </Title>
        <Text>{children}</Text>
        {retry && (
          <Button variant="default" onClick={retry}>
            {t('common.retry')}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}

function QuestionnaireForm({
  token,
  q,
  onDone,
}: {
  token: string;
  q: Questionnaire;
  onDone: (d: 'thanks' | 'answered' | 'closed') => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const answer = useAnswerQuestionnaire(token);
  const [scores, setScores] = useState<Record<string, number>>({});
  const [tried, setTried] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const missing = q.statements.filter((s) => !scores[s.key]);
  const total = q.statements.length;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (missing.length > 0) {
      // The first unanswered statement gets the focus, so it can be answered at once.
      const first = document.querySelector<HTMLInputElement>(`input[name="${missing[0]!.key}"]`);
      first?.focus();
      return;
    }
    answer.mutate(scores, {
      onSuccess: () => onDone('thanks'),
      onError: (err) => {
        if (isApiError(err) && err.code === 'questionnaire_already_answered') onDone('answered');
        else if (isApiError(err) && err.code === 'questionnaire_closed') onDone('closed');
        else window.setTimeout(() => summary.current?.focus(), 0);
      },
    });
  };

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('markers.q.title')}</Title>
        <Text fw={600}>
          {q.planName} · {q.surveyTitle}
        </Text>
      </Stack>
      <Text>{t('markers.q.intro', { group: q.groupLabel[locale], plan: q.planName, period: q.period })}</Text>
      <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden="true" />}>
        {t('markers.q.anonymous')}
      </Alert>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <Text id="scale-help">
            {t('markers.q.scaleHelp', { min: q.scale.minLabel[locale], max: q.scale.maxLabel[locale] })}
          </Text>
          {q.statements.map((s, i) => {
            const err = tried && !scores[s.key];
            const errId = `err-${s.key}`;
            return (
              <fieldset
                key={s.key}
                className={classes.fieldset}
                data-error={err || undefined}
                aria-describedby={err ? errId : undefined}
              >
                <legend className={classes.legend}>
                  <span className={classes.number}>{t('markers.q.statement', { n: i + 1, total })}</span>
                  <span className={classes.text}>{s.text[locale]}</span>
                </legend>
                <div className={classes.scale}>
                  {SCALE.map((v) => {
                    const id = `${s.key}-${v}`;
                    return (
                      <label key={v} htmlFor={id} className={classes.option}>
                        <input
                          type="radio"
                          id={id}
                          name={s.key}
                          value={v}
                          checked={scores[s.key] === Number(v)}
                          onChange={() => setScores((all) => ({ ...all, [s.key]: Number(v) }))}
                          className={classes.radio}
                        />
                        <span className={classes.value}>{v}</span>
                        <span className={classes.label}>{t(`markers.q.scaleValues.${v}`)}</span>
                      </label>
                    );
                  })}
                </div>
                {err && (
                  <Text id={errId} size="sm" c="red.9" mt={6}>
                    {t('markers.q.missingField')}
                  </Text>
                )}
              </fieldset>
            );
          })}
          {tried && missing.length > 0 && (
            <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden="true" />} role="alert">
              {t('markers.q.missing', {
                count: missing.length,
                formatted: formatNumber(missing.length, locale),
              })}
            </Alert>
          )}
          {answer.error != null && (
            <Alert
              ref={summary}
              tabIndex={-1}
              color="red"
              variant="light"
              title={t('common.saveFailed')}
              icon={<IconAlertCircle aria-hidden="true" />}
              role="alert"
            >
              <Text size="sm">{errorText(answer.error)}</Text>
              {isApiError(answer.error) && answer.error.details.length > 0 && (
                <List size="sm" mt="xs">
                  {answer.error.details.map((d) => (
                    <List.Item key={d.path + d.message}>{d.message}</List.Item>
                  ))}
                </List>
              )}
            </Alert>
          )}
          <Button type="submit" size="md" loading={answer.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('markers.q.submit')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
