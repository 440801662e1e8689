/**
 * A Jinja template that reads a variable Airflow 3 removed from the template
 * context (`{{ execution_date }}`, `{{ next_ds }}`...): rendering fails with
 * UndefinedError when the task runs. The message says what to write instead.
 */
import { folderRule } from '../rule.ts';
import { removedVariables } from '../template-context.ts';
import { templateVariables } from '../template-variables.ts';

export const removedTemplateVariable = folderRule('removed-template-variable', 'error', (context, report) =>
  templateVariables(context)
    .filter((variable) => Object.hasOwn(removedVariables, variable.name) && !variable.guarded)
    .map((variable) => {
      const via = variable.loadedBy === null ? 'this template' : `this template (loaded by ${variable.loadedBy})`;
      return report(variable.file, variable.place,
        `\`${variable.name}\` was removed from the template context in Airflow 3, so rendering ${via} fails with UndefinedError: ${removedVariables[variable.name]}`);
    }),
);
