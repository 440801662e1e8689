/** The words of a pin: commit message, pull-request title and body. */
export type PinFacts = {
  environment: string;
  ref: string;
  /** The file that changes, from the platform repository's top level. */
  file: string;
  /** Where the DAGs come from, as owner/name, when it is another repository. */
  source?: string;
  /** https://github.com (for links); undefined outside GitHub. */
  serverUrl?: string;
  /** Why a direct push was not taken. */
  refused?: string;
  /** The Airflow image pinned in the same change (name@sha256:...), when it moves too. */
  image?: string;
};

export const pinBodyMarker = '<!-- airflow-gitops:pin -->';

export function pinTitle(facts: PinFacts): string {
  return `Pin ${facts.environment} to ${facts.source ? `${facts.source}@` : ''}${facts.ref.slice(0, 12)}`;
}

export function pinCommitMessage(facts: PinFacts): string {
  return `${pinTitle(facts)}\n\n${facts.file}: GITSYNC_REF=${facts.ref}\n`;
}

export function pinBody(facts: PinFacts): string {
  const commit = facts.source && facts.serverUrl ? `[\`${facts.ref}\`](${facts.serverUrl}/${facts.source}/commit/${facts.ref})` : `\`${facts.ref}\``;
  const lines = [
    pinBodyMarker,
    `Pins **${facts.environment}** to the DAG commit ${commit}${facts.source ? ` of \`${facts.source}\`` : ''}.`,
    '',
    `Changed file: \`${facts.file}\` (one line, \`GITSYNC_REF\`).`,
  ];
  if (facts.image) lines.push('', `With the Airflow image built for it, pinned by digest in the overlay's kustomization.yaml: \`${facts.image}\`.`);
  if (facts.refused) lines.push('', `A direct push was refused, so the pin waits for this pull request: ${facts.refused.split('\n')[0]}`);
  lines.push('', `Merging deploys \`${facts.environment}\` with these DAGs. A later pin replaces this branch and this description.`);
  return `${lines.join('\n')}\n`;
}
