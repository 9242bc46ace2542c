import type { DocumentProblem } from '../../../../shared/contracts/import';

/**
 * A problem in an imported document, located so an editor can fix the file:
 * the message reads like a compiler diagnostic, `file:line: problem`.
 * `line` is 1-based; 0 means the problem concerns the whole file (its size,
 * its encoding as a whole, missing items).
 */
export class DocumentError extends Error implements DocumentProblem {
  readonly file: string;
  readonly line: number;
  readonly problem: string;

  constructor(file: string, line: number, problem: string) {
    super(`${file}:${line}: ${problem}`);
    this.name = 'DocumentError';
    this.file = file;
    this.line = line;
    this.problem = problem;
  }
}
