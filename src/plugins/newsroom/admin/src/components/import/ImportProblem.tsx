import { Alert, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { DocumentProblem } from '../../../../shared/contracts/import';
import { getTranslation } from '../../utils/getTranslation';

interface ImportProblemProps {
  message: string;
  problem?: DocumentProblem;
  /** The document sent, to quote the line at fault. */
  text?: string;
  onClose(): void;
}

const MAX_QUOTE = 300;

/** Why a document was refused: where in the file (line 0: the file as a whole) and what is wrong. */
export const ImportProblem = ({ message, problem, text, onClose }: ImportProblemProps) => {
  const { formatMessage } = useIntl();
  const closeLabel = formatMessage({ id: getTranslation('import.error.close'), defaultMessage: 'Close' });
  if (!problem) {
    return (
      <Alert variant="danger" closeLabel={closeLabel} onClose={onClose} title={formatMessage({ id: getTranslation('import.error.title'), defaultMessage: 'Not imported' })} data-testid="import-error">
        {message}
      </Alert>
    );
  }
  const quoted = problem.line > 0 ? text?.split(/\r\n|\r|\n/, problem.line)[problem.line - 1] : undefined;
  // No `title`: Alert sets it beside the message, and the quoted line must sit under the message.
  return (
    <Alert variant="danger" closeLabel={closeLabel} onClose={onClose} data-testid="import-error">
      <Typography tag="span" display="block" fontWeight="bold">
        {problem.line > 0
          ? formatMessage({ id: getTranslation('import.error.line'), defaultMessage: '{file}, line {line}' }, { file: problem.file, line: problem.line })
          : problem.file}
      </Typography>
      <Typography tag="span" display="block">
        {problem.problem}
      </Typography>
      {quoted !== undefined && (
        <Typography tag="code" display="block" paddingTop={2} variant="pi" textColor="neutral700" style={{ whiteSpace: 'pre-wrap', fontFamily: 'monospace' }}>
          {problem.line}: {quoted.length > MAX_QUOTE ? `${quoted.slice(0, MAX_QUOTE)}…` : quoted}
        </Typography>
      )}
    </Alert>
  );
};
