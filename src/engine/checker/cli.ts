/**
 * `npm run lint:dialogs`: runs the static checker over every registered dialog and prints each problem.
 * Exits 1 when any rule fails (the bot would refuse to start with such a tree anyway).
 */
import { botOperationCatalog, procedureBundle } from '../../../dialogs/index.js';
import { builtinMessages } from '../text/builtin.js';
import { mergeCatalogs } from '../text/catalog.js';
import { checkDialogs, formatProblem } from './index.js';

const bundle = procedureBundle();
const { dialogs, problems } = checkDialogs({
  dialogs: bundle.dialogs,
  catalogs: mergeCatalogs(builtinMessages, bundle.catalogs),
  operations: botOperationCatalog(),
  behaviour: bundle.behaviour,
});
for (const problem of problems) process.stderr.write(`${formatProblem(problem)}\n`);
process.stdout.write(`${dialogs.length} dialogs checked, ${problems.length} problems.\n`);
if (problems.length > 0) process.exitCode = 1;
