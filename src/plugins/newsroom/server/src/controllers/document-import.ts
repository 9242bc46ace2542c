import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { DocumentError, documentSizeProblem } from '../lib/import';
import { importRequestSchema } from '../validation/import-request';
import { validate } from '../validation/validate';
import { getService } from '../utils/get-service';

type Ctx = Parameters<Core.MiddlewareHandler>[0];

// The server's readers wait about this long per turn of the event loop while a route import writes.
const ROUTE_IMPORT_SLICE_MS = 8;

const documentImport = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Imports (or with dryRun, tries) one document; answers the import summary. */
  async import(ctx: Ctx) {
    const { text, fileName, format, dryRun, draft } = validate(importRequestSchema, ctx.request.body ?? {}, 'import request');
    const importer = getService(strapi, 'document-import');
    // Checked here, not only by the importer: an NDJSON document is streamed, a line at a time.
    const problem = documentSizeProblem(importer.limits().maxDocumentBytes, Buffer.byteLength(text, 'utf8'));
    if (problem) {
      throw new errors.PayloadTooLargeError(`${fileName}:0: ${problem}`, { file: fileName, line: 0, problem });
    }
    try {
      ctx.body = { data: await importer.importDocument(text, { fileName, format, dryRun, draft, sliceMs: ROUTE_IMPORT_SLICE_MS }) };
    } catch (error) {
      if (!(error instanceof DocumentError)) throw error;
      throw new errors.ValidationError(error.message, { file: error.file, line: error.line, problem: error.problem });
    }
  },
});

export default documentImport;
