import { Button, Flex, Main, Typography } from '@strapi/design-system';
import { Play, Upload } from '@strapi/icons';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { DocumentSource } from '../components/import/DocumentSource';
import { ImportProblem } from '../components/import/ImportProblem';
import { ImportSummaryView } from '../components/import/ImportSummaryView';
import { SendingState } from '../components/import/SendingState';
import { Section } from '../components/Section';
import { useDocumentImport } from '../hooks/useDocumentImport';
import { useLimits } from '../hooks/useLimits';
import { getTranslation } from '../utils/getTranslation';
import { formatBytes, type DocumentText } from '../utils/readDocument';

/** Import a document: a dry run shows what would change, then the import itself. */
export const ImportPage = () => {
  const { formatMessage } = useIntl();
  const [document, setDocument] = useState<DocumentText | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const [lastRun, setLastRun] = useState<{ document: DocumentText; dryRun: boolean } | null>(null);
  const { stage, summary, error, run, clear } = useDocumentImport();
  const { limits, error: limitsError } = useLimits();
  const sending = stage === 'sending';
  // Importing is offered once a dry run of this very document went through.
  const checked = stage === 'done' && lastRun?.dryRun === true && lastRun.document === document;

  const choose = (next: DocumentText | null) => {
    setDocument(next);
    setReadError(null);
    clear();
  };
  const start = (dryRun: boolean) => {
    if (!document) return;
    setLastRun({ document, dryRun });
    run(document, dryRun);
  };

  if (limitsError) return <Page.Error />;
  if (!limits) return <Page.Loading />;

  return (
    <Main>
      <Layouts.Header
        title={formatMessage({ id: getTranslation('import.title'), defaultMessage: 'Import' })}
        subtitle={formatMessage({
          id: getTranslation('import.subtitle'),
          defaultMessage: 'Articles from a tag listing or an NDJSON file; importing the same document again updates them',
        })}
        primaryAction={
          <Flex gap={2}>
            <Button variant="secondary" startIcon={<Play />} onClick={() => start(true)} disabled={!document || sending}>
              {formatMessage({ id: getTranslation('import.dryRun'), defaultMessage: 'Dry run' })}
            </Button>
            <Button startIcon={<Upload />} onClick={() => start(false)} disabled={!checked || sending}>
              {formatMessage({ id: getTranslation('import.run'), defaultMessage: 'Import' })}
            </Button>
          </Flex>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <Section>
            <DocumentSource disabled={sending} maxDocumentBytes={limits.import.maxDocumentBytes} onDocument={choose} onError={setReadError} />
            {document && (
              <Typography tag="p" textColor="neutral600" data-testid="import-document">
                {formatMessage(
                  { id: getTranslation('import.document'), defaultMessage: '{name} · {size}' },
                  { name: document.fileName, size: formatBytes(document.bytes) },
                )}
              </Typography>
            )}
          </Section>
          {readError && <ImportProblem message={readError} onClose={() => setReadError(null)} />}
          {sending && lastRun && <SendingState bytes={lastRun.document.bytes} dryRun={lastRun.dryRun} />}
          {error && (
            <ImportProblem
              message={
                // The body parser's own refusal, before the import route could say where.
                error.status === 413 && !error.problem
                  ? formatMessage({ id: getTranslation('import.tooLarge'), defaultMessage: 'The document is too large for the server to accept.' })
                  : error.message
              }
              problem={error.problem}
              text={lastRun?.document.text}
              onClose={clear}
            />
          )}
          {summary && (
            <Section>
              <ImportSummaryView summary={summary} />
            </Section>
          )}
        </Flex>
      </Layouts.Content>
    </Main>
  );
};
