import { notifications } from '@mantine/notifications';
import i18n from 'i18next';

/** A short confirmation in the corner; its close button has a name. */
export function notifySuccess(message: string): void {
  notifications.show({
    message,
    color: 'green',
    withBorder: true,
    closeButtonProps: { 'aria-label': i18n.t('common.close') },
  });
}
