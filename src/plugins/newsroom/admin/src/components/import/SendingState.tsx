import { Flex, Loader, Typography } from '@strapi/design-system';
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { getTranslation } from '../../utils/getTranslation';
import { formatBytes } from '../../utils/readDocument';

/**
 * Shown while the server has the document: fetch reports no upload progress,
 * and a 10 MB import takes seconds, so the elapsed time shows it is alive.
 */
export const SendingState = ({ bytes, dryRun }: { bytes: number; dryRun: boolean }) => {
  const { formatMessage } = useIntl();
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setSeconds((s) => s + 1), 1000);
    return () => clearInterval(timer);
  }, []);

  return (
    <Flex gap={3} padding={4} background="neutral0" hasRadius shadow="filterShadow" data-testid="import-sending">
      <Loader small />
      <Typography>
        {formatMessage(
          {
            id: getTranslation('import.sending'),
            defaultMessage: '{dryRun, select, true {Uploading {size} and checking what an import would do} other {Uploading {size} and importing}}… {seconds} s',
          },
          { dryRun: String(dryRun), size: formatBytes(bytes), seconds },
        )}
      </Typography>
    </Flex>
  );
};
