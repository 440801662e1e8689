/** The words of a promotion: its commit message, pull-request title and body. */
export type PromotionFacts = {
  from: string;
  to: string;
  ref: string;
  previous: string;
  /** The file that changes, from the repository's top level. */
  file: string;
  /** https://github.com/owner/name, for the compare link; undefined outside GitHub. */
  repositoryUrl?: string;
  /** The source's Airflow image (name@sha256:...; undefined: the base image) and the target's before. */
  image?: string;
  previousImage?: string;
  /** The target's kustomization.yaml, when the image pin changes with the ref. */
  imageFile?: string;
};

function imageName(image: string | undefined): string {
  return image === undefined ? 'the base image' : `\`${image}\``;
}

const fullSha = /^[0-9a-f]{40}$/;
const unpinned = /^0{40}$/;

function short(ref: string): string {
  return fullSha.test(ref) ? ref.slice(0, 12) : ref;
}

export function promotionTitle(facts: PromotionFacts): string {
  return `Promote ${facts.from} to ${facts.to}: ${short(facts.ref)}`;
}

export function promotionCommitMessage(facts: PromotionFacts): string {
  const image = facts.imageFile === undefined ? '' : `${facts.imageFile}: image ${facts.previousImage ?? '(the base image)'} -> ${facts.image ?? '(the base image)'}\n`;
  return `${promotionTitle(facts)}\n\nPin ${facts.to} to the git-sync ref and the Airflow image that ${facts.from} runs.\n\n${facts.file}: ${facts.previous} -> ${facts.ref}\n${image}`;
}

/** A marker that says which tool wrote the description (it is replaced on every run). */
export const bodyMarker = '<!-- airflow-gitops:promotion -->';

export function promotionBody(facts: PromotionFacts): string {
  const lines = [
    bodyMarker,
    `Promotes the DAGs that **${facts.from}** runs to **${facts.to}**: the pinned git-sync ref of \`${facts.to}\` becomes the one \`${facts.from}\` has.`,
    '',
    '| | ref |',
    '| --- | --- |',
    `| \`${facts.to}\` now | \`${facts.previous}\` |`,
    `| \`${facts.to}\` after merging | \`${facts.ref}\` (from \`${facts.from}\`) |`,
    `| \`${facts.to}\` image now | ${imageName(facts.previousImage)} |`,
    `| \`${facts.to}\` image after merging | ${imageName(facts.image)} (from \`${facts.from}\`) |`,
    '',
    `Changed ${facts.imageFile === undefined ? `file: \`${facts.file}\`` : `files: \`${facts.file}\`, \`${facts.imageFile}\` (the image moves with the DAGs it was checked with)`}.`,
  ];
  if (facts.repositoryUrl && fullSha.test(facts.ref) && fullSha.test(facts.previous) && !unpinned.test(facts.previous)) {
    lines.push('', `[What changes between the two commits](${facts.repositoryUrl}/compare/${facts.previous}...${facts.ref})`);
  }
  lines.push(
    '',
    `Merging deploys \`${facts.to}\` at this ref through the deploy workflow. A later promotion replaces this branch and this description, so edits here do not last.`,
  );
  return `${lines.join('\n')}\n`;
}
