import { encodingProblem } from '../../../server/src/lib/import/text-encoding';

export interface DocumentText {
  fileName: string;
  text: string;
  bytes: number;
}

/** Why a file cannot be imported, found before anything is sent. */
export class UnreadableDocumentError extends Error {
  constructor(
    readonly reason: 'tooLarge' | 'empty' | 'notText' | 'unreadable',
    readonly file: File,
    /** What is wrong, in the server's words (notText), or the reader's error (unreadable). */
    readonly detail = '',
  ) {
    super(`${file.name}: ${reason} ${detail}`.trim());
  }
}

export const formatBytes = (bytes: number) =>
  bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function readBytes(file: File, onProgress: (fraction: number) => void): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(new UnreadableDocumentError('unreadable', file, reader.error?.message));
    reader.readAsArrayBuffer(file);
  });
}

/**
 * A chosen file's text. Documents are UTF-8 text (a tag listing or NDJSON): a
 * UTF-16 or binary file (an image, …) is refused here with the server's own
 * words for it (the same check), and other bytes that are not UTF-8 before
 * they turn into replacement characters. A file over the server's limit
 * (`maxBytes`) is refused before it is read, so it is never sent.
 */
export async function readDocument(file: File, maxBytes: number, onProgress: (fraction: number) => void): Promise<DocumentText> {
  if (file.size > maxBytes) throw new UnreadableDocumentError('tooLarge', file);
  const bytes = new Uint8Array(await readBytes(file, onProgress));
  if (bytes.byteLength === 0) throw new UnreadableDocumentError('empty', file);
  const problem = encodingProblem(bytes);
  if (problem) throw new UnreadableDocumentError('notText', file, problem);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UnreadableDocumentError('notText', file, 'invalid UTF-8');
  }
  return { fileName: file.name, text, bytes: bytes.byteLength };
}
