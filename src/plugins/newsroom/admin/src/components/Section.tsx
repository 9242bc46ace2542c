import { Box, Flex, Typography } from '@strapi/design-system';
import type { ReactNode } from 'react';

/** A white card with an optional heading, as Strapi's own pages group their content. */
export const Section = ({ title, children }: { title?: string; children: ReactNode }) => (
  <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius>
    <Flex direction="column" alignItems="stretch" gap={4}>
      {title && (
        <Typography tag="h2" variant="delta">
          {title}
        </Typography>
      )}
      {children}
    </Flex>
  </Box>
);
