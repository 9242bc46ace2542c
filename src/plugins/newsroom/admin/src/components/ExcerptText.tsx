import { Flex, Typography, type TypographyProps } from '@strapi/design-system';

interface ExcerptTextProps {
  text: string;
  textColor?: TypographyProps['textColor'];
}

/** An excerpt as a reader sees it: its paragraphs (`\n\n`) as paragraphs. */
export const ExcerptText = ({ text, textColor = 'neutral800' }: ExcerptTextProps) => (
  <Flex direction="column" alignItems="stretch" gap={2}>
    {text.split(/\n{2,}/).map((paragraph, i) => (
      <Typography key={i} tag="p" variant="omega" textColor={textColor} style={{ whiteSpace: 'pre-line' }}>
        {paragraph}
      </Typography>
    ))}
  </Flex>
);
