import { Field, Grid, NumberInput, TextInput } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { ExcerptSettings } from '../../../../shared/contracts/excerpts';
import type { ExcerptSettingsBounds } from '../../../../shared/contracts/settings';
import { getTranslation } from '../../utils/getTranslation';

interface ExcerptSettingsFormProps {
  value: ExcerptSettings;
  configured: ExcerptSettings;
  /** What the server accepts (GET /newsroom/settings/limits), checked here to say so before saving. */
  bounds: ExcerptSettingsBounds;
  disabled: boolean;
  onChange(value: ExcerptSettings): void;
}

const isValidMaxLength = (n: number, { maxLength }: ExcerptSettingsBounds) => Number.isInteger(n) && n >= maxLength.min && n <= maxLength.max;
const isValidSuffix = (suffix: string, bounds: ExcerptSettingsBounds) => suffix.length <= bounds.suffix.maxLength;

export const isValidSettings = (settings: ExcerptSettings, bounds: ExcerptSettingsBounds) =>
  isValidMaxLength(settings.maxLength, bounds) && isValidSuffix(settings.suffix, bounds);

/** The suffix is mostly invisible characters (a no-break space): spell it out. */
const codePoints = (text: string) =>
  [...text].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(' ') || '—';

export const ExcerptSettingsForm = ({ value, configured, bounds, disabled, onChange }: ExcerptSettingsFormProps) => {
  const { formatMessage } = useIntl();
  const lengthError = !isValidMaxLength(value.maxLength, bounds)
    ? formatMessage(
        { id: getTranslation('excerpts.maxLength.invalid'), defaultMessage: 'A whole number from {min} to {max}' },
        { min: bounds.maxLength.min, max: bounds.maxLength.max },
      )
    : undefined;
  const suffixError = !isValidSuffix(value.suffix, bounds)
    ? formatMessage({ id: getTranslation('excerpts.suffix.invalid'), defaultMessage: 'At most {max} characters' }, { max: bounds.suffix.maxLength })
    : undefined;

  return (
    <Grid.Root gap={5}>
      <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
        <Field.Root
          name="maxLength"
          error={lengthError}
          hint={formatMessage(
            { id: getTranslation('excerpts.maxLength.hint'), defaultMessage: 'Characters (as readers count them) before the cut. Configured: {configured}' },
            { configured: configured.maxLength },
          )}
        >
          <Field.Label>{formatMessage({ id: getTranslation('excerpts.maxLength.label'), defaultMessage: 'Maximum length' })}</Field.Label>
          <NumberInput
            disabled={disabled}
            value={value.maxLength}
            step={10}
            onValueChange={(maxLength) => onChange({ ...value, maxLength: maxLength ?? 0 })}
          />
          <Field.Hint />
          <Field.Error />
        </Field.Root>
      </Grid.Item>
      <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
        <Field.Root
          name="suffix"
          error={suffixError}
          hint={formatMessage(
            { id: getTranslation('excerpts.suffix.hint'), defaultMessage: 'Appended when the text is cut: {current}. Configured: {configured}' },
            { current: codePoints(value.suffix), configured: codePoints(configured.suffix) },
          )}
        >
          <Field.Label>{formatMessage({ id: getTranslation('excerpts.suffix.label'), defaultMessage: 'Suffix' })}</Field.Label>
          <TextInput disabled={disabled} value={value.suffix} onChange={(event) => onChange({ ...value, suffix: event.target.value })} />
          <Field.Hint />
          <Field.Error />
        </Field.Root>
      </Grid.Item>
    </Grid.Root>
  );
};
