import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { CloudUpload } from '@strapi/icons';
import { useRef, useState, type DragEvent } from 'react';
import { useIntl } from 'react-intl';
import { styled } from 'styled-components';
import { getTranslation } from '../../utils/getTranslation';
import { formatBytes } from '../../utils/readDocument';

const Zone = styled(Box)<{ $active: boolean }>`
  border: 1px dashed ${({ theme, $active }) => ($active ? theme.colors.primary600 : theme.colors.neutral300)};
  background: ${({ theme, $active }) => ($active ? theme.colors.primary100 : theme.colors.neutral100)};
`;

interface FileDropZoneProps {
  disabled: boolean;
  maxDocumentBytes: number;
  onFile(file: File): void;
}

/** Choose a document, or drop it here. */
export const FileDropZone = ({ disabled, maxDocumentBytes, onFile }: FileDropZoneProps) => {
  const { formatMessage } = useIntl();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file && !disabled) onFile(file);
  };

  return (
    <Zone
      $active={dragging}
      hasRadius
      padding={8}
      onDragOver={(event: DragEvent) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      data-testid="import-drop-zone"
    >
      <Flex direction="column" gap={3}>
        <CloudUpload width="3.2rem" height="3.2rem" fill="primary600" aria-hidden />
        <Typography variant="delta" textAlign="center">
          {formatMessage({ id: getTranslation('import.drop.title'), defaultMessage: 'Drop a document here' })}
        </Typography>
        <Typography variant="pi" textColor="neutral600" textAlign="center">
          {formatMessage(
            {
              id: getTranslation('import.drop.hint'),
              defaultMessage: 'A tag listing (.txt, like the seed document) or NDJSON (.ndjson, one article a line), up to {max}',
            },
            { max: formatBytes(maxDocumentBytes) },
          )}
        </Typography>
        <Button variant="secondary" disabled={disabled} onClick={() => input.current?.click()}>
          {formatMessage({ id: getTranslation('import.drop.choose'), defaultMessage: 'Choose a file' })}
        </Button>
        <input
          ref={input}
          type="file"
          hidden
          name="document"
          accept=".txt,.ndjson,.jsonl,text/plain,application/x-ndjson"
          onChange={(event) => {
            const file = event.target.files?.[0];
            // Cleared so choosing the same file again (after editing it) reads it again.
            event.target.value = '';
            if (file) onFile(file);
          }}
        />
      </Flex>
    </Zone>
  );
};
