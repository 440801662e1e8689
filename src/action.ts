// GitHub Action entry: filled in by the action work.
export {};
