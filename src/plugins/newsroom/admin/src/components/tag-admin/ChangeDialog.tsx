import { Button, Flex, Loader, Modal } from '@strapi/design-system';
import type { ReactNode } from 'react';
import type { ApiFailure } from '../../utils/apiError';
import { useFailureText } from '../../hooks/useFailureText';
import { useMessage } from '../../hooks/useMessage';
import { Notice } from './Notice';

interface ChangeDialogProps {
  title: string;
  confirmLabel: string;
  danger?: boolean;
  /** The change's dry run (useDryRun): confirming waits for its answer. */
  dryRun: { checking: boolean; confirming: boolean; ready: boolean; error: ApiFailure | null };
  onConfirm(): void;
  onClose(): void;
  children: ReactNode;
}

/**
 * The frame of a tag change: its inputs and what the server's dry run says it
 * will do, in the server's words when it refuses, and a confirm button that
 * waits for that answer.
 */
export const ChangeDialog = ({ title, confirmLabel, danger, dryRun, onConfirm, onClose, children }: ChangeDialogProps) => {
  const message = useMessage();
  const failure = useFailureText();
  return (
    <Modal.Root open onOpenChange={(open) => !open && !dryRun.confirming && onClose()}>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>{title}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            {children}
            {dryRun.checking && <Loader small>{message('tagAdmin.dryRun.checking', 'Checking what this will do…')}</Loader>}
            {dryRun.error && (
              <Notice variant="danger" title={message('tagAdmin.error.title', 'The server refused')} data-testid="change-error">
                {failure(dryRun.error)}
              </Notice>
            )}
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary" disabled={dryRun.confirming}>
              {message('tagAdmin.dialog.cancel', 'Cancel')}
            </Button>
          </Modal.Close>
          <Button variant={danger ? 'danger' : 'default'} disabled={!dryRun.ready} loading={dryRun.confirming} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
