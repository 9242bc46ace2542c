import { Box, Button, Field, Flex, Grid, IconButton, TextInput, Typography } from '@strapi/design-system';
import { Minus, Plus } from '@strapi/icons';
import { useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import type { NewWebhook } from '../../hooks/useWebhooks';
import { getTranslation } from '../../utils/getTranslation';

interface HeaderRow {
  name: string;
  value: string;
}

interface WebhookFormProps {
  busy: boolean;
  /** True once Strapi created it: the form is then cleared. */
  onCreate(webhook: NewWebhook): Promise<boolean>;
}

const EMPTY: HeaderRow[] = [{ name: '', value: '' }];

/** A new receiver: its name, its URL and the headers it authenticates deliveries with. Strapi checks it (its words are shown if refused). */
export const WebhookForm = ({ busy, onCreate }: WebhookFormProps) => {
  const { formatMessage } = useIntl();
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [headers, setHeaders] = useState<HeaderRow[]>(EMPTY);

  const filled = headers.filter((row) => row.name.trim() || row.value);
  const unnamed = filled.some((row) => !row.name.trim());
  const canSubmit = name.trim() !== '' && url.trim() !== '' && !unnamed && !busy;
  const setRow = (index: number, row: Partial<HeaderRow>) => setHeaders(headers.map((old, i) => (i === index ? { ...old, ...row } : old)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!canSubmit) return;
    const created = await onCreate({
      name: name.trim(),
      url: url.trim(),
      headers: Object.fromEntries(filled.map((row) => [row.name.trim(), row.value])),
    });
    if (created) {
      setName('');
      setUrl('');
      setHeaders(EMPTY);
    }
  };

  return (
    <form onSubmit={submit} noValidate data-testid="webhook-form">
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Grid.Root gap={4}>
          <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
            <Field.Root name="name" required>
              <Field.Label>{formatMessage({ id: getTranslation('webhooks.form.name'), defaultMessage: 'Name' })}</Field.Label>
              <TextInput value={name} onChange={(e) => setName(e.target.value)} />
            </Field.Root>
          </Grid.Item>
          <Grid.Item col={8} s={12} direction="column" alignItems="stretch">
            <Field.Root
              name="url"
              required
              hint={formatMessage({
                id: getTranslation('webhooks.form.url.hint'),
                defaultMessage: 'Each change is POSTed here as JSON, e.g. your frontend’s revalidation route',
              })}
            >
              <Field.Label>{formatMessage({ id: getTranslation('webhooks.form.url'), defaultMessage: 'URL' })}</Field.Label>
              <TextInput placeholder="https://www.example.com/api/revalidate" value={url} onChange={(e) => setUrl(e.target.value)} />
              <Field.Hint />
            </Field.Root>
          </Grid.Item>
        </Grid.Root>
        <Flex direction="column" alignItems="stretch" gap={2}>
          <Typography variant="sigma" textColor="neutral600">
            {formatMessage({ id: getTranslation('webhooks.form.headers'), defaultMessage: 'Headers (how the receiver knows the request is yours)' })}
          </Typography>
          {headers.map((row, index) => (
            <Grid.Root key={index} gap={4} data-testid="webhook-header">
              <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
                <Field.Root
                  name={`headers.${index}.name`}
                  error={row.value && !row.name.trim() ? formatMessage({ id: getTranslation('webhooks.form.header.unnamed'), defaultMessage: 'A header needs a name' }) : undefined}
                >
                  <Field.Label>{formatMessage({ id: getTranslation('webhooks.form.header.name'), defaultMessage: 'Header name' })}</Field.Label>
                  <TextInput placeholder="Authorization" value={row.name} onChange={(e) => setRow(index, { name: e.target.value })} />
                  <Field.Error />
                </Field.Root>
              </Grid.Item>
              <Grid.Item col={7} s={10} direction="column" alignItems="stretch">
                <Field.Root name={`headers.${index}.value`}>
                  <Field.Label>{formatMessage({ id: getTranslation('webhooks.form.header.value'), defaultMessage: 'Header value' })}</Field.Label>
                  <TextInput placeholder="Bearer …" value={row.value} onChange={(e) => setRow(index, { value: e.target.value })} />
                </Field.Root>
              </Grid.Item>
              <Grid.Item col={1} s={2} alignItems="flex-end">
                <Box paddingTop={6}>
                  <IconButton
                    label={formatMessage({ id: getTranslation('webhooks.form.header.remove'), defaultMessage: 'Remove this header' })}
                    variant="ghost"
                    disabled={headers.length === 1}
                    onClick={() => setHeaders(headers.filter((_, i) => i !== index))}
                  >
                    <Minus />
                  </IconButton>
                </Box>
              </Grid.Item>
            </Grid.Root>
          ))}
          <Box>
            <Button variant="tertiary" startIcon={<Plus />} onClick={() => setHeaders([...headers, { name: '', value: '' }])}>
              {formatMessage({ id: getTranslation('webhooks.form.header.add'), defaultMessage: 'Add a header' })}
            </Button>
          </Box>
        </Flex>
        <Box>
          <Button type="submit" disabled={!canSubmit} loading={busy}>
            {formatMessage({ id: getTranslation('webhooks.form.create'), defaultMessage: 'Create webhook' })}
          </Button>
        </Box>
      </Flex>
    </form>
  );
};
