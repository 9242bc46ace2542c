import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { DocumentError } from '../lib/import';

const DOCUMENT_FILE = /\.(?:txt|ndjson)$/i;

/** Files as given, and each folder's *.txt and *.ndjson files, sorted by name. */
export async function documentFiles(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const given of paths) {
    let isFolder: boolean;
    try {
      isFolder = (await stat(given)).isDirectory();
    } catch (error) {
      throw new DocumentError(given, 0, `cannot read: ${(error as Error).message}`);
    }
    if (!isFolder) {
      files.push(given);
      continue;
    }
    const names = (await readdir(given)).filter((name) => DOCUMENT_FILE.test(name)).sort();
    files.push(...names.map((name) => path.join(given, name)));
  }
  return files;
}
