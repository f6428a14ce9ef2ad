/** One finding of the static checker, phrased for the dialog author. */
export interface Problem {
  rule:
    | 'schema'
    | 'reference'
    | 'unreachable'
    | 'dead-end'
    | 'message'
    | 'unconfirmed-destructive-call'
    | 'invalid-compensation'
    | 'write-before-disclosure';
  dialog: string;
  node: string;
  message: string;
}

export function formatProblem(problem: Problem): string {
  return `${problem.dialog}#${problem.node} [${problem.rule}] ${problem.message}`;
}
