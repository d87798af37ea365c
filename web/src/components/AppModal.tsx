import type { ReactNode } from 'react';
import { Modal } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface AppModalProps {
  opened: boolean;
  onClose: () => void;
  title: string;
  size?: string;
  centered?: boolean;
  children: ReactNode;
}

// Mantine draws a modal's header as <header>, which reads as a second page banner; a div does not.
const divHeader = { component: 'div' } as object;

/** A dialog with a named close button and no extra banner landmark. */
export function AppModal({ opened, onClose, title, size = 'lg', centered, children }: AppModalProps) {
  const { t } = useTranslation();
  return (
    <Modal.Root opened={opened} onClose={onClose} size={size} centered={centered}>
      <Modal.Overlay />
      <Modal.Content>
        <Modal.Header {...divHeader}>
          <Modal.Title fw={700} fz="lg">
            {title}
          </Modal.Title>
          <Modal.CloseButton aria-label={t('common.close')} />
        </Modal.Header>
        <Modal.Body>{children}</Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
}
