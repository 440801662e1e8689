/**
 * src/action is the GitHub Action's entry layer: it owns the action's inputs,
 * outputs, annotations and job summary, and runs the same commands as the CLI.
 *
 * Sends the settings to the command they are for.
 */
import type { ActionSettings } from './settings.ts';
import type { ActionContext, ActionOutcome } from './context.ts';

export async function runCommand(settings: ActionSettings, context: ActionContext): Promise<ActionOutcome> {
  // Loaded on demand, like the CLI's commands: validate need not load the Kubernetes client.
  switch (settings.command) {
    case 'validate':
      return (await import('./commands/validate.ts')).validateAction(settings, context);
    case 'bump':
      return (await import('./commands/bump.ts')).bumpAction(settings, context);
    case 'render':
      return (await import('./commands/render.ts')).renderAction(settings, context);
    case 'diff':
      return (await import('./commands/diff.ts')).diffAction(settings, context);
    case 'deploy':
      return (await import('./commands/deploy.ts')).deployAction(settings, context);
    case 'promote':
      return (await import('./commands/promote.ts')).promoteAction(settings, context);
    case 'pending':
      return (await import('./commands/pending.ts')).pendingAction(settings, context);
  }
}
