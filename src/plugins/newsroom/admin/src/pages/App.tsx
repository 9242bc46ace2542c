import { Box, Flex, Main, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';

interface Health {
  plugin: string;
  version: string;
  database: string;
}

// The plugin's home page; the editors' pages (import, tag pages, excerpt
// settings) are added here as they are built.
const App = () => {
  const { get } = useFetchClient();
  const [health, setHealth] = useState<Health | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    get<{ data: Health }>('/api/newsroom/health')
      .then(({ data }) => setHealth(data.data))
      .catch((err: Error) => setError(err.message));
  }, [get]);

  return (
    <Main>
      <Layouts.Header title="Newsroom" subtitle="Excerpts, tag pages and document import" />
      <Layouts.Content>
        <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius>
          {error && <Typography textColor="danger600">Plugin not reachable: {error}</Typography>}
          {!error && !health && <Page.Loading />}
          {health && (
            <Flex direction="column" alignItems="flex-start" gap={2}>
              <Typography variant="delta">Newsroom {health.version}</Typography>
              <Typography>Database: {health.database}</Typography>
            </Flex>
          )}
        </Box>
      </Layouts.Content>
    </Main>
  );
};

export default App;
