// Prepared in the next commit: one migrated database template per run.
export default function setup(): void {}
