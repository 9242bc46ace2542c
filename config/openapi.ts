// npm run openapi (scripts/openapi.js): the document's server is the REST prefix wherever the API runs
// (PUBLIC_URL), so the committed document does not depend on the machine that made it.
export default {
  servers: [{ url: '/api', description: 'The Newsroom REST API, under PUBLIC_URL' }],
};
