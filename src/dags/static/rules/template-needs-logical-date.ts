/**
 * A Jinja template that reads a logical-date variable (`{{ ds }}`,
 * `{{ logical_date }}`, `{{ data_interval_start }}`...). Airflow 3 sets them
 * only for runs that have a logical date; runs triggered through the REST
 * API, the CLI or by assets have none by default, and then rendering fails
 * with UndefinedError. The message names the null-safe way to write it.
 */
import { folderRule } from '../rule.ts';
import { logicalDateVariables } from '../template-context.ts';
import { templateVariables } from '../template-variables.ts';

export const templateNeedsLogicalDate = folderRule('template-needs-logical-date', 'warning', (context, report) =>
  templateVariables(context)
    .filter((variable) => Object.hasOwn(logicalDateVariables, variable.name) && !variable.guarded)
    .map((variable) => {
      const via = variable.loadedBy === null ? 'this template' : `this template (loaded by ${variable.loadedBy})`;
      return report(variable.file, variable.place,
        `\`${variable.name}\` is undefined in a run without a logical date (in Airflow 3, a run triggered through the REST API, the CLI or by assets), where rendering ${via} fails with UndefinedError: write ${logicalDateVariables[variable.name]}`);
    }),
);
