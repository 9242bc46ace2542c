import { Box, Field, Flex, ProgressBar, Tabs, Textarea, TextInput, Typography } from '@strapi/design-system';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { getTranslation } from '../../utils/getTranslation';
import { formatBytes, readDocument, UnreadableDocumentError, type DocumentText } from '../../utils/readDocument';
import { FileDropZone } from './FileDropZone';

interface DocumentSourceProps {
  disabled: boolean;
  /** The server's import limit. */
  maxDocumentBytes: number;
  /** A new document (null: none yet, e.g. the pasted text was cleared). */
  onDocument(document: DocumentText | null): void;
  onError(message: string): void;
}

const PASTED_NAME = 'pasted.txt';

/** The document to import: a file chosen or dropped, or text pasted. */
export const DocumentSource = ({ disabled, maxDocumentBytes, onDocument, onError }: DocumentSourceProps) => {
  const { formatMessage } = useIntl();
  const [reading, setReading] = useState<{ name: string; percent: number } | null>(null);
  const [pasted, setPasted] = useState({ text: '', fileName: PASTED_NAME });

  const unreadable = ({ reason, file, detail }: UnreadableDocumentError) => {
    const values = { name: file.name, type: file.type || 'unknown', size: formatBytes(file.size), max: formatBytes(maxDocumentBytes) };
    switch (reason) {
      case 'tooLarge':
        return formatMessage(
          { id: getTranslation('import.file.tooLarge'), defaultMessage: '{name} is {size}, over the import limit of {max}. Split it into smaller documents.' },
          values,
        );
      case 'empty':
        return formatMessage({ id: getTranslation('import.file.empty'), defaultMessage: '{name} is empty.' }, values);
      case 'notText':
        return formatMessage(
          // The problem in the server's words (lib/import/text-encoding.ts), as it would refuse the document.
          { id: getTranslation('import.file.notText'), defaultMessage: '{name}{type, select, unknown {} other { ({type})}}: {problem}' },
          { ...values, problem: detail },
        );
      default:
        return formatMessage({ id: getTranslation('import.file.unreadable'), defaultMessage: '{name} cannot be read: {message}' }, { ...values, message: detail });
    }
  };

  const readFile = async (file: File) => {
    onDocument(null);
    setReading({ name: file.name, percent: 0 });
    try {
      onDocument(await readDocument(file, maxDocumentBytes, (fraction) => setReading({ name: file.name, percent: Math.round(fraction * 100) })));
    } catch (error) {
      onError(error instanceof UnreadableDocumentError ? unreadable(error) : (error as Error).message);
    } finally {
      setReading(null);
    }
  };

  const paste = (next: typeof pasted) => {
    setPasted(next);
    const text = next.text;
    onDocument(text.trim() ? { text, fileName: next.fileName.trim() || PASTED_NAME, bytes: new TextEncoder().encode(text).length } : null);
  };

  return (
    <Tabs.Root defaultValue="file" variant="simple" disabled={disabled}>
      <Tabs.List aria-label={formatMessage({ id: getTranslation('import.source.label'), defaultMessage: 'Document source' })}>
        <Tabs.Trigger value="file">{formatMessage({ id: getTranslation('import.source.file'), defaultMessage: 'File' })}</Tabs.Trigger>
        <Tabs.Trigger value="paste">{formatMessage({ id: getTranslation('import.source.paste'), defaultMessage: 'Paste text' })}</Tabs.Trigger>
      </Tabs.List>
      <Tabs.Content value="file">
        <Box paddingTop={4}>
          {reading ? (
            <Flex direction="column" alignItems="stretch" gap={2} padding={8}>
              <Typography>
                {formatMessage({ id: getTranslation('import.reading'), defaultMessage: 'Reading {name}…' }, { name: reading.name })}
              </Typography>
              <ProgressBar value={reading.percent} />
            </Flex>
          ) : (
            <FileDropZone disabled={disabled} maxDocumentBytes={maxDocumentBytes} onFile={readFile} />
          )}
        </Box>
      </Tabs.Content>
      <Tabs.Content value="paste">
        <Flex direction="column" alignItems="stretch" gap={4} paddingTop={4}>
          <Field.Root
            name="fileName"
            hint={formatMessage({
              id: getTranslation('import.paste.fileName.hint'),
              defaultMessage: 'Names the document in messages; .ndjson means NDJSON, anything else a tag listing',
            })}
          >
            <Field.Label>{formatMessage({ id: getTranslation('import.paste.fileName'), defaultMessage: 'Document name' })}</Field.Label>
            <TextInput disabled={disabled} value={pasted.fileName} onChange={(event) => paste({ ...pasted, fileName: event.target.value })} />
            <Field.Hint />
          </Field.Root>
          <Field.Root name="text">
            <Field.Label>{formatMessage({ id: getTranslation('import.paste.text'), defaultMessage: 'Document' })}</Field.Label>
            <Textarea
              disabled={disabled}
              value={pasted.text}
              onChange={(event) => paste({ ...pasted, text: event.target.value })}
              // The listing format's own first line, which the importer reads: not prose to translate.
              placeholder="Contents tagged with …"
              style={{ minHeight: '20rem', fontFamily: 'monospace' }}
            />
          </Field.Root>
        </Flex>
      </Tabs.Content>
    </Tabs.Root>
  );
};
