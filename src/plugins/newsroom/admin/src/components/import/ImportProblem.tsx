import { Alert, Box, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { DocumentProblem } from '../../types';
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
  const quoted = problem.line > 0 ? text?.split('\n', problem.line)[problem.line - 1] : undefined;
  return (
    <Alert
      variant="danger"
      closeLabel={closeLabel}
      onClose={onClose}
      data-testid="import-error"
      title={
        problem.line > 0
          ? formatMessage({ id: getTranslation('import.error.line'), defaultMessage: '{file}, line {line}' }, { file: problem.file, line: problem.line })
          : problem.file
      }
    >
      {problem.problem}
      {quoted !== undefined && (
        <Box tag="span" display="block" paddingTop={2}>
          <Typography tag="code" variant="pi" textColor="neutral700" style={{ whiteSpace: 'pre-wrap', fontFamily: 'monospace' }}>
            {problem.line}: {quoted.length > MAX_QUOTE ? `${quoted.slice(0, MAX_QUOTE)}…` : quoted}
          </Typography>
        </Box>
      )}
    </Alert>
  );
};
