import { isFetchError, useFetchClient } from '@strapi/strapi/admin';
import { useCallback, useState } from 'react';
import type { DocumentProblem, ImportDocument, ImportSummary } from '../../../shared/contracts/import';
import type { DocumentText } from '../utils/readDocument';

type ImportStage = 'idle' | 'sending' | 'done' | 'failed';

interface ImportFailure {
  message: string;
  /** Set when the server located the problem in the document. */
  problem?: DocumentProblem;
  status?: number;
}

const isProblem = (details: unknown): details is DocumentProblem =>
  typeof details === 'object' && details !== null && 'problem' in details && 'line' in details;

function failure(error: unknown): ImportFailure {
  if (!isFetchError(error)) return { message: (error as Error).message };
  const apiError = error.response?.data.error;
  const problem = isProblem(apiError?.details) ? apiError.details : undefined;
  return { message: apiError?.message ?? error.message, problem, status: error.status };
}

/** Sends a document to the import route: a dry run (checked, then rolled back) or the import itself. */
export function useDocumentImport() {
  const { post } = useFetchClient();
  const [stage, setStage] = useState<ImportStage>('idle');
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [error, setError] = useState<ImportFailure | null>(null);

  const run = useCallback(
    async (document: DocumentText, dryRun: boolean) => {
      setStage('sending');
      setError(null);
      setSummary(null);
      try {
        const { data } = await post<ImportDocument.Response, ImportDocument.Request['body']>('/newsroom/import', { text: document.text, fileName: document.fileName, dryRun });
        setSummary(data.data);
        setStage('done');
      } catch (err) {
        setError(failure(err));
        setStage('failed');
      }
    },
    [post],
  );

  const clear = useCallback(() => {
    setStage('idle');
    setSummary(null);
    setError(null);
  }, []);

  return { stage, summary, error, run, clear };
}
