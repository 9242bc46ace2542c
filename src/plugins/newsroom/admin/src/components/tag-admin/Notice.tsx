import { Box, Flex, Typography } from '@strapi/design-system';
import type { ReactNode } from 'react';

const COLORS = {
  danger: { background: 'danger100', border: 'danger200', role: 'alert' },
  warning: { background: 'warning100', border: 'warning200', role: 'status' },
} as const;

interface NoticeProps {
  variant: keyof typeof COLORS;
  title: string;
  children: ReactNode;
  'data-testid'?: string;
}

/** A message that lasts as long as its cause (Strapi's Alert always has a close button, which would do nothing here). */
export const Notice = ({ variant, title, children, ...props }: NoticeProps) => (
  <Box background={COLORS[variant].background} borderColor={COLORS[variant].border} padding={4} hasRadius role={COLORS[variant].role} {...props}>
    <Flex direction="column" alignItems="stretch" gap={1}>
      <Typography fontWeight="bold">{title}</Typography>
      <Typography>{children}</Typography>
    </Flex>
  </Box>
);
